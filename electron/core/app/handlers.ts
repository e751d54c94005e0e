import type { Handlers } from '../../contract.js';
import { badRequest, HandbookError } from '../api/errors.js';
import type { EditSessions } from '../profiles/sessions.js';
import type { Pack } from '../content/pack.js';
import { checkContentFolder } from '../host/contentFolder.js';
import type { HostHooks } from '../host/host.js';
import type { Store } from '../store/store.js';
import { restoreDatabase } from '../trust/restore.js';
import { APP_VERSION } from '../version.js';

export type AppMethods =
  | 'getAppInfo' | 'backupDatabase' | 'restoreDatabase' | 'getSettings' | 'updateSettings' | 'setContentFolder'
  | 'pickContentFolder' | 'savePageAsPdf';

/** What the app-wide methods need from the core. */
export interface AppContext {
  /** The pack as loaded now (it changes on every reload). */
  pack(): Pack;
  store: Store;
  sessions: EditSessions;
  /** What the hosting process can do (folder picker, PDF, switching folders); absent hooks answer `unavailable`. */
  host: HostHooks;
  /** The content folder this core reads. */
  contentDir: string;
  /** The host's default content folder, used again when Settings chooses none. */
  defaultContentDir: string;
  dataDir: string;
}

/** Version and paths, machine-wide settings, the content folder, database backups and what only the host can do. */
export function appHandlers({ pack, store, sessions, host, contentDir, defaultContentDir, dataDir }: AppContext): Pick<Handlers, AppMethods> {
  return {
    async getAppInfo() {
      const p = pack();
      const { info } = p;
      return {
        version: APP_VERSION,
        pack: { id: info.id, name: info.name, nameEn: info.nameEn, version: info.version, language: info.language },
        counts: { articles: p.articles.size, roles: p.roles.size, tracks: p.tracks.size, quizzes: p.quizzes.size, problems: p.problems.length },
        paths: { contentDir, dataDir },
        capabilities: { pickFolder: !!host.pickFolder, savePdf: !!host.savePageAsPdf, switchContent: !!host.switchContentFolder },
        recovery: store.recovery,
      };
    },
    async setContentFolder({ token, path: wanted }) {
      sessions.require(token);
      if (!host.switchContentFolder) throw new HandbookError('unavailable', 'this Handbook was started with a fixed content folder (--content); restart it with another one');
      const dir = wanted === null ? null : checkContentFolder(wanted);
      await store.updateShared((d) => { d.settings.contentDir = dir; });
      await host.switchContentFolder(dir);
      return { contentDir: dir ?? defaultContentDir };
    },
    async pickContentFolder() {
      if (!host.pickFolder) throw new HandbookError('unavailable', 'the folder picker is only in the desktop app; type the folder path instead');
      return { path: await host.pickFolder() };
    },
    async savePageAsPdf({ fileName }) {
      if (!host.savePageAsPdf) throw new HandbookError('unavailable', 'saving as PDF is only in the desktop app; use Print → Save as PDF');
      return { file: await host.savePageAsPdf(fileName.toLowerCase().endsWith('.pdf') ? fileName : fileName + '.pdf') };
    },
    async backupDatabase({ token }) {
      sessions.require(token);
      const day = new Date().toISOString().slice(0, 10);
      return { fileName: `handbook-backup-${day}.json`, content: JSON.stringify(store.data, null, 1) };
    },
    async restoreDatabase({ token, content }) {
      sessions.require(token);
      const { profiles } = await restoreDatabase(store, dataDir, content);
      return { profiles };
    },
    async getSettings() { return { ...store.shared.settings }; },
    async updateSettings({ language, theme, currentProfileId }) {
      if (currentProfileId && !store.shared.profiles.some((p) => p.id === currentProfileId)) throw badRequest('unknown profile');
      await store.updateShared((d) => {
        if (language !== undefined) d.settings.language = language;
        if (theme !== undefined) d.settings.theme = theme;
        if (currentProfileId !== undefined) d.settings.currentProfileId = currentProfileId;
      });
      return { ...store.shared.settings };
    },
  };
}
