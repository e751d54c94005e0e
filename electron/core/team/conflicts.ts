import fs from 'node:fs';
import git from 'isomorphic-git';
import { TeamError } from './errors.js';
import { readState, writeState } from './state.js';
import { joinedState } from './sync.js';

export interface ConflictVersions { path: string; mine: string | null; theirs: string | null; choice?: 'mine' | 'theirs' }

/** Both versions of a file waiting for a person, read from git (neither is lost while it waits). */
export async function conflictVersions(dataDir: string, contentDir: string, filePath: string): Promise<ConflictVersions> {
  const state = joinedState(dataDir, contentDir);
  const c = state.conflicts.find((x) => x.path === filePath);
  if (!c) throw new TeamError('not_joined', `no conflict waits for ${filePath}`, { path: filePath });
  const text = async (oid: string | null) => (oid ? Buffer.from((await git.readBlob({ fs, dir: state.contentDir, oid })).blob).toString('utf8') : null);
  return { path: c.path, mine: await text(c.mine), theirs: await text(c.theirs), ...(c.choice ? { choice: c.choice } : {}) };
}

/**
 * Records the person's choice for one file. The next sync builds the merge from the choices once
 * every waiting file has one; until then the folder keeps this PC's versions.
 */
export function chooseConflictSide(dataDir: string, contentDir: string, filePath: string, choice: 'mine' | 'theirs'): number {
  joinedState(dataDir, contentDir);
  const state = readState(dataDir)!;
  const c = state.conflicts.find((x) => x.path === filePath);
  if (!c) throw new TeamError('not_joined', `no conflict waits for ${filePath}`, { path: filePath });
  c.choice = choice;
  writeState(dataDir, state);
  return state.conflicts.filter((x) => !x.choice).length;
}
