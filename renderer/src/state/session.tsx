import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { AppInfo, Profile, RoleSummary, Settings } from '../../../electron/contract';
import { api } from '../api';
import { useProfileSession } from './profileSession';

export interface Session {
  info: AppInfo;
  settings: Settings;
  profiles: Profile[];
  profile: Profile | null;
  /** The selected profile's own session is open (its records can be read and written). */
  profileReady: boolean;
  /** The selected profile has a PIN and its session is not open yet. */
  needsPin: boolean;
  /** Role guides, for names wherever a role id is shown. */
  roles: RoleSummary[];
  updateSettings(patch: Partial<Settings>): Promise<void>;
  reloadProfiles(): Promise<Profile[]>;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** Loads app info, settings and profiles once; children render only when they are known. */
export function SessionProvider({ children, fallback }: { children: ReactNode; fallback: (error: Error | null) => ReactNode }) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [profiles, setProfiles] = useState<Profile[]>([]);
  const [roles, setRoles] = useState<RoleSummary[]>([]);
  const [error, setError] = useState<Error | null>(null);

  useEffect(() => {
    Promise.all([api.getAppInfo({}), api.getSettings({}), api.listProfiles({}), api.listRoles({})]).then(([i, s, p, r]) => {
      setRoles(r);
      setInfo(i);
      setSettings(s);
      setProfiles(p);
    }, setError);
  }, []);

  const updateSettings = useCallback(async (patch: Partial<Settings>) => {
    setSettings(await api.updateSettings(patch));
  }, []);
  const reloadProfiles = useCallback(async () => {
    const p = await api.listProfiles({});
    setProfiles(p);
    return p;
  }, []);

  const profile = profiles.find((p) => p.id === settings?.currentProfileId) ?? null;
  const { token, needsPin } = useProfileSession(profile);
  const value = useMemo<Session | null>(() => {
    if (!info || !settings) return null;
    return { info, settings, profiles, profile, profileReady: !!token, needsPin, roles, updateSettings, reloadProfiles };
  }, [info, settings, profiles, profile, token, needsPin, roles, updateSettings, reloadProfiles]);

  if (!value) return <>{fallback(error)}</>;
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
