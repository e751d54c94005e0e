import crypto from 'node:crypto';
import type { Recognition } from '../../contract.js';
import { HandbookError } from '../api/errors.js';
import type { Caller } from '../profiles/sessions.js';
import { requireProfile } from '../profiles/profiles.js';
import type { RecognitionRow } from '../store/schema.js';
import type { Records, Store } from '../store/store.js';
import { signTrainerFact, verifyTrainerFact, type KeySet } from '../trust/signing.js';

export const RECOGNITION_FORM = 'handbook/recognition/v1';

/**
 * What the trainer's signature covers, as one exact string (see trust/canonical.ts for why a JSON
 * array). The trainer's display name is not in it: the name shown is the key owner's.
 */
export function canonicalRecognition(r: Omit<RecognitionRow, 'signature' | 'trainer'> & { trainerId: string }): string {
  return JSON.stringify([RECOGNITION_FORM, r.id, r.profileId, r.title, r.note, r.givenAt, r.trainerId]);
}

const verifies = (r: RecognitionRow, keys: KeySet) =>
  !!r.trainer && verifyTrainerFact(canonicalRecognition({ ...r, trainerId: r.trainer.id }), r.trainer.id, r.signature, keys);

/** A learner's recognitions whose signature checks (newest first), and how many do not. */
export function verifiedRecognitions(records: Pick<Records, 'recognitions'>, keys: KeySet, nameOf: (trainerId: string) => string | null): { list: Recognition[]; unverified: number } {
  const list: Recognition[] = [];
  let unverified = 0;
  for (const r of records.recognitions ?? []) {
    if (!verifies(r, keys)) { unverified++; continue; }
    list.push({ id: r.id, profileId: r.profileId, title: r.title, note: r.note, givenAt: r.givenAt, givenBy: { id: r.trainer.id, name: nameOf(r.trainer.id) ?? r.trainer.name } });
  }
  return { list: list.sort((a, b) => b.givenAt.localeCompare(a.givenAt)), unverified };
}

/** A trainer (unlocked, with a signing key) recognises a learner; never themselves. */
export async function giveRecognition(store: Store, trainer: Caller, req: { profileId: string; title: string; note: string }): Promise<Recognition> {
  const learner = requireProfile(store, req.profileId);
  if (trainer.profileId === learner.id) throw new HandbookError('forbidden', 'a trainer cannot recognise themselves', 'ownRecognition');
  if (!trainer.signer) throw new HandbookError('forbidden', `${trainer.name} has no signing key yet: set a passphrase first`, 'mustSetPassphrase', { name: trainer.name });
  const row = { id: crypto.randomUUID(), profileId: learner.id, title: req.title, note: req.note, givenAt: new Date().toISOString() };
  const signature = signTrainerFact(canonicalRecognition({ ...row, trainerId: trainer.profileId }), trainer.signer);
  await store.updateRecords(learner.id, (d) => { d.recognitions.push({ ...row, trainer: { id: trainer.profileId, name: trainer.name }, signature }); });
  return { ...row, givenBy: { id: trainer.profileId, name: trainer.name } };
}
