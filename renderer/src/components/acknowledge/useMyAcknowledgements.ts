import { api } from '../../api';
import { useSession } from '../../state/session';
import { withToken } from '../../state/profileSession';
import { useLoad } from '../../state/useLoad';

/** The selected profile's policies to confirm (null without a profile or while its session is locked by a PIN). */
export function useMyAcknowledgements(extraDeps: unknown[] = []) {
  const { profile, profileReady } = useSession();
  return useLoad(
    () => (profile ? withToken(profile.id, (token) => api.listMyAcknowledgements({ token, profileId: profile.id })).catch(() => null) : Promise.resolve(null)),
    [profile?.id, profileReady, ...extraDeps],
  );
}
