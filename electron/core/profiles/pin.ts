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

/**
 * Slows down guessing: a 4-digit PIN falls to 10 000 tries, so after a few wrong PINs in a row a
 * profile is locked for a while. Kept in memory: a restart clears it, which is fine on one PC.
 */
export class PinGuard {
  private failures = new Map<string, { count: number; lockedUntil: number }>();
  constructor(private readonly maxFailures = 5, private readonly lockMs = 60_000) {}

  /** Milliseconds until the profile may try again, or 0. */
  lockedFor(profileId: string, now = Date.now()): number {
    const f = this.failures.get(profileId);
    return f && f.lockedUntil > now ? f.lockedUntil - now : 0;
  }

  record(profileId: string, ok: boolean, now = Date.now()): void {
    if (ok) return void this.failures.delete(profileId);
    const f = this.failures.get(profileId) ?? { count: 0, lockedUntil: 0 };
    f.count += 1;
    if (f.count >= this.maxFailures) {
      f.count = 0;
      f.lockedUntil = now + this.lockMs;
    }
    this.failures.set(profileId, f);
  }
}
