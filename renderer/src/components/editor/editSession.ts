import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { EditSession } from '../../../../electron/contract';
import { api, ApiError } from '../../api';
import { useSession } from '../../state/session';

/**
 * The trainer's session token (editing, dashboard, sign-offs, backups), kept in memory only (a
 * reload asks for the passphrase again) and dropped as soon as the selected profile changes: a
 * learner who takes over the shared PC gets the unlock prompt, not the trainer's screens.
 */
let current: EditSession | null = null;
const listeners = new Set<() => void>();
const set = (s: EditSession | null) => {
  current = s;
  for (const l of listeners) l();
};
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export function useEditSession() {
  const { profile } = useSession();
  const session = useSyncExternalStore(subscribe, () => current);
  useEffect(() => {
    if (current && current.profileId !== profile?.id) {
      api.closeEditSession({ token: current.token }).catch(() => {});
      set(null);
    }
  }, [profile?.id]);
  const open = useCallback(async (passphrase: string) => {
    if (!profile) return;
    set(await api.openEditSession({ profileId: profile.id, passphrase }));
  }, [profile]);
  const lock = useCallback(() => {
    if (current) api.closeEditSession({ token: current.token }).catch(() => {});
    set(null);
  }, []);
  const valid = session && session.profileId === profile?.id ? session : null;
  return { session: valid, token: valid?.token ?? null, open, lock };
}

/** The unlocked trainer's token, if any (for calls outside React state). */
export const currentEditToken = (): string | null => current?.token ?? null;

/** Sets the trainer session from outside the hook (a sign-off dialog unlocking another trainer). */
export const adoptEditSession = (s: EditSession) => set(s);

/** An expired or unknown session: the gate shows the unlock prompt again instead of an error. */
export function dropIfExpired(err: unknown): void {
  if (err instanceof ApiError && err.code === 'unauthorized') set(null);
}
