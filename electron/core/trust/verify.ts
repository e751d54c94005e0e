import type { Data } from '../store/schema.js';
import { verifySignoff, type KeySet } from './signing.js';

type Completion = Data['completions'][number];

const keySets = new WeakMap<Data['profiles'], { fingerprint: string; set: KeySet }>();

/**
 * The public keys of the trainers in this database (rebuilt only when they change): each trainer's
 * current key only. A key is never replaced by Handbook (a passphrase change re-seals the same one),
 * and unlocking checks that the sealed key still matches it (see EditSessions.open).
 */
export function localKeySet(data: Pick<Data, 'profiles'>): KeySet {
  const trainers = data.profiles.filter((p) => p.publicKeys?.length);
  const fingerprint = trainers.map((p) => p.id + ':' + p.publicKeys.join(',')).join(';');
  const hit = keySets.get(data.profiles);
  if (hit && hit.fingerprint === fingerprint) return hit.set;
  const set: KeySet = new Map(trainers.map((p) => [p.id, p.publicKeys.slice(-1)]));
  keySets.set(data.profiles, { fingerprint, set });
  return set;
}

/** A completion that claims a trainer: a sign-off. */
export const claimsTrainer = (c: Completion) => !!c.signedBy || !!c.signature;

const checked = new WeakMap<Completion, { keys: KeySet; ok: boolean }>();

/** Whether a sign-off's signature checks against the key set (cached per row and key set: rows are replaced, never edited). */
export function signoffVerifies(c: Completion, keys: KeySet): boolean {
  const hit = checked.get(c);
  if (hit && hit.keys === keys) return hit.ok;
  const ok = !!c.signedBy && verifySignoff({ profileId: c.profileId, trackId: c.trackId, stepId: c.stepId, completedAt: c.completedAt, trainerId: c.signedBy.id }, c.signature, keys);
  checked.set(c, { keys, ok });
  return ok;
}

const unions = new WeakMap<KeySet, { fingerprint: string; set: KeySet }>();

/**
 * The keys sign-offs are checked against: this PC's trainers' ∪ the pack's trusted keys (a trainer
 * on another PC of the team). The same object while neither changes — also across pack reloads that
 * rebuild an equal key map — so per-key-set caches (`signoffVerifies`, dashboard rows) keep hitting.
 */
export function keySetOf(data: Pick<Data, 'profiles'>, pack: { trustedKeys: KeySet }): KeySet {
  const local = localKeySet(data);
  const extra = pack.trustedKeys;
  if (extra.size === 0) return local;
  const fingerprint = [...extra].map(([id, keys]) => id + ':' + keys.join(',')).join(';');
  const hit = unions.get(local);
  if (hit && hit.fingerprint === fingerprint) return hit.set;
  const set = new Map<string, readonly string[]>(local);
  for (const [id, keys] of extra) set.set(id, [...new Set([...(set.get(id) ?? []), ...keys])]);
  unions.set(local, { fingerprint, set });
  return set;
}

const ownerNames = new WeakMap<KeySet, ReadonlyMap<string, string>>();

/** Records the names a trusted source (the team branch's key files) gives the owners of `keys`. */
export function nameKeyOwners(keys: KeySet, names: ReadonlyMap<string, string>): void {
  ownerNames.set(keys, names);
}

/**
 * The name to show for a trainer who signed something: this PC's profile, else the name in the key
 * file the pack's keys were trusted from — never the name written next to the signature in a record,
 * which the signature does not cover and anyone holding the records file can change. A folder pack's
 * own key files are the pack's word (its `trainers`); a git checkout names its keys when it reads them.
 */
export function keyOwnerName(profiles: Pick<Data, 'profiles'>['profiles'], pack: { trustedKeys: KeySet; trainers?: ReadonlyMap<string, { name: string }> }, trainerId: string): string | null {
  const local = profiles.find((p) => p.id === trainerId);
  if (local) return local.name;
  const named = ownerNames.get(pack.trustedKeys);
  if (named) return named.get(trainerId) ?? null;
  return pack.trustedKeys.has(trainerId) ? pack.trainers?.get(trainerId)?.name ?? null : null;
}
