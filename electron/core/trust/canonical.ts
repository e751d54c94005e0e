/**
 * What a trainer's signature covers, as one exact string. A JSON array of plain strings has one
 * serialization, so signer and verifier (here, on another PC, or in team mode) build the same bytes.
 * The trainer's display name is not in it: a name is shown from the key's owner, never trusted from the record.
 */
export interface SignoffFact { profileId: string; trackId: string; stepId: string; completedAt: string; trainerId: string }

export const SIGNOFF_FORM = 'handbook/signoff/v1';

export function canonicalSignoff(f: SignoffFact): string {
  return JSON.stringify([SIGNOFF_FORM, f.profileId, f.trackId, f.stepId, f.completedAt, f.trainerId]);
}
