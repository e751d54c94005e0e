import fs from 'node:fs';
import path from 'node:path';
import type { Handlers, HandbookApi } from '../contract.js';
import { HandbookError } from './api/errors.js';
import { withValidation } from './api/validate.js';
import { assemblePack, readAllFiles, refreshFile, type Pack, type PackFiles } from './content/pack.js';
import { watchPack } from './content/watch.js';
import { PinGuard } from './profiles/pin.js';
import { openStore, openStoreReadOnly, type Recovery } from './store/store.js';
import { effectiveContentDir } from './host/contentFolder.js';
import type { HostHooks } from './host/host.js';
import { withGeneralSynonyms } from './search/generalSynonyms.js';
import { createSearchService } from './search/index.js';
import { diffDocs, packToSearchDocs, unavailableSearch } from './search/searchDocs.js';
import { WriteQueue } from './authoring/files.js';
import { authoringHandlers } from './authoring/handlers.js';
import { EditSessions, newSessionState, type SessionState } from './profiles/sessions.js';
import { createPackService } from './packs/service.js';
import { teamHandlers } from './team/handlers.js';
import { quizbankHandlers } from './quizbank/handlers.js';
import { trustedPackKeys, writeTrainerKeys } from './team/trainerKeys.js';
import { teamPublishHandlers } from './teamPublish/handlers.js';
import { appHandlers } from './app/handlers.js';
import { libraryHandlers } from './library/handlers.js';
import { onboardingHandlers } from './onboarding/handlers.js';
import { warmDashboard } from './onboarding/dashboard.js';
import { warmCharts } from './charts/charts.js';
import { packsHandlers } from './packs/handlers.js';
import { profilesHandlers } from './profiles/handlers.js';
import { searchHandlers } from './search/handlers.js';
import { teamRosterHandlers } from './team/rosterHandlers.js';
import { withDeviceTimes, withTeamRoster } from './team/teamView.js';
import type { AuthoringContext } from './authoring/context.js';
import { acknowledgeHandlers } from './acknowledge/handlers.js';
import { reviewsHandlers } from './reviews/handlers.js';
import { reviewedSummary, verifications } from './reviews/verifications.js';
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
  /** Team mode: delay between this PC's last records write and their push (default 5 s; tests shorten it). */
  teamRecordsPushDelayMs?: number;
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
  // The pack's trainer keys this PC trusts: in a git team checkout, the team branch's (team/trainerKeys.ts).
  const withTrust = async (p: Pack) => { p.trustedKeys = await trustedPackKeys(opts.dataDir, root, p); return p; };
  let files: PackFiles = await readAllFiles(root);
  let pack = await withTrust(assemblePack(root, files));
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
    const known = rels.every((r) => r === 'handbook.yaml' || /^(articles|roles|tracks|quizzes|trainers)\/.+\.(md|ya?ml)$/i.test(r));
    if (known) for (const r of rels) await refreshFile(root, files, r);
    else files = await readAllFiles(root);
    pack = await withTrust(assemblePack(root, files));
    indexPack(false);
    const waiters = reloadWaiters;
    reloadWaiters = [];
    for (const w of waiters) w();
  });
  const startWatching = () => (opts.watch ? watchPack(root, (rels) => { onFilesChanged(rels).catch(() => { /* the pack stays as it was; the next change retries */ }); }) : async () => {});
  // `let`: a pack import swaps the folder, and the watcher must let go of it (Windows refuses to rename a watched folder).
  let stopWatching = startWatching();

  // Who is calling: every method about a profile's records, and every trainer-only one, asks these.
  // The whole team's learners for the trainer's dashboard and CSV (this PC's profiles plus the team's roster).
  const teamView = withTeamRoster(store, opts.dataDir);
  const sessions = new EditSessions(store, opts.sessionState ?? newSessionState(new PinGuard()), opts.now);
  // Content packs (trainers): an import swaps the whole folder, with the watcher stopped meanwhile.
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
            pack = await withTrust(assemblePack(root, files));
            indexPack(false);
          } finally {
            stopWatching = startWatching();
          }
        }
      });
    },
  });
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
    records: store,
    recordsPushDelayMs: opts.teamRecordsPushDelayMs,
    contentChanged: (rels) => onFilesChanged(rels),
  });
  const { startSchedule: startTeamSchedule, stopSchedule: stopTeamSchedule, flushRecords: flushTeamRecords, ...teamApi } = team;
  if (opts.watch && !opts.readOnly) startTeamSchedule();
  // In a team checkout every save becomes a commit by the trainer, in the pack's language.
  const teamPublish = teamPublishHandlers({
    contentDir: root, dataDir: opts.dataDir,
    requireTrainer: (token) => sessions.require(token),
    language: () => (pack.info.language?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN'),
  });
  const { afterSave: commitTeamSave, settled: teamSavesSettled, ...teamPublishApi } = teamPublish;
  // Authoring writes re-read what they wrote at once, not via the watcher.
  const rereadWritten = (rels: string[]) => reloads.run(async () => {
    for (const r of rels) await refreshFile(root, files, r);
    pack = await withTrust(assemblePack(root, files));
    indexPack(false);
  }).then(() => commitTeamSave(rels));
  const current = () => pack;
  const authoringCtx: AuthoringContext = { root, pack: current, store, sessions, queue: new WriteQueue(), changed: rereadWritten };
  // What people see of an article's review: its front matter and the signed "still valid" events.
  const reviewed = () => { const index = verifications(store, pack); return (a: Parameters<typeof reviewedSummary>[0]) => reviewedSummary(a, index); };
  // Every method, by feature; each feature's file says who may call what.
  // A trainer's public keys go into a team checkout's `trainers/`, so every PC of the team checks their
  // sign-offs. Left as a local change, not committed here: the trainer's next publishing sync commits
  // and pushes it like any edit, while token-less syncs keep fast-forwarding (an unpublished commit
  // would hold back this PC's news until someone publishes).
  const publishKeysOf = async (profileId: string) => {
    const trainer = store.shared.profiles.find((p) => p.id === profileId && p.trainer);
    try {
      const rel = trainer ? writeTrainerKeys(opts.dataDir, root, trainer) : null;
      if (rel) await onFilesChanged([rel]);
    } catch (err) {
      // The profile stays as made; the next unlock writes the file again.
      console.error('team: writing trainer keys failed:', (err as Error).message);
    }
  };
  const profiles = profilesHandlers({ store, sessions, roleExists: (id) => pack.roles.has(id) || pack.tracks.has(id) });
  const authoring = authoringHandlers(authoringCtx);
  const handlers: Handlers = {
    ...appHandlers({ pack: current, store, sessions, host, contentDir: root, defaultContentDir: opts.contentDir, dataDir: opts.dataDir }),
    ...profiles,
    async createProfile(req) { const p = await profiles.createProfile(req); await publishKeysOf(p.id); return p; },
    async setPassphrase(req) { const p = await profiles.setPassphrase(req); await publishKeysOf(p.id); return p; },
    ...libraryHandlers({ pack: current, store, sessions, reviewed }),
    ...searchHandlers({ search, store }),
    ...onboardingHandlers({ pack: current, store, sessions, teamStore: teamView, withTeamDetails: (d) => withDeviceTimes(d, opts.dataDir) }),
    ...authoring,
    // Unlocking also publishes the keys of a trainer made before this PC joined the team.
    async openEditSession(req) { const r = await authoring.openEditSession(req); await publishKeysOf(req.profileId); return r; },
    ...packsHandlers({ requireTrainer: (token) => sessions.require(token), packs }),
    ...teamApi,
    ...teamPublishApi,
    ...teamRosterHandlers({ dataDir: opts.dataDir, store, sessions }),
    ...acknowledgeHandlers(authoringCtx),
    ...reviewsHandlers({ pack: current, store, sessions }),
    ...quizbankHandlers({ store, pack: current, sessions, dataDir: opts.dataDir }),
    ...recognitionHandlers({ store, pack: current, sessions }),
    ...chartsHandlers({ store, pack: current, sessions }),
  };

  if (!opts.readOnly) {
    warmDashboard(store, () => pack);
    void warmCharts(store, () => pack);
  }
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
      await teamSavesSettled();
      await flushTeamRecords();
      await reloads.run(async () => {}); // a reload in flight would start a new watcher after this
      await stopWatching();
      packs.close();
      await search.close();
      await store.close();
    },
  };
}
