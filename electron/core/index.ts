import fs from 'node:fs';
import path from 'node:path';
import type { AppInfo, HandbookApi, ParsedRequest, Problem } from '../contract.js';
import { badRequest, HandbookError } from './api/errors.js';
import { withValidation } from './api/validate.js';
import { assemblePack, readAllFiles, refreshFile, type Pack, type PackFiles } from './content/pack.js';
import { watchPack } from './content/watch.js';
import { getArticle, getRole, listArticles } from './library/articles.js';
import { getDashboard, warmDashboard } from './onboarding/dashboard.js';
import { exportProgress, importProgress } from './onboarding/exchange.js';
import { completeStep, getProgress, uncompleteStep } from './onboarding/progress.js';
import { quizView, submitQuiz } from './onboarding/quizPlay.js';
import { requestSignoff, signOff } from './onboarding/signoff.js';
import { PinGuard } from './profiles/pin.js';
import { createProfile, deleteProfile, listProfiles, setPassphrase } from './profiles/profiles.js';
import { restoreDatabase } from './trust/restore.js';
import { readingList, recordView, setBookmark } from './profiles/reading.js';
import { openStore, openStoreReadOnly, type Recovery } from './store/store.js';
import { checkContentFolder, effectiveContentDir } from './host/contentFolder.js';
import type { HostHooks } from './host/host.js';
import { withGeneralSynonyms } from './search/generalSynonyms.js';
import { createSearchService } from './search/index.js';
import { diffDocs, packToSearchDocs, unavailableSearch } from './search/searchDocs.js';
import { APP_VERSION } from './version.js';
import { WriteQueue } from './authoring/files.js';
import { authoringHandlers } from './authoring/handlers.js';
import { EditSessions, newSessionState, type SessionState } from './authoring/session.js';
import { noteSearch } from './health/failedSearches.js';
import { createPackService } from './packs/service.js';
import { teamHandlers } from './team/handlers.js';
import { recognitionHandlers } from './recognition/handlers.js';
import { chartsHandlers } from './charts/handlers.js';

export interface CoreOptions {
  /** The content pack folder. */
  contentDir: string;
  /** Where the database, backups and the search index cache live. */
  dataDir: string;
  /** Reload when files change on disk (the app and `serve`); off for one-shot commands. */
  watch?: boolean;
  /** Bundled search worker script; without it the index is built on this thread in small slices. */
  searchWorker?: string;
  /** Use the folder chosen in Settings instead of `contentDir`, when there is one (the app, `serve` without --content). */
  useSavedContentDir?: boolean;
  /** What the hosting process can do for the core (folder picker, PDF, switching folders). */
  host?: HostHooks;
  /**
   * One-shot readers (exports): no lock, no writes, no search index. Works while the app has the
   * data folder open; every write method answers `forbidden`.
   */
  readOnly?: boolean;
  /** Monotonic clock in ms for session expiry (tests move it forward); `performance.now` otherwise. */
  now?: () => number;
  /** Sessions and lock-outs to carry over from a core this one replaces (a content folder switch). */
  sessionState?: SessionState;
}

/** The API plus what only the hosting process needs. */
export interface Core extends HandbookApi {
  readonly contentDir: string;
  readonly dataDir: string;
  /** The pack as currently loaded. */
  pack(): Pack;
  /** Set when the database was damaged and recovered at start-up. */
  readonly recovery: Recovery | null;
  /** Resolves after the next reload caused by a file change (tests, tools). */
  nextReload(): Promise<void>;
  close(): Promise<void>;
}

/** Reads a pack without opening any database: what `handbook validate` needs. */
export async function loadPack(contentDir: string): Promise<Pack> {
  if (!fs.existsSync(contentDir) || !fs.statSync(contentDir).isDirectory()) {
    throw new HandbookError('not_found', `content folder not found: ${contentDir}`);
  }
  return assemblePack(contentDir, await readAllFiles(contentDir));
}

export async function createCore(opts: CoreOptions): Promise<Core> {
  const store = opts.readOnly ? openStoreReadOnly(opts.dataDir) : await openStore(opts.dataDir);
  const root = opts.useSavedContentDir ? effectiveContentDir(store.shared.settings.contentDir, opts.contentDir) : opts.contentDir;
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    await store.close();
    throw new HandbookError('not_found', `content folder not found: ${root}`);
  }
  let files: PackFiles = await readAllFiles(root);
  let pack = assemblePack(root, files);
  const host = opts.host ?? {};
  let reloadWaiters: Array<() => void> = [];
  const search = opts.readOnly ? unavailableSearch() : createSearchService({ cacheDir: path.join(opts.dataDir, 'search-cache'), synonyms: withGeneralSynonyms(pack.info.synonyms), workerScript: opts.searchWorker });
  let indexed = new Map<string, string>();
  const indexPack = (full: boolean) => {
    const docs = packToSearchDocs(pack);
    if (full) search.setDocs(docs);
    else {
      const { upserts, removals } = diffDocs(indexed, docs);
      for (const d of upserts) search.upsertDoc(d);
      for (const id of removals) search.removeDoc(id);
    }
    indexed = new Map(docs.map((d) => [d.id, d.hash]));
  };
  indexPack(true);

  // Reloads parse in the markdown pool (asynchronously): one at a time, so none sees another's half-read files.
  const reloads = new WriteQueue();
  const onFilesChanged = (rels: string[]) => reloads.run(async () => {
    const known = rels.every((r) => r === 'handbook.yaml' || /^(articles|roles|tracks|quizzes)\/.+\.(md|ya?ml)$/i.test(r));
    if (known) for (const r of rels) await refreshFile(root, files, r);
    else files = await readAllFiles(root);
    pack = assemblePack(root, files);
    indexPack(false);
    const waiters = reloadWaiters;
    reloadWaiters = [];
    for (const w of waiters) w();
  });
  const startWatching = () => (opts.watch ? watchPack(root, (rels) => { onFilesChanged(rels).catch(() => { /* the pack stays as it was; the next change retries */ }); }) : async () => {});
  // `let`: a pack import swaps the folder, and the watcher must let go of it (Windows refuses to rename a watched folder).
  let stopWatching = startWatching();

  // Who is calling: every method about a profile's records, and every trainer-only one, asks these.
  const sessions = new EditSessions(store, opts.sessionState ?? newSessionState(new PinGuard()), opts.now);
  // Authoring and content packs (trainers): writes re-read what they wrote at once, not via the watcher.
  const packs = createPackService({
    contentDir: root, dataDir: opts.dataDir, packName: () => pack.info.name,
    async replaceContent(swap) {
      await reloads.run(async () => {
        await stopWatching();
        try {
          await swap();
        } finally {
          try {
            files = await readAllFiles(root);
            pack = assemblePack(root, files);
            indexPack(false);
          } finally {
            stopWatching = startWatching();
          }
        }
      });
    },
  });
  const authoring = authoringHandlers({
    root, pack: () => pack, store, sessions, queue: new WriteQueue(),
    changed: (rels) => reloads.run(async () => {
      for (const r of rels) await refreshFile(root, files, r);
      pack = assemblePack(root, files);
      indexPack(false);
    }),
  }, packs);
  const team = teamHandlers({
    contentDir: root, dataDir: opts.dataDir,
    requireTrainer: (token) => sessions.require(token),
    async useContentFolder(dir) {
      if (!host.switchContentFolder) return false;
      await store.updateShared((d) => { d.settings.contentDir = dir; });
      await host.switchContentFolder(dir);
      return true;
    },
    language: () => (store.shared.settings.language === 'en' ? 'en' : 'zh-CN'),
  });
  const { startSchedule: startTeamSchedule, stopSchedule: stopTeamSchedule, ...teamApi } = team;
  if (opts.watch && !opts.readOnly) startTeamSchedule();
  const recognition = recognitionHandlers({ store, pack: () => pack, sessions });
  const charts = chartsHandlers({ store, pack: () => pack, sessions });
  const handlers: HandbookApi = {
    async getAppInfo(): Promise<AppInfo> {
      const { info } = pack;
      return {
        version: APP_VERSION,
        pack: { id: info.id, name: info.name, nameEn: info.nameEn, version: info.version, language: info.language },
        counts: { articles: pack.articles.size, roles: pack.roles.size, tracks: pack.tracks.size, quizzes: pack.quizzes.size, problems: pack.problems.length },
        paths: { contentDir: root, dataDir: opts.dataDir },
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
      return { contentDir: dir ?? opts.contentDir };
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
      const { profiles } = await restoreDatabase(store, opts.dataDir, content);
      return { profiles };
    },
    async listProfiles() { return listProfiles(store); },
    async createProfile(req) { return createProfile(store, sessions, req as ParsedRequest<'createProfile'>, (id) => pack.roles.has(id) || pack.tracks.has(id)); },
    async openProfileSession({ profileId, pin }) { return sessions.openProfile(profileId, pin); },
    async setPassphrase(req) { return setPassphrase(store, sessions, req as ParsedRequest<'setPassphrase'>); },
    async deleteProfile({ token, profileId }) { return deleteProfile(store, sessions, token, profileId); },
    async getSettings() { return { ...store.shared.settings }; },
    async updateSettings(req) {
      const r = req as ParsedRequest<'updateSettings'>;
      if (r.currentProfileId && !store.shared.profiles.some((p) => p.id === r.currentProfileId)) throw badRequest('unknown profile');
      await store.updateShared((d) => {
        for (const [k, v] of Object.entries(r)) if (v !== undefined) (d.settings as any)[k] = v;
      });
      return { ...store.shared.settings };
    },
    async listArticles(req) { return listArticles(pack, req as ParsedRequest<'listArticles'>); },
    async getArticle({ id }) { return getArticle(pack, id); },
    async listRoles() { return [...pack.roles.values()].map((r) => r.summary); },
    async getRole({ id }) { return getRole(pack, id); },
    async listProblems(): Promise<Problem[]> { return pack.problems; },
    async search(req) {
      const result = await search.search(req as ParsedRequest<'search'>);
      noteSearch(store, req, result)?.catch(() => { /* a lost count must not fail the search */ });
      return result;
    },
    async searchStatus() { return search.status(); },
    async listTracks() { return [...pack.tracks.values()]; },
    // A learner reads and writes only their own records; a trainer reads everyone's but writes a
    // learner's facts only by signing them off.
    async getProgress({ token, profileId }) { sessions.self(token, profileId, true); return getProgress(store, pack, profileId); },
    async completeStep({ token, ...ref }) { sessions.self(token, ref.profileId, false); return completeStep(store, pack, ref); },
    async uncompleteStep({ token, ...ref }) { sessions.self(token, ref.profileId, false); return uncompleteStep(store, pack, ref); },
    async getQuiz({ quizId }) { return quizView(pack, quizId); },
    async submitQuiz(req) {
      const { token, ...r } = req as ParsedRequest<'submitQuiz'>;
      sessions.self(token, r.profileId, false);
      return submitQuiz(store, pack, r);
    },
    async requestSignoff(req) {
      const { token, ...r } = req as ParsedRequest<'requestSignoff'>;
      sessions.self(token, r.profileId, false);
      return requestSignoff(store, pack, r);
    },
    async signOff(req) { return signOff(store, pack, sessions, req); },
    async getDashboard({ token, role }) { sessions.require(token); return getDashboard(store, pack, role); },
    async exportProgress({ token, ...req }) {
      // Everyone's records: a trainer only. One learner's: that learner, or a trainer.
      if (req.profileId) sessions.self(token, req.profileId, true);
      else sessions.require(token);
      return exportProgress(store, pack, req);
    },
    async importProgress({ token, data }) { sessions.require(token); return importProgress(store, data); },
    async setBookmark({ token, profileId, articleId, bookmarked }) {
      sessions.self(token, profileId, false);
      await setBookmark(store, profileId, articleId, bookmarked);
      return readingList(store, pack, profileId);
    },
    async recordView({ token, profileId, articleId }) {
      sessions.self(token, profileId, false);
      await recordView(store, profileId, articleId);
      return readingList(store, pack, profileId);
    },
    async getReadingList({ token, profileId }) { sessions.self(token, profileId, true); return readingList(store, pack, profileId); },
    ...authoring,
    ...teamApi,
    ...recognition,
    ...charts,
  };

  if (!opts.readOnly) warmDashboard(store, () => pack);
  const api = withValidation(handlers);
  return {
    ...api,
    contentDir: root,
    dataDir: opts.dataDir,
    pack: () => pack,
    recovery: store.recovery,
    nextReload: () => new Promise((resolve) => reloadWaiters.push(resolve)),
    async close() {
      stopTeamSchedule();
      await reloads.run(async () => {}); // a reload in flight would start a new watcher after this
      await stopWatching();
      packs.close();
      await search.close();
      await store.close();
    },
  };
}
