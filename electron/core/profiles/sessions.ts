import crypto from 'node:crypto';
import type { EditSession } from '../../contract.js';
import { HandbookError } from '../api/errors.js';
import { checkPin, type PinGuard } from './pin.js';
import { requireProfile } from './rows.js';
import type { Store } from '../store/store.js';
import { openPrivateKey, publicKeyOf } from '../trust/keys.js';
import { checkPassphrase } from '../trust/passphrase.js';

/** Idle time after which a trainer must type the passphrase again (a shared PC left unattended). */
export const SESSION_IDLE_MS = 20 * 60_000;
/** Idle time of a learner's profile session: a working day, since it guards only that learner's own records. */
export const PROFILE_IDLE_MS = 10 * 60 * 60_000;

export interface Live { profileId: string; name: string; expires: number; trainer: boolean; idleMs: number; signer: crypto.KeyObject | null }

/** Who is calling, as a token proves it. */
export interface Caller { profileId: string; name: string; trainer: boolean; signer: crypto.KeyObject | null }

/** What outlives one core: the host keeps it when it swaps the core for another content folder. */
export interface SessionState { live: Map<string, Live>; guard: PinGuard }
export const newSessionState = (guard: PinGuard): SessionState => ({ live: new Map(), guard });

export const unauthorized = (message: string, key: string, params?: Record<string, string | number>) => new HandbookError('unauthorized', message, key, params);

/**
 * Sessions: a secret is checked once, then a random token stands for it. Tokens live only in
 * memory (a restart ends them all), expire after their idle time, and are checked against the
 * profile on every call, so demoting or deleting a trainer ends their session. A trainer session
 * also holds the trainer's private key, unsealed with the passphrase, so sign-offs can be signed
 * without keeping the passphrase anywhere.
 */
export class EditSessions {
  private readonly live: Map<string, Live>;
  private readonly guard: PinGuard;
  // A monotonic clock: setting the PC's date back or forth neither extends nor ends a session.
  constructor(private readonly store: Store, state: SessionState, private readonly now = () => performance.now()) {
    this.live = state.live;
    this.guard = state.guard;
  }

  private checkLock(profileId: string, what: string) {
    const wait = this.guard.lockedFor(profileId, this.now());
    if (wait > 0) throw new HandbookError('forbidden', `too many wrong ${what}s: try again in ${Math.ceil(wait / 1000)} s`, 'pinLocked', { seconds: Math.ceil(wait / 1000) });
  }

  private issue(s: Omit<Live, 'expires'>): EditSession {
    const token = crypto.randomBytes(24).toString('base64url');
    const live = { ...s, expires: this.now() + s.idleMs };
    this.live.set(token, live);
    return { token, profileId: s.profileId, name: s.name, expiresAt: new Date(Date.now() + s.idleMs).toISOString(), trainer: s.trainer };
  }

  private checking = new Map<string, Promise<unknown>>();

  /**
   * One passphrase check at a time per profile: scrypt is asynchronous, and parallel guesses must
   * not all pass the lock-out check before the first failure is counted.
   */
  open(profileId: string, passphrase: string): Promise<EditSession> {
    const before = this.checking.get(profileId) ?? Promise.resolve();
    const run = before.catch(() => undefined).then(() => this.openNow(profileId, passphrase));
    this.checking.set(profileId, run);
    const clear = () => { if (this.checking.get(profileId) === run) this.checking.delete(profileId); };
    run.then(clear, clear);
    return run;
  }

  /** Checks a trainer's passphrase with the lock-out (for setPassphrase as well). */
  async verifyPassphrase(profileId: string, passphrase: string): Promise<void> {
    const profile = requireProfile(this.store, profileId);
    this.checkLock(profile.id, 'passphrase');
    const ok = await checkPassphrase(passphrase, profile.passphraseHash);
    this.guard.record(profile.id, ok, this.now());
    if (!ok) throw unauthorized('wrong passphrase', 'wrongPassphrase');
  }

  /** Checks a migrated trainer's old PIN, with the lock-out. */
  verifyOldPin(profileId: string, pin: string): void {
    const profile = requireProfile(this.store, profileId);
    this.checkLock(profile.id, 'PIN');
    const ok = checkPin(pin, profile.pinHash);
    this.guard.record(profile.id, ok, this.now());
    if (!ok) throw unauthorized('wrong PIN', 'wrongPin');
  }

  /** A trainer's session: passphrase checked (with the lock-out), private key unsealed. */
  private async openNow(profileId: string, passphrase: string): Promise<EditSession> {
    const profile = requireProfile(this.store, profileId);
    if (!profile.trainer) throw new HandbookError('forbidden', `${profile.name} is not a trainer: only trainers edit content`, 'notTrainer', { name: profile.name });
    if (profile.mustSetPassphrase || !profile.passphraseHash) throw new HandbookError('forbidden', `${profile.name} must set a passphrase first`, 'mustSetPassphrase', { name: profile.name });
    this.checkLock(profile.id, 'passphrase');
    const ok = await checkPassphrase(passphrase, profile.passphraseHash);
    this.guard.record(profile.id, ok, this.now());
    if (!ok) throw unauthorized('wrong passphrase', 'wrongPassphrase');
    const signer = profile.sealedKey ? await openPrivateKey(profile.sealedKey, passphrase) : null;
    // The key others verify against must be the one this passphrase unseals: a public key swapped in
    // by editing the data file would otherwise go unnoticed.
    if (signer && publicKeyOf(signer) !== profile.publicKeys.at(-1)) {
      throw new HandbookError('forbidden', `${profile.name}'s signing key was changed outside Handbook: restore the data folder from a backup`, 'keyTampered', { name: profile.name });
    }
    return this.issue({ profileId: profile.id, name: profile.name, trainer: true, idleMs: SESSION_IDLE_MS, signer });
  }

  /** A profile's own session: its PIN when it has one (with the same lock-out), nothing otherwise. */
  openProfile(profileId: string, pin: string | undefined): EditSession {
    const profile = requireProfile(this.store, profileId);
    if (profile.pinHash) {
      this.checkLock(profile.id, 'PIN');
      if (!pin) throw unauthorized(`${profile.name} has a PIN: enter it`, 'pinRequired', { name: profile.name });
      const ok = checkPin(pin, profile.pinHash);
      this.guard.record(profile.id, ok, this.now());
      if (!ok) throw unauthorized('wrong PIN', 'wrongPin');
    }
    return this.issue({ profileId: profile.id, name: profile.name, trainer: false, idleMs: PROFILE_IDLE_MS, signer: null });
  }

  close(token: string): boolean {
    return this.live.delete(token);
  }

  /** Ends every session of a profile (deleted, passphrase changed). */
  endAll(profileId: string): void {
    for (const [t, s] of this.live) if (s.profileId === profileId) this.live.delete(t);
  }

  /** Who is behind a token, or `unauthorized`. Each use renews the idle timer. */
  caller(token: string | undefined): Caller {
    const s = token ? this.live.get(token) : undefined;
    const now = this.now();
    if (!s || s.expires <= now) {
      if (s) this.live.delete(token!);
      throw unauthorized(token ? 'session expired or unknown: unlock again' : 'this needs a session: choose your profile (or unlock as a trainer)', 'sessionExpired');
    }
    const profile = this.store.shared.profiles.find((p) => p.id === s.profileId);
    if (!profile || (s.trainer && !profile.trainer)) {
      this.live.delete(token!);
      throw unauthorized('this session\'s profile is gone or no longer a trainer', 'sessionExpired');
    }
    s.expires = now + s.idleMs;
    return { profileId: s.profileId, name: profile.name, trainer: s.trainer, signer: s.signer };
  }

  /** The trainer behind a token: `unauthorized` without a valid session, `forbidden` for a learner's. */
  require(token: string | undefined): Caller {
    const c = this.caller(token);
    if (!c.trainer) throw new HandbookError('forbidden', 'only a trainer may do this: unlock with your trainer passphrase', 'trainerOnly');
    return c;
  }

  /** The profile itself (any session of it), or a trainer when `trainerToo`. */
  self(token: string | undefined, profileId: string, trainerToo: boolean): Caller {
    const c = this.caller(token);
    if (c.profileId === profileId || (trainerToo && c.trainer)) return c;
    throw new HandbookError('forbidden', 'these are another person\'s records', 'notYourRecords');
  }

  /** Whether any trainer exists: the first one may be created without a session. */
  hasTrainer(): boolean {
    return this.store.shared.profiles.some((p) => p.trainer);
  }
}
