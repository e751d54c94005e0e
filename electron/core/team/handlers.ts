import fs from 'node:fs';
import path from 'node:path';
import type { Handlers, TeamJoinProgress, TeamStatusInfo, TeamSyncInfo } from '../../contract.js';
import { listTeamChanges, markTeamChangesSeen } from './changes.js';
import { chooseConflictSide, conflictVersions } from './conflicts.js';
import { TeamError } from './errors.js';
import { badRequest } from '../api/errors.js';
import { joinPhase, joinTeam } from './join.js';
import { readState } from './state.js';
import { teamStatus } from './status.js';
import { teamSync } from './teamSync.js';
import type { Store } from '../store/store.js';
import { loadCredentials } from './credentials.js';
import { deviceIdOf } from './device.js';
import { withTeamLock } from './lock.js';
import { syncRecords } from './records.js';
import { RecordsPusher } from './recordsPush.js';
import { writeOwnRoster } from './roster.js';
import { listShareChanges, markShareChangesSeen } from './shareChanges.js';
import { isFolderAddress, joinShare, pollShareContent, readShareState, SHARE_POLL_MS, syncShareRecords, type ShareState } from './share.js';

export type TeamMethods = 'getTeamStatus' | 'syncTeam' | 'joinTeam' | 'listTeamChanges' | 'markTeamChangesSeen' | 'getTeamConflict' | 'resolveTeamConflict';

export interface TeamContext {
  contentDir: string;
  dataDir: string;
  /** Throws unless the token is a live trainer session. */
  requireTrainer(token: string): unknown;
  /** Makes `dir` the content folder (remembered in Settings); false when this host cannot switch. */
  useContentFolder(dir: string): Promise<boolean>;
  language(): 'zh-CN' | 'en';
  /** The store's side of other devices' records: re-read what a sync wrote, hear of this PC's writes. */
  records: Pick<Store, 'reloadRecordFiles' | 'onRecordsWritten' | 'shared'>;
  /** Delay between this PC's last records write and their push (tests shorten it). */
  recordsPushDelayMs?: number;
  /** Content files that changed on a shared folder (found by polling): reload them as the watcher would. */
  contentChanged?(rels: string[]): Promise<void>;
}

/** How long closing the app waits for this PC's last records to reach the team. */
const FLUSH_ON_QUIT_MS = 10_000;

/** Readers check at start-up and then every ten minutes (the rhythm); "Check now" any time. */
export const SYNC_EVERY_MS = 10 * 60 * 1000;

export interface TeamExtras {
  startSchedule(): void;
  stopSchedule(): void;
  /** On quit: this PC's records not yet pushed go now (bounded in time). */
  flushRecords(): Promise<void>;
}

export function teamHandlers(ctx: TeamContext): Pick<Handlers, TeamMethods> & TeamExtras {
  let timer: NodeJS.Timeout | null = null;
  /** The join under way, for the status the UI polls to draw its progress bar. */
  let joining: TeamJoinProgress | null = null;
  const joined = () => {
    const s = readState(ctx.dataDir);
    return !!s && path.resolve(s.contentDir) === path.resolve(ctx.contentDir) && fs.existsSync(path.join(ctx.contentDir, '.git'));
  };
  /** A shared-folder team whose content is this core's content folder. */
  const shareJoined = () => {
    const s = readShareState(ctx.dataDir);
    return s && path.resolve(s.contentDir) === path.resolve(ctx.contentDir) ? s : null;
  };
  const shareStatus = { lastSyncAt: null as string | null, failingSince: null as string | null, lastError: null as TeamStatusInfo['lastError'], lastChange: null as TeamStatusInfo['lastChange'] };
  const received = async (files: string[]) => { if (files.length) await ctx.records.reloadRecordFiles(files); };
  /** One look at the shared folder: content changes found by polling, then records both ways. */
  const syncShare = async (share: ShareState): Promise<TeamSyncInfo> => {
    const at = new Date().toISOString();
    try {
      const mark = pusher.mark();
      await roster();
      const changed = pollShareContent(ctx.dataDir, share);
      if (changed.length) await ctx.contentChanged?.(changed);
      const r = syncShareRecords(ctx.dataDir, share, deviceIdOf(ctx.dataDir));
      pusher.sent(mark);
      await received(r.files);
      Object.assign(shareStatus, { lastSyncAt: at, failingSince: null, lastError: null, ...(changed.length ? { lastChange: { at, files: changed.length } } : {}) });
      return { outcome: changed.length ? 'updated' : 'up_to_date', pulled: changed.length, pushed: false, conflicts: [], publishRefused: false, records: { pushed: r.pushed, pulled: r.pulled, total: r.total } };
    } catch (err) {
      if (err instanceof TeamError) Object.assign(shareStatus, { failingSince: shareStatus.failingSince ?? at, lastError: { reason: err.reason, message: err.message, at } });
      throw err;
    }
  };
  /** The roster travels with every push: the profiles this PC holds, as they are now. */
  const roster = () => writeOwnRoster(ctx.dataDir, deviceIdOf(ctx.dataDir), ctx.records.shared.profiles);
  const pusher = new RecordsPusher(async () => {
    const share = shareJoined();
    if (share) {
      await roster();
      await received(syncShareRecords(ctx.dataDir, share, deviceIdOf(ctx.dataDir)).files);
      return;
    }
    if (!joined()) return;
    const state = readState(ctx.dataDir)!;
    await roster();
    const r = await withTeamLock(ctx.dataDir, () => syncRecords({
      dataDir: ctx.dataDir, url: state.url, credentials: loadCredentials(ctx.dataDir, process.env), deviceId: deviceIdOf(ctx.dataDir), author: state.author,
    }));
    await received(r.files);
  }, ctx.recordsPushDelayMs);
  const unsubscribe = ctx.records.onRecordsWritten(() => { if (joined() || shareJoined()) pusher.written(); });
  /** Publishing content (commit, merge, push) takes a trainer; fetching and moving records does not. */
  const sync = async (publish: boolean): Promise<TeamSyncInfo> => {
    const share = shareJoined();
    if (share) return syncShare(share);
    const mark = pusher.mark();
    await roster();
    const r = await teamSync({ contentDir: ctx.contentDir, dataDir: ctx.dataDir, lang: ctx.language(), publish });
    pusher.sent(mark);
    await received(r.records.files);
    const { outcome, pulled, pushed, conflicts, publishRefused, heldBack } = r.content;
    const { pushed: sent, pulled: got, total } = r.records;
    return { outcome, pulled: pulled.length, pushed, conflicts, publishRefused, heldBack, records: { pushed: sent, pulled: got, total } };
  };
  return {
    async getTeamStatus() {
      const share = shareJoined();
      if (share) {
        return {
          joined: true, mode: 'folder', url: share.share, branch: '', hasCredentials: false, recordsPending: pusher.pending,
          state: shareStatus.failingSince ? 'failing' : 'up_to_date', conflicts: [], localChanges: 0, head: null, ...shareStatus,
        };
      }
      const s = await teamStatus(ctx.dataDir, ctx.contentDir);
      return s.joined ? { ...s, recordsPending: pusher.pending } : { ...s, ...(joining ? { joining: { ...joining } } : {}) };
    },
    async syncTeam({ token }) {
      if (token !== undefined) ctx.requireTrainer(token);
      return sync(token !== undefined);
    },
    async joinTeam({ token, url, name, email, username, password, contentDir }) {
      ctx.requireTrainer(token);
      if (isFolderAddress(url)) {
        // A shared folder: its `content/` is read where it is (no copy); `contentDir` is not used.
        const share = joinShare(ctx.dataDir, url);
        return { contentDir: share.contentDir, switched: await ctx.useContentFolder(share.contentDir) };
      }
      // A git server needs what a shared folder does not: who commits, and where the checkout goes.
      if (!name || !email) throw badRequest('joining a git server needs your name and e-mail (they sign your changes)', 'teamJoinNeedsAuthor');
      if (!contentDir) throw badRequest('joining a git server needs an empty folder for the team’s content', 'teamJoinNeedsFolder');
      const dir = path.resolve(contentDir);
      const credentials = username || password ? { username: username ?? '', password: password ?? '' } : null;
      joining = { phase: 'connecting', loaded: 0, total: null };
      try {
        await joinTeam({
          url, contentDir: dir, dataDir: ctx.dataDir, author: { name, email }, credentials,
          onProgress: (p) => { joining = { phase: joinPhase(p.phase), loaded: p.loaded, total: p.total || null }; },
        });
      } finally {
        joining = null;
      }
      return { contentDir: dir, switched: await ctx.useContentFolder(dir) };
    },
    // A shared folder has no commits: its "What changed" diffs against what this PC kept of each article.
    async listTeamChanges({ profileId }) {
      const share = shareJoined();
      return share ? listShareChanges(ctx.dataDir, share.contentDir, profileId) : listTeamChanges(ctx.dataDir, ctx.contentDir, profileId);
    },
    async markTeamChangesSeen({ profileId }) {
      const share = shareJoined();
      return share ? markShareChangesSeen(ctx.dataDir, share.contentDir, profileId) : markTeamChangesSeen(ctx.dataDir, ctx.contentDir, profileId);
    },
    async getTeamConflict({ token, path: p }) {
      ctx.requireTrainer(token);
      return conflictVersions(ctx.dataDir, ctx.contentDir, p);
    },
    async resolveTeamConflict({ token, path: p, choice }) {
      ctx.requireTrainer(token);
      return { waiting: chooseConflictSide(ctx.dataDir, ctx.contentDir, p, choice) };
    },
    startSchedule() {
      const polling = !!shareJoined();
      if (timer || !(joined() || polling)) return;
      const tick = () => { sync(false).catch((err) => { if (!(err instanceof TeamError)) console.error('team sync failed:', (err as Error).message); }); };
      setTimeout(tick, 2000).unref();
      timer = setInterval(tick, polling ? SHARE_POLL_MS : SYNC_EVERY_MS);
      timer.unref();
    },
    stopSchedule() {
      if (timer) clearInterval(timer);
      timer = null;
    },
    async flushRecords() {
      unsubscribe();
      await pusher.flush(FLUSH_ON_QUIT_MS);
    },
  };
}
