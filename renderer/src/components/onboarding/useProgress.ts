import { withToken } from '../../state/profileSession';
import { useCallback, useEffect, useState } from 'react';
import type { Progress } from '../../../../electron/contract';
import { api } from '../../api';
import type { Loaded } from '../../state/useLoad';
import { useSession } from '../../state/session';

/**
 * A profile's progress, with a setter for the fresh copy every mutating call returns (so the page
 * never shows a tick that has not landed) and a reload for everything else.
 */
export function useProgress(profileId: string | null) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [tick, setTick] = useState(0);
  // Loaded again once the profile's own session opens (a PIN typed).
  const { profileReady } = useSession();
  useEffect(() => {
    if (!profileId) return;
    let live = true;
    withToken(profileId, (token) => api.getProgress({ token, profileId })).then((p) => live && (setProgress(p), setError(null)), (e: Error) => live && setError(e));
    return () => { live = false; };
  }, [profileId, tick, profileReady]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  // A copy for another profile (just switched) is never shown as this one's.
  const current = progress && progress.profileId === profileId ? progress : null;
  const state: Loaded<Progress> = error ? { status: 'error', error } : current ? { status: 'ready', data: current } : { status: 'loading' };
  return { progress: current, state, error, setProgress, reload };
}
