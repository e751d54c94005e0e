import crypto from 'node:crypto';
import type { ParsedRequest, Profile } from '../../contract.js';
import { badRequest, HandbookError, notFound } from '../api/errors.js';
import type { EditSessions } from './sessions.js';
import type { Data } from '../store/schema.js';
import type { Store } from '../store/store.js';
import { newTrainerKeys, openPrivateKey, publicKeyOf, sealPrivateKey } from '../trust/keys.js';
import { hashPassphrase } from '../trust/passphrase.js';
import { hashPin } from './pin.js';
import { requireProfile, type ProfileRow } from './rows.js';

type Row = ProfileRow;

// Onboarding and reading look profiles up through here; the lookup itself lives in rows.ts so the sessions can use it without a cycle.
export { requireProfile };

export const toProfile = (p: Row): Profile => ({
  id: p.id, name: p.name, roleId: p.roleId, startDate: p.startDate, trainer: p.trainer, hasPin: p.pinHash !== null, createdAt: p.createdAt,
  ...(p.mustSetPassphrase ? { mustSetPassphrase: true } : {}),
});

/** Today in the machine's local calendar: a start date is a calendar day, not an instant. */
export function localToday(now = new Date()): string {
  const d = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 10);
}

export function listProfiles(store: Store): Profile[] {
  return store.shared.profiles.map(toProfile);
}

const nameTaken = (d: Pick<Data, 'profiles'>, name: string) => d.profiles.some((p) => p.name.toLowerCase() === name.toLowerCase());

/**
 * A learner needs nothing; a trainer needs a trainer's session, except the very first trainer of a
 * handbook that has none. Both checks run again inside the write queue, so two parallel calls
 * cannot both be "the first trainer" or both take the same name.
 */
export async function createProfile(store: Store, sessions: EditSessions, req: ParsedRequest<'createProfile'>, roleExists: (id: string) => boolean): Promise<Profile> {
  if (!roleExists(req.roleId)) throw badRequest(`unknown role "${req.roleId}"`, 'unknownRole', { role: req.roleId });
  const trainer = req.trainer ?? false;
  const needsToken = () => trainer && sessions.hasTrainer();
  if (needsToken()) sessions.require(req.token);
  const keys = trainer ? await newTrainerKeys(req.passphrase!) : null;
  const row: Row = {
    id: crypto.randomUUID(),
    name: req.name,
    roleId: req.roleId,
    startDate: req.startDate ?? localToday(),
    trainer,
    pinHash: req.pin ? hashPin(req.pin) : null,
    createdAt: new Date().toISOString(),
    passphraseHash: trainer ? await hashPassphrase(req.passphrase!) : null,
    publicKeys: keys ? [keys.publicKey] : [],
    sealedKey: keys?.sealed ?? null,
  };
  // Checked again inside the write, so two parallel calls cannot both take the name or both be "the first trainer".
  await store.updateShared((d) => {
    if (nameTaken(d, req.name)) throw badRequest(`a profile named "${req.name}" already exists on this computer`, 'profileExists', { name: req.name });
    if (needsToken()) sessions.require(req.token);
    d.profiles = [...d.profiles, row];
  });
  return toProfile(row);
}

/**
 * Sets a trainer's passphrase: with the current one (a change: the same signing key, sealed anew),
 * or, for a trainer from before passphrases, with the old PIN (once: it is then erased and a
 * signing key is made). Every open session of the trainer ends.
 */
export async function setPassphrase(store: Store, sessions: EditSessions, req: ParsedRequest<'setPassphrase'>): Promise<Profile> {
  const before = requireProfile(store, req.profileId);
  if (!before.trainer) throw new HandbookError('forbidden', `${before.name} is not a trainer`, 'notTrainer', { name: before.name });
  let sealed: Row['sealedKey'];
  let publicKeys = before.publicKeys;
  if (before.mustSetPassphrase) {
    sessions.verifyOldPin(before.id, req.current);
    const keys = await newTrainerKeys(req.passphrase);
    sealed = keys.sealed;
    publicKeys = [...publicKeys, keys.publicKey];
  } else {
    await sessions.verifyPassphrase(before.id, req.current);
    // The same key, sealed anew: every sign-off this trainer gave keeps verifying.
    const key = before.sealedKey ? await openPrivateKey(before.sealedKey, req.current) : null;
    if (!key || publicKeyOf(key) !== before.publicKeys.at(-1)) {
      throw new HandbookError('forbidden', `${before.name}'s signing key was changed outside Handbook: restore the data folder from a backup`, 'keyTampered', { name: before.name });
    }
    sealed = await sealPrivateKey(key, req.passphrase);
  }
  const hash = await hashPassphrase(req.passphrase);
  const updated = await store.updateShared((d) => {
    const i = d.profiles.findIndex((p) => p.id === before.id);
    if (i < 0) throw notFound(`profile "${before.id}"`);
    const { mustSetPassphrase: _gone, ...rest } = d.profiles[i];
    const next: Row = { ...rest, pinHash: before.mustSetPassphrase ? null : rest.pinHash, passphraseHash: hash, sealedKey: sealed, publicKeys };
    d.profiles = d.profiles.map((p, j) => (j === i ? next : p));
    return next;
  });
  sessions.endAll(before.id);
  return toProfile(updated);
}

/**
 * Removes a learner and every record about them. A trainer profile is never deleted: its public
 * key is what makes the sign-offs it gave verify.
 */
export async function deleteProfile(store: Store, sessions: EditSessions, token: string, profileId: string): Promise<{ deleted: boolean }> {
  sessions.require(token);
  const target = requireProfile(store, profileId);
  if (target.trainer) throw new HandbookError('forbidden', 'a trainer profile is kept: its key verifies the sign-offs it gave', 'deleteTrainer');
  await store.updateAll((d) => {
    if (!d.profiles.some((p) => p.id === profileId)) throw notFound(`profile "${profileId}"`);
    const mine = (r: { profileId: string }) => r.profileId !== profileId;
    d.profiles = d.profiles.filter((p) => p.id !== profileId);
    d.completions = d.completions.filter(mine);
    d.uncompletions = d.uncompletions.filter(mine);
    d.quizAttempts = d.quizAttempts.filter(mine);
    d.signoffRequests = d.signoffRequests.filter(mine);
    d.bookmarks = d.bookmarks.filter(mine);
    d.views = d.views.filter(mine);
    if (d.settings.currentProfileId === profileId) d.settings.currentProfileId = null;
  });
  sessions.endAll(profileId);
  return { deleted: true };
}
