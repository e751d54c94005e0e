import fs from 'node:fs';
import git from 'isomorphic-git';
import type { TeamChange, TeamChanges } from '../../contract.js';
import { lineDiff } from './lineDiff.js';
import { readState, writeState } from './state.js';
import { joinedState } from './sync.js';
import { diffTrees, openRepo, treeOf, type Repo } from './tree.js';

const MAX_CHANGES = 100;

async function text(repo: Repo, oid: string | undefined): Promise<string> {
  if (!oid) return '';
  return Buffer.from((await git.readBlob({ fs, dir: repo.dir, oid, cache: repo.cache })).blob).toString('utf8');
}
const titleIn = (md: string) => /^---[\s\S]*?^title:\s*["']?(.+?)["']?\s*$/m.exec(md)?.[1];

/**
 * The "What changed" page: articles and role guides added, changed and removed since this profile
 * last looked (a profile that never looked sees what the last sync brought), each with the latest
 * commit's author, time and message, and a diff of the text.
 */
export async function listTeamChanges(dataDir: string, contentDir: string, profileId: string): Promise<TeamChanges> {
  const state = joinedState(dataDir, contentDir);
  const repo = openRepo(state.contentDir);
  const head = await git.resolveRef({ fs, dir: repo.dir, ref: 'HEAD' }).catch(() => null);
  const since = state.seen[profileId] ?? state.lastChange?.from ?? head;
  if (!head || !since || since === head) return { since, head, changes: [] };
  const diff = (await diffTrees(repo, await treeOf(repo, since), await treeOf(repo, head)))
    .filter((c) => /^(articles|roles)\/.+\.md$/.test(c.path))
    .slice(0, MAX_CHANGES);
  const changes: TeamChange[] = [];
  for (const c of diff) {
    const before = await text(repo, c.a?.oid);
    const after = await text(repo, c.b?.oid);
    const [last] = await git.log({ fs, dir: repo.dir, ref: head, filepath: c.path, depth: 1, force: true, cache: repo.cache }).catch(() => []);
    const articleId = c.path.startsWith('articles/') ? c.path.slice('articles/'.length, -'.md'.length) : undefined;
    changes.push({
      path: c.path,
      ...(articleId ? { articleId } : {}),
      title: titleIn(after) ?? titleIn(before) ?? c.path,
      kind: !c.a ? 'added' : !c.b ? 'removed' : 'changed',
      author: last?.commit.author.name ?? '',
      at: last ? new Date(last.commit.author.timestamp * 1000).toISOString() : '',
      message: last?.commit.message.trim() ?? '',
      diff: lineDiff(before, after),
    });
  }
  changes.sort((x, y) => y.at.localeCompare(x.at));
  return { since, head, changes };
}

export async function markTeamChangesSeen(dataDir: string, contentDir: string, profileId: string): Promise<{ seen: string | null }> {
  const state = joinedState(dataDir, contentDir);
  const head = await git.resolveRef({ fs, dir: state.contentDir, ref: 'HEAD' }).catch(() => null);
  if (head) writeState(dataDir, { ...readState(dataDir)!, seen: { ...state.seen, [profileId]: head } });
  return { seen: head };
}
