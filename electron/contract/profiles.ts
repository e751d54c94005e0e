/** Local profiles and the sessions that say who is calling. */
import { z } from 'zod';

import { IsoDate, NoArgs, Passphrase, Pin, ProfileId, RoleId, SessionToken } from './primitives.js';

export const profilesRequests = {
  listProfiles: NoArgs,
  createProfile: z.object({
    /** Display name, as the person wants to be called. */
    name: z.string().trim().min(1, 'name is required').max(60),
    /** The role whose onboarding track this person follows. */
    roleId: RoleId,
    /** First working day; due dates count from it. Defaults to today. */
    startDate: IsoDate.optional(),
    /** Optional PIN for a learner: a convenience on a shared PC, not a strong secret. */
    pin: Pin.optional(),
    /** Trainers author content and sign off steps. */
    trainer: z.boolean().optional(),
    /** Required for a trainer: 8 characters or more. */
    passphrase: Passphrase.optional(),
    /** A trainer's session: needed to create a trainer, except the first one of an empty handbook. */
    token: SessionToken.optional(),
  }).strict()
    .refine((p) => !p.trainer || p.passphrase, { message: 'a trainer profile needs a passphrase of 8 characters or more', path: ['passphrase'] })
    .refine((p) => p.trainer || !p.passphrase, { message: 'only trainers have a passphrase (learners may have a PIN)', path: ['passphrase'] }),
  /**
   * Opens a session for one profile, on this PC: what every call about that profile's own records
   * takes. A profile with a PIN must give it; one without can be opened by anyone at the PC (that
   * is what "no PIN" means). It gives a trainer no trainer rights: those need `openEditSession`.
   */
  openProfileSession: z.object({ profileId: ProfileId, pin: Pin.optional() }).strict(),
  /**
   * Sets a trainer's passphrase. `current` is the current passphrase, or, for a trainer from before
   * passphrases, the old PIN (accepted once, for this only). Creates the trainer's signing key when there is none.
   */
  setPassphrase: z.object({ profileId: ProfileId, current: z.string().min(1).max(200), passphrase: Passphrase }).strict(),
  /** Deletes a profile and all its records (trainers only; never the last trainer, never oneself). */
  deleteProfile: z.object({ token: SessionToken, profileId: ProfileId }).strict(),
} as const;

export interface Profile {
  id: string;
  name: string;
  roleId: string;
  startDate: string;
  trainer: boolean;
  hasPin: boolean;
  createdAt: string;
  /** A trainer from before passphrases: must set one (with the old PIN) before anything else. */
  mustSetPassphrase?: boolean;
}

export interface EditSession {
  token: string; profileId: string; name: string; /** ISO; renewed by every call. */ expiresAt: string;
  /** Whether this session carries trainer rights (`openEditSession`) or only the profile's own (`openProfileSession`). */
  trainer: boolean;
}

export interface ProfilesResponses {
  listProfiles: Profile[];
  createProfile: Profile;
  openProfileSession: EditSession;
  setPassphrase: Profile;
  deleteProfile: { deleted: boolean };
}
