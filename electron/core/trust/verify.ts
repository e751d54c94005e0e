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
  const fingerprint = trainers.map((p) => p.id + ':' + p.name + ':' + p.publicKeys.join(',')).join(';');
  const hit = keySets.get(data.profiles);
  if (hit && hit.fingerprint === fingerprint) return hit.set;
  const set: KeySet = new Map(trainers.map((p) => [p.id, p.publicKeys.slice(-1)]));
  signerNames.set(set, new Map(trainers.map((p) => [p.id, p.name])));
  keySets.set(data.profiles, { fingerprint, set });
  return set;
}

/** Trusted names of the keys' owners, per key set (see `signerName`). */
const signerNames = new WeakMap<KeySet, ReadonlyMap<string, string>>();

/**
 * The name to show beside a fact `trainerId` signed, as the key set's source gives it (this PC's
 * profile, else the trusted key file); null when unknown. Never the name written next to the
 * signature in a record: the signature does not cover it, so anyone holding the file can change it.
 */
export const signerName = (keys: KeySet, trainerId: string): string | null => signerNames.get(keys)?.get(trainerId) ?? null;

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
export function keySetOf(data: Pick<Data, 'profiles'>, pack: TrustedPack): KeySet {
  const local = localKeySet(data);
  const extra = pack.trustedKeys;
  if (extra.size === 0) return local;
  const named = packNames(pack);
  const fingerprint = [...extra].map(([id, keys]) => id + ':' + (named.get(id) ?? '') + ':' + keys.join(',')).join(';');
  const hit = unions.get(local);
  if (hit && hit.fingerprint === fingerprint) return hit.set;
  const set = new Map<string, readonly string[]>(local);
  for (const [id, keys] of extra) set.set(id, [...new Set([...(set.get(id) ?? []), ...keys])]);
  signerNames.set(set, new Map([...named, ...(signerNames.get(local) ?? [])]));
  unions.set(local, { fingerprint, set });
  return set;
}

/** A pack as far as trust goes: the keys it is trusted with and, for a folder pack, its own key files. */
export interface TrustedPack { trustedKeys: KeySet; trainers?: ReadonlyMap<string, { name: string }> }

/** Names of the pack's trusted keys' owners: as the team branch gave them, else (a folder pack) its key files'. */
function packNames(pack: TrustedPack): ReadonlyMap<string, string> {
  const named = ownerNames.get(pack.trustedKeys);
  if (named) return named;
  const out = new Map<string, string>();
  for (const id of pack.trustedKeys.keys()) { const n = pack.trainers?.get(id)?.name; if (n) out.set(id, n); }
  return out;
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
export function keyOwnerName(profiles: Pick<Data, 'profiles'>['profiles'], pack: TrustedPack, trainerId: string): string | null {
  return profiles.find((p) => p.id === trainerId)?.name ?? packNames(pack).get(trainerId) ?? null;
}
