import crypto from 'node:crypto';
import type { EditSession } from '../../contract.js';
import { HandbookError } from '../api/errors.js';
import { checkPin, type PinGuard } from '../profiles/pin.js';
import { requireProfile } from '../profiles/profiles.js';
import type { Store } from '../store/store.js';

/** Idle time after which a trainer must type the PIN again (a shared PC left unattended). */
export const SESSION_IDLE_MS = 20 * 60_000;

interface Live { profileId: string; name: string; expires: number }

/**
 * Edit sessions: the PIN is checked once, then a random token stands for it. Tokens live only in
 * memory (a restart ends them all), expire after SESSION_IDLE_MS without use, and are checked
 * against the profile on every call, so demoting or deleting a trainer ends their session.
 */
export class EditSessions {
  private live = new Map<string, Live>();
  constructor(private readonly store: Store, private readonly guard: PinGuard, private readonly now = () => Date.now()) {}

  open(profileId: string, pin: string): EditSession {
    const profile = requireProfile(this.store, profileId);
    if (!profile.trainer) throw new HandbookError('forbidden', `${profile.name} is not a trainer: only trainers edit content`, 'notTrainer', { name: profile.name });
    const wait = this.guard.lockedFor(profile.id, this.now());
    if (wait > 0) throw new HandbookError('forbidden', `too many wrong PINs: try again in ${Math.ceil(wait / 1000)} s`, 'pinLocked', { seconds: Math.ceil(wait / 1000) });
    const ok = checkPin(pin, profile.pinHash);
    this.guard.record(profile.id, ok, this.now());
    if (!ok) throw new HandbookError('forbidden', 'wrong PIN', 'wrongPin');
    const token = crypto.randomBytes(24).toString('base64url');
    const s = { profileId: profile.id, name: profile.name, expires: this.now() + SESSION_IDLE_MS };
    this.live.set(token, s);
    return { token, profileId: s.profileId, name: s.name, expiresAt: new Date(s.expires).toISOString() };
  }

  close(token: string): boolean {
    return this.live.delete(token);
  }

  /** The trainer behind a token, or `forbidden`. Each use renews the idle timer. */
  require(token: string): { profileId: string; name: string } {
    const s = this.live.get(token);
    const now = this.now();
    if (!s || s.expires <= now) {
      if (s) this.live.delete(token);
      throw new HandbookError('forbidden', 'edit session expired or unknown: enter your trainer PIN again', 'sessionExpired');
    }
    const profile = this.store.shared.profiles.find((p) => p.id === s.profileId);
    if (!profile?.trainer) {
      this.live.delete(token);
      throw new HandbookError('forbidden', 'this profile is no longer a trainer');
    }
    s.expires = now + SESSION_IDLE_MS;
    return { profileId: s.profileId, name: profile.name };
  }
}
