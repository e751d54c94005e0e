import fs from 'node:fs';
import path from 'node:path';
import git from 'isomorphic-git';
import { saveCredentials, type GitCredentials } from './credentials.js';
import { classifyGitError, TeamError } from './errors.js';
import { checkUrl, network } from './remote.js';
import { assertSafe, TREE_LIMITS, type TreeLimits } from './safety.js';
import { writeState, type TeamState } from './state.js';
import { diffTrees, openRepo, treeOf } from './tree.js';
import { tracked, type Author } from './workdir.js';
import { saveSnapshot } from './statCache.js';
import { checkoutFresh } from './checkout.js';
import type { TeamJoinProgress } from '../../contract.js';

export interface JoinProgress { phase: string; loaded: number; total?: number }

const CHECKOUT = 'Checking out';

/** isomorphic-git's phase names ("Receiving objects", "Resolving deltas", …) and checkout's, as the contract's few. */
export function joinPhase(phase: string): TeamJoinProgress['phase'] {
  if (phase === CHECKOUT) return 'checkout';
  if (/resolv|delta|analyz/i.test(phase)) return 'resolving';
  if (/receiv|count|compress|download/i.test(phase)) return 'receiving';
  return 'connecting';
}
export interface JoinOptions {
  url: string;
  contentDir: string;
  dataDir: string;
  author: Author;
  credentials: GitCredentials | null;
  /** Store the credentials in the data folder once the server accepted them. */
  remember?: boolean;
  branch?: string;
  /** What a repository may hold (tests lower them to stand in for a huge repository). */
  limits?: TreeLimits;
  onProgress?: (p: JoinProgress) => void;
}

/**
 * Clones the team's repository into an empty (or new) content folder. Nothing is checked out until
 * the whole tree passed the safety checks and holds a `handbook.yaml`; on any failure everything
 * join wrote is removed again, and nothing was written outside the content folder.
 */
export async function joinTeam(o: JoinOptions): Promise<TeamState> {
  const url = checkUrl(o.url);
  const branch = o.branch ?? 'main';
  const dir = path.resolve(o.contentDir);
  const existed = fs.existsSync(dir);
  if (existed && (!fs.statSync(dir).isDirectory() || fs.readdirSync(dir).length > 0)) {
    throw new TeamError('folder_not_empty', `the content folder must be new or empty: ${dir}`, { path: dir });
  }
  fs.mkdirSync(dir, { recursive: true });
  const repo = openRepo(dir);
  try {
    try {
      await git.clone({
        fs, dir, url, ref: branch, singleBranch: true, noCheckout: true, noTags: true, cache: repo.cache,
        ...network(o.credentials),
        onProgress: o.onProgress ? (e) => o.onProgress!({ phase: e.phase, loaded: e.loaded, total: e.total }) : undefined,
      });
    } catch (err) {
      throw classifyGitError(err);
    }
    const head = await git.resolveRef({ fs, dir, ref: 'HEAD' }).catch(() => null);
    if (!head) throw new TeamError('not_pack', 'the repository is empty: it holds no Handbook pack');
    const tree = await treeOf(repo, head);
    const files = await diffTrees(repo, null, tree);
    // Paths and kinds before anything is written; each size just before its file is (checkoutFresh).
    const limits = o.limits ?? TREE_LIMITS;
    await assertSafe(repo, files, files.length, limits, { sizes: false });
    if (!files.some((f) => f.path === 'handbook.yaml')) throw new TeamError('not_pack', 'the repository is not a Handbook pack (no handbook.yaml at its top)');
    const snapshot = await checkoutFresh(repo, files, limits, tracked, o.onProgress ? ({ loaded, total }) => o.onProgress!({ phase: CHECKOUT, loaded, total }) : undefined);
    saveSnapshot(o.dataDir, snapshot);
    if (o.credentials && o.remember !== false) saveCredentials(o.dataDir, o.credentials);
    const now = new Date().toISOString();
    const state: TeamState = {
      url, branch, contentDir: dir, author: o.author, joinedAt: now,
      lastRemote: head, lastGood: head, lastSyncAt: now, lastAttemptAt: now, failingSince: null, lastError: null,
      lastChange: null, conflicts: [], conflictTheirs: null, seen: {},
    };
    writeState(o.dataDir, state);
    return state;
  } catch (err) {
    // Leave the folder as it was: gone if join made it, empty if it was empty.
    if (existed) for (const e of fs.readdirSync(dir)) fs.rmSync(path.join(dir, e), { recursive: true, force: true });
    else fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}
