/**
 * The team's roster (team mode): profiles other PCs of the team hold, so a person sitting at a new
 * PC picks themselves instead of making a second profile. See electron/core/team/roster.ts.
 */
import { z } from 'zod';
import { Passphrase, Pin, ProfileId, SessionToken } from './primitives.js';
// Type only (erased at run time): the adopted profile is the contract's one Profile shape.
import type { Profile } from './profiles.js';

export const teamRosterRequests = {
  /** The team's profiles this PC does not hold yet (no network: what the last sync brought). */
  listTeamRoster: z.object({}).strict(),
  /**
   * Takes a profile of the team onto this PC, with the same id, so its records from every PC are
   * one person's. A learner: anyone, with an optional PIN for this PC. A trainer: needs this PC's
   * trainer session (`token`; none while this PC has no trainer) and a passphrase, which seals a
   * signing key made on this PC (private keys never travel).
   */
  adoptTeamProfile: z.object({
    /** The id the profile has on the other PCs. */
    profileId: ProfileId,
    /** A learner's PIN on this PC. */
    pin: Pin.optional(),
    /** A trainer's passphrase on this PC: 8 characters or more. */
    passphrase: Passphrase.optional(),
    /** A trainer's session on this PC, to adopt a trainer. */
    token: SessionToken.optional(),
  }).strict(),
};

/** One person of the team's roster that this PC does not hold yet. */
export interface TeamRosterEntry {
  id: string;
  name: string;
  roleId: string;
  /** First working day (YYYY-MM-DD). */
  startDate: string;
  trainer: boolean;
  createdAt: string;
  /** Names of the PCs that hold the profile. */
  devices: string[];
}

export interface TeamRosterResponses {
  listTeamRoster: { profiles: TeamRosterEntry[] };
  /** The profile as this PC now holds it. */
  adoptTeamProfile: Profile;
}
