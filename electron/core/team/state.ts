import fs from 'node:fs';
import path from 'node:path';
import type { TeamReason } from './errors.js';

/** A file changed on both sides: the content folder keeps "mine"; both blobs stay in git until a person chooses. */
export interface PendingConflict {
  path: string;
  /** Blob ids (null: deleted on that side). */
  mine: string | null;
  theirs: string | null;
  base: string | null;
  /** What the person chose, once they did. */
  choice?: 'mine' | 'theirs';
}

/**
 * What this PC knows about its team checkout, kept in the data folder (`team/state.json`). The
 * URL lives here and in the checkout's `.git/config`; never credentials.
 */
export interface TeamState {
  url: string;
  branch: string;
  contentDir: string;
  author: { name: string; email: string };
  joinedAt: string;
  /** The last remote commit this PC accepted: a remote that no longer contains it rewrote history. */
  lastRemote: string | null;
  /** The commit the content folder showed after the last good sync. */
  lastGood: string | null;
  lastSyncAt: string | null;
  lastAttemptAt: string | null;
  /** Set while syncs fail; cleared by the next good one. */
  failingSince: string | null;
  lastError: { reason: TeamReason; message: string; at: string } | null;
  /** Articles (and other files) the last sync brought in. */
  lastChange: { at: string; files: number; from: string | null; to: string } | null;
  conflicts: PendingConflict[];
  /** The remote commit a conflict waits against. */
  conflictTheirs: string | null;
  /**
   * A review a trainer chose to merge that is not on the team branch yet (its files wait on the
   * conflict screen): every publishing sync carries on with it until it is merged and pushed.
   */
  reviewMerge?: { branch: string; oid: string } | null;
  /** Per profile: the commit the profile last looked at in "What changed". */
  seen: Record<string, string>;
}

export const stateFile = (dataDir: string) => path.join(dataDir, 'team', 'state.json');

export function readState(dataDir: string): TeamState | null {
  try {
    return JSON.parse(fs.readFileSync(stateFile(dataDir), 'utf8')) as TeamState;
  } catch {
    return null;
  }
}

export function writeState(dataDir: string, state: TeamState): void {
  const file = stateFile(dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = file + '.' + process.pid + '.tmp';
  fs.writeFileSync(tmp, JSON.stringify(state, null, 2));
  fs.renameSync(tmp, file);
}

export function updateState(dataDir: string, patch: Partial<TeamState>): TeamState {
  const current = readState(dataDir);
  if (!current) throw new Error('team state missing');
  const next = { ...current, ...patch };
  writeState(dataDir, next);
  return next;
}
