import crypto from 'node:crypto';

/** Trainer passphrases: at least this many characters (a 4-digit PIN fell to an offline search in 49 s). */
export const MIN_PASSPHRASE = 8;

/**
 * scrypt cost. N = 2^15 costs ~100 ms and 32 MB per guess: fine once per unlock, slow for anyone
 * who copied the database and tries passphrases offline.
 */
const COST = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export function scryptAsync(secret: string, salt: Buffer, length: number, cost = COST): Promise<Buffer> {
  return new Promise((resolve, reject) => crypto.scrypt(secret.normalize('NFC'), salt, length, cost, (err, key) => (err ? reject(err) : resolve(key))));
}

/** `scrypt$N$r$p$salt$hash` (base64): the cost travels with the hash, so it can be raised later. */
export async function hashPassphrase(passphrase: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const hash = await scryptAsync(passphrase, salt, 32);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

export async function checkPassphrase(passphrase: string, stored: string | null): Promise<boolean> {
  if (!stored) return false;
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const want = Buffer.from(hash, 'base64');
  const given = await scryptAsync(passphrase, Buffer.from(salt, 'base64'), want.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: COST.maxmem });
  return want.length === given.length && crypto.timingSafeEqual(given, want);
}
