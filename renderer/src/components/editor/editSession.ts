import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { EditSession } from '../../../../electron/contract';
import { api, ApiError } from '../../api';
import { useSession } from '../../state/session';

/**
 * The trainer's edit session token, kept in memory only (a reload asks for the PIN again) and
 * dropped as soon as the selected profile changes: a learner who takes over the shared PC gets
 * the PIN prompt, not the trainer's editor.
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
  const open = useCallback(async (pin: string) => {
    if (!profile) return;
    set(await api.openEditSession({ profileId: profile.id, pin }));
  }, [profile]);
  const lock = useCallback(() => {
    if (current) api.closeEditSession({ token: current.token }).catch(() => {});
    set(null);
  }, []);
  const valid = session && session.profileId === profile?.id ? session : null;
  return { session: valid, token: valid?.token ?? null, open, lock };
}

/** An expired or unknown session: the gate shows the PIN prompt again instead of an error. */
export function dropIfExpired(err: unknown): void {
  if (err instanceof ApiError && err.code === 'forbidden' && /session/.test(err.message)) set(null);
}
