import type { Handlers } from '../../contract.js';
import type { EditSessions } from './sessions.js';
import type { Store } from '../store/store.js';
import { createProfile, deleteProfile, listProfiles, setPassphrase } from './profiles.js';

export type ProfilesMethods = 'listProfiles' | 'createProfile' | 'openProfileSession' | 'setPassphrase' | 'deleteProfile';

/** What the profile methods need from the core. */
export interface ProfilesContext {
  store: Store;
  sessions: EditSessions;
  /** Whether the pack has this role (a guide or a track): a new profile must follow one. */
  roleExists(id: string): boolean;
}

export function profilesHandlers({ store, sessions, roleExists }: ProfilesContext): Pick<Handlers, ProfilesMethods> {
  return {
    async listProfiles() { return listProfiles(store); },
    async createProfile(req) { return createProfile(store, sessions, req, roleExists); },
    async openProfileSession({ profileId, pin }) { return sessions.openProfile(profileId, pin); },
    async setPassphrase(req) { return setPassphrase(store, sessions, req); },
    async deleteProfile({ token, profileId }) { return deleteProfile(store, sessions, token, profileId); },
  };
}
