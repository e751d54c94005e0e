import crypto from 'node:crypto';

/** PINs are short, so they are stretched with scrypt and a per-profile salt. */
export function hashPin(pin: string): string {
  const salt = crypto.randomBytes(16).toString('hex');
  return `${salt}:${crypto.scryptSync(pin, salt, 32).toString('hex')}`;
}

export function checkPin(pin: string, stored: string | null): boolean {
  if (!stored) return false;
  const [salt, hash] = stored.split(':');
  const given = crypto.scryptSync(pin, salt, 32);
  const want = Buffer.from(hash, 'hex');
  return want.length === given.length && crypto.timingSafeEqual(given, want);
}
