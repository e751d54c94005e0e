import fs from 'node:fs';
import path from 'node:path';
import type { Handlers } from '../../contract.js';
import { listTeamChanges, markTeamChangesSeen } from './changes.js';
import { chooseConflictSide, conflictVersions } from './conflicts.js';
import { TeamError } from './errors.js';
import { joinTeam } from './join.js';
import { readState } from './state.js';
import { teamStatus } from './status.js';
import { teamSync } from './teamSync.js';

export type TeamMethods = 'getTeamStatus' | 'syncTeam' | 'joinTeam' | 'listTeamChanges' | 'markTeamChangesSeen' | 'getTeamConflict' | 'resolveTeamConflict';

export interface TeamContext {
  contentDir: string;
  dataDir: string;
  /** Throws unless the token is a live trainer session. */
  requireTrainer(token: string): unknown;
  /** Makes `dir` the content folder (remembered in Settings); false when this host cannot switch. */
  useContentFolder(dir: string): Promise<boolean>;
  language(): 'zh-CN' | 'en';
}

/** Readers check at start-up and then every ten minutes (the rhythm); "Check now" any time. */
export const SYNC_EVERY_MS = 10 * 60 * 1000;

export function teamHandlers(ctx: TeamContext): Pick<Handlers, TeamMethods> & { startSchedule(): void; stopSchedule(): void } {
  let timer: NodeJS.Timeout | null = null;
  const joined = () => {
    const s = readState(ctx.dataDir);
    return !!s && path.resolve(s.contentDir) === path.resolve(ctx.contentDir) && fs.existsSync(path.join(ctx.contentDir, '.git'));
  };
  const sync = async () => {
    const r = await teamSync({ contentDir: ctx.contentDir, dataDir: ctx.dataDir, lang: ctx.language() });
    const { outcome, pulled, pushed, conflicts, publishRefused } = r.content;
    return { outcome, pulled: pulled.length, pushed, conflicts, publishRefused, records: r.records };
  };
  return {
    async getTeamStatus() { return teamStatus(ctx.dataDir, ctx.contentDir); },
    async syncTeam() { return sync(); },
    async joinTeam({ token, url, name, email, username, password, contentDir }) {
      ctx.requireTrainer(token);
      const dir = path.resolve(contentDir);
      const credentials = username || password ? { username, password } : null;
      await joinTeam({ url, contentDir: dir, dataDir: ctx.dataDir, author: { name, email }, credentials });
      return { contentDir: dir, switched: await ctx.useContentFolder(dir) };
    },
    async listTeamChanges({ profileId }) { return listTeamChanges(ctx.dataDir, ctx.contentDir, profileId); },
    async markTeamChangesSeen({ profileId }) { return markTeamChangesSeen(ctx.dataDir, ctx.contentDir, profileId); },
    async getTeamConflict({ token, path: p }) {
      ctx.requireTrainer(token);
      return conflictVersions(ctx.dataDir, ctx.contentDir, p);
    },
    async resolveTeamConflict({ token, path: p, choice }) {
      ctx.requireTrainer(token);
      return { waiting: chooseConflictSide(ctx.dataDir, ctx.contentDir, p, choice) };
    },
    startSchedule() {
      if (timer || !joined()) return;
      const tick = () => { sync().catch((err) => { if (!(err instanceof TeamError)) console.error('team sync failed:', (err as Error).message); }); };
      setTimeout(tick, 2000).unref();
      timer = setInterval(tick, SYNC_EVERY_MS);
      timer.unref();
    },
    stopSchedule() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
