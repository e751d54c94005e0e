import { useEffect, useSyncExternalStore } from 'react';
import type { EditSession, Profile } from '../../../electron/contract';
import { api, ApiError } from '../api';
import { currentEditToken } from '../components/editor/editSession';

/**
 * The selected profile's own session: what every call about that profile's records carries. A
 * profile without a PIN gets one at once; one with a PIN after `unlockProfile`. Kept in memory only.
 */
let current: EditSession | null = null;
let opening: { profileId: string; promise: Promise<EditSession> } | null = null;
const listeners = new Set<() => void>();
const set = (s: EditSession | null) => {
  current = s;
  for (const l of listeners) l();
};
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

function open(profileId: string, pin?: string): Promise<EditSession> {
  if (opening?.profileId === profileId && !pin) return opening.promise;
  const promise = api.openProfileSession({ profileId, ...(pin ? { pin } : {}) }).then((s) => (set(s), s));
  opening = { profileId, promise };
  promise.catch(() => {}).finally(() => { if (opening?.promise === promise) opening = null; });
  return promise;
}

/** Unlocks a profile that has a PIN. */
export const unlockProfile = (profileId: string, pin: string) => open(profileId, pin);

/** Ends the profile's session (profile switched). */
export function dropProfileSession(): void {
  set(null);
}

/**
 * A token that may act on `profileId`'s records: the profile's own session, else an unlocked
 * trainer's (trainers read everyone's). Opens the own session of a PIN-less profile on demand.
 */
export async function tokenFor(profileId: string): Promise<string> {
  if (current?.profileId === profileId) return current.token;
  if (selected !== profileId) {
    const trainer = currentEditToken();
    if (trainer) return trainer;
    throw new ApiError('forbidden', 'only a trainer may see another person\'s records', 'trainerOnly', {});
  }
  // Without a PIN the core opens it at once; with one it answers pinRequired and the prompt shows.
  return (await open(profileId)).token;
}

/** The profile chosen on this PC (set by useProfileSession). */
let selected: string | null = null;

/** Calls `fn` with a token for the profile; a session lost to a restart or idle time is opened again once (PIN-less profiles). */
export async function withToken<T>(profileId: string, fn: (token: string) => Promise<T>): Promise<T> {
  try {
    return await fn(await tokenFor(profileId));
  } catch (err) {
    if (err instanceof ApiError && err.code === 'unauthorized' && err.key === 'sessionExpired' && current?.profileId === profileId) {
      set(null);
      return fn(await tokenFor(profileId));
    }
    throw err;
  }
}

/** The selected profile's session state, for screens that wait on it (and a PIN prompt). */
export function useProfileSession(profile: Profile | null): { token: string | null; needsPin: boolean } {
  const session = useSyncExternalStore(subscribe, () => current);
  useEffect(() => {
    selected = profile?.id ?? null;
    if (current && current.profileId !== profile?.id) set(null);
    if (profile && !profile.hasPin && current?.profileId !== profile.id) open(profile.id).catch(() => {});
  }, [profile?.id, profile?.hasPin]);
  const token = session && session.profileId === profile?.id ? session.token : null;
  return { token, needsPin: !!profile && profile.hasPin && !token };
}
