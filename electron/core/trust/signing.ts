import crypto from 'node:crypto';
import { canonicalSignoff, type SignoffFact } from './canonical.js';

/** Trainer id → that trainer's public keys (SPKI DER, base64), current and earlier ones. */
export type KeySet = ReadonlyMap<string, readonly string[]>;

export function signSignoff(fact: SignoffFact, key: crypto.KeyObject): string {
  return signTrainerFact(canonicalSignoff(fact), key);
}

const publicKeys = new Map<string, crypto.KeyObject | null>();
function publicKey(spki: string): crypto.KeyObject | null {
  let k = publicKeys.get(spki);
  if (k === undefined) {
    try {
      k = crypto.createPublicKey({ key: Buffer.from(spki, 'base64'), format: 'der', type: 'spki' });
      if (k.asymmetricKeyType !== 'ed25519') k = null;
    } catch {
      k = null;
    }
    publicKeys.set(spki, k);
  }
  return k;
}

/**
 * Whether `signature` is the signature of `fact` by one of the keys the set holds for its trainer.
 * A pure function of (record, keys): the key set is whatever the caller trusts (today the local
 * trainers; in team mode the keys published with the content).
 */
export function verifySignoff(fact: SignoffFact, signature: string | undefined, keys: KeySet): boolean {
  return verifyTrainerFact(canonicalSignoff(fact), fact.trainerId, signature, keys);
}

/** Signs any trainer fact given as its one canonical string (sign-offs, recognitions …). */
export function signTrainerFact(canonical: string, key: crypto.KeyObject): string {
  return crypto.sign(null, Buffer.from(canonical), key).toString('base64');
}

/** Whether `signature` signs the canonical string with one of `trainerId`'s keys in the set. */
export function verifyTrainerFact(canonical: string, trainerId: string, signature: string | undefined, keys: KeySet): boolean {
  if (!signature || signature.length > 200) return false;
  const candidates = keys.get(trainerId);
  if (!candidates?.length) return false;
  const sig = Buffer.from(signature, 'base64');
  if (sig.length !== 64) return false;
  const data = Buffer.from(canonical);
  return candidates.some((spki) => {
    const k = publicKey(spki);
    return !!k && crypto.verify(null, data, k, sig);
  });
}

/** Signs any canonical text (a JSON array of strings, see canonical.ts) with a trainer's key: other trainer facts than sign-offs. */
export function signCanonical(text: string, key: crypto.KeyObject): string {
  return crypto.sign(null, Buffer.from(text), key).toString('base64');
}

/** Whether `signature` is `trainerId`'s signature of `text` by one of the keys the set holds for them. */
export function verifyCanonical(text: string, trainerId: string, signature: string | undefined, keys: KeySet): boolean {
  if (!signature || signature.length > 200) return false;
  const sig = Buffer.from(signature, 'base64');
  if (sig.length !== 64) return false;
  const data = Buffer.from(text);
  return (keys.get(trainerId) ?? []).some((spki) => {
    const k = publicKey(spki);
    return !!k && crypto.verify(null, data, k, sig);
  });
}
