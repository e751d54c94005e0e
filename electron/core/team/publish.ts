import fs from 'node:fs';
import path from 'node:path';
import git from 'isomorphic-git';
import type { TeamPublishResult, TeamPublishing } from '../../contract.js';
import type { GitCredentials } from './credentials.js';
import { withTeamLock } from './lock.js';
import { commitMessage } from './messages.js';
import { readPublishing, reviewBranchOf } from './publishing.js';
import { readState, type TeamState } from './state.js';
import { joinedState, syncContent } from './sync.js';
import { diffTrees, openRepo, treeOf } from './tree.js';
import { commitLocal, tracked } from './workdir.js';

/** The team state when `contentDir` is this PC's team checkout, else null (a save outside team mode). */
function stateFor(dataDir: string, contentDir: string): TeamState | null {
  const state = readState(dataDir);
  const dir = path.resolve(contentDir);
  return state && path.resolve(state.contentDir) === dir && fs.existsSync(path.join(dir, '.git')) ? state : null;
}

/**
 * Makes a save in the app a commit authored by the trainer who joined this PC ("更新 退款与退货处理 SOP",
 * "Update Refunds SOP"). Only the saved paths are looked at; an edit made outside the app meanwhile
 * is left for the next sync, which commits it with its own message. Null when nothing changed or
 * the folder is not a team checkout.
 */
export async function commitSaved(o: { dataDir: string; contentDir: string; paths: string[]; lang: 'zh-CN' | 'en' }): Promise<string | null> {
  const state = stateFor(o.dataDir, o.contentDir);
  const paths = o.paths.filter(tracked);
  if (!state || !paths.length) return null;
  return withTeamLock(o.dataDir, async () => {
    const repo = openRepo(state.contentDir);
    return commitLocal(repo, state.author, (files) => commitMessage(repo.dir, files, o.lang), paths);
  });
}

/**
 * "Publish": a sync that pushes, to the team branch or, with review on, to this trainer's review
 * branch. What the server has meanwhile is merged first, by whole files, as in every sync.
 */
export async function publishContent(o: { dataDir: string; contentDir: string; credentials: GitCredentials | null; lang: 'zh-CN' | 'en' }): Promise<TeamPublishResult> {
  const state = joinedState(o.dataDir, o.contentDir);
  const branch = readPublishing(o.dataDir).review ? reviewBranchOf(state.author) : state.branch;
  const r = await syncContent({ contentDir: o.contentDir, dataDir: o.dataDir, credentials: o.credentials, lang: o.lang, publish: true, pushTo: branch });
  const outcome = r.outcome === 'conflict' ? 'conflict' : r.publishRefused ? 'refused' : r.pushed ? 'published' : 'nothing';
  return { outcome, branch, pulled: r.pulled.length, conflicts: r.conflicts };
}

/** How this PC publishes and how many files its commits change against the server's team branch. No network. */
export async function publishingInfo(dataDir: string, contentDir: string): Promise<TeamPublishing> {
  const settings = readPublishing(dataDir);
  const state = stateFor(dataDir, contentDir);
  if (!state) return { joined: false, ...settings, unpublished: 0, reviewBranch: null };
  const repo = openRepo(state.contentDir);
  const head = await git.resolveRef({ fs: repo.fs, dir: repo.dir, ref: 'HEAD' }).catch(() => null);
  let unpublished = 0;
  if (head && head !== state.lastRemote) {
    const changes = await diffTrees(repo, state.lastRemote ? await treeOf(repo, state.lastRemote) : null, await treeOf(repo, head));
    unpublished = changes.filter((c) => tracked(c.path)).length;
  }
  return { joined: true, ...settings, unpublished, reviewBranch: settings.review ? reviewBranchOf(state.author) : null };
}
