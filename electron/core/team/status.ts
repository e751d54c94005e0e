import type { TeamStatusInfo } from '../../contract.js';
import fs from 'node:fs';
import git from 'isomorphic-git';
import { loadCredentials } from './credentials.js';
import { displayUrl } from './remote.js';
import { readState } from './state.js';
import { openRepo } from './tree.js';
import { localChanges, tracked } from './workdir.js';
import { changedSince, readSnapshot, walkTracked } from './statCache.js';
import path from 'node:path';

export type TeamStatus = TeamStatusInfo;

/** Where the team checkout stands, without touching the network. */
export async function teamStatus(dataDir: string, contentDir: string): Promise<TeamStatus> {
  const state = readState(dataDir);
  const dir = path.resolve(contentDir);
  if (!state || path.resolve(state.contentDir) !== dir || !fs.existsSync(path.join(dir, '.git'))) return { joined: false };
  const repo = openRepo(dir);
  const head = await git.resolveRef({ fs, dir, ref: 'HEAD' }).catch(() => null);
  const pending = (await localChanges(repo, changedSince(readSnapshot(dataDir), walkTracked(dir, tracked)))).length;
  const waiting = state.conflicts.length > 0;
  const unpublished = head !== null && head !== state.lastRemote;
  return {
    joined: true,
    url: displayUrl(state.url),
    branch: state.branch,
    author: state.author,
    hasCredentials: loadCredentials(dataDir, {}) !== null,
    state: waiting ? 'conflict' : state.failingSince ? 'failing' : unpublished || pending ? 'unpublished' : 'up_to_date',
    lastSyncAt: state.lastSyncAt,
    failingSince: state.failingSince,
    lastError: state.lastError,
    lastChange: state.lastChange ? { at: state.lastChange.at, files: state.lastChange.files } : null,
    conflicts: state.conflicts.map((c) => ({ path: c.path, ...(c.choice ? { choice: c.choice } : {}) })),
    localChanges: pending,
    head,
  };
}
