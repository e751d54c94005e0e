import fs from 'node:fs';
import path from 'node:path';
import git from 'isomorphic-git';
import type { GitCredentials } from './credentials.js';
import { classifyGitError, pushOutcome, TeamError } from './errors.js';
import { network } from './remote.js';
import { assertSafe } from './safety.js';
import { readState, writeState, type PendingConflict, type TeamState } from './state.js';
import { applyToTree, diffTrees, openRepo, treeOf, type Change, type FileEntry, type Repo } from './tree.js';
import { applyToWorkdir, commitLocal, localChanges, tracked, type Author } from './workdir.js';
import { withTeamLock } from './lock.js';
import { commitMessage } from './messages.js';
import { readPublishing, reviewBranchOf } from './publishing.js';
import { changedSince, readSnapshot, saveSnapshot, walkTracked } from './statCache.js';

export type SyncOutcome = 'up_to_date' | 'updated' | 'published' | 'merged' | 'conflict';

export interface SyncResult {
  outcome: SyncOutcome;
  /** Files the sync brought into the content folder from the server. */
  pulled: string[];
  /** Whether this PC's commits reached the server. */
  pushed: boolean;
  /** Files waiting for a person (outcome "conflict"). */
  conflicts: string[];
  /** A push the server refused (protected branch): the commits stay here, nothing is lost. */
  publishRefused: boolean;
  /** The server moved, but files edited here and not yet committed would be overwritten: held for a trainer's sync. */
  heldBack: boolean;
  head: string;
  state: TeamState;
}

export interface SyncOptions {
  contentDir: string;
  dataDir: string;
  credentials: GitCredentials | null;
  /** Language of the commit messages sync writes for edits made outside the app. */
  lang?: 'zh-CN' | 'en';
  /**
   * Commit local edits, merge and push (a trainer's sync, the CLI). False: only fast-forward, so a
   * reader's "Check now" never publishes anything with this PC's stored credentials.
   */
  publish?: boolean;
  /** Push to this branch of the server instead of the team branch (`review/<name>`, replaced on every publish). */
  pushTo?: string;
}

/** The team state for this content folder, or a clear "not joined". */
export function joinedState(dataDir: string, contentDir: string): TeamState {
  const state = readState(dataDir);
  const dir = path.resolve(contentDir);
  if (!state || path.resolve(state.contentDir) !== dir || !fs.existsSync(path.join(dir, '.git'))) {
    throw new TeamError('not_joined', 'this content folder has not joined a team (run handbook team join)', { path: dir });
  }
  return state;
}

/**
 * One sync of the content: commit local edits (authored by the person), fetch, then fast-forward,
 * publish, or merge file by file. A file changed on both sides is never merged inside: the folder
 * keeps this PC's version and the conflict waits for a person; the server's version stays in git.
 */
export async function syncContent(o: SyncOptions): Promise<SyncResult> {
  const state = joinedState(o.dataDir, o.contentDir);
  return withTeamLock(o.dataDir, async () => {
    const repo = openRepo(state.contentDir);
    const attemptAt = new Date().toISOString();
    try {
      const result = await syncOnce(repo, state, o);
      return result;
    } catch (err) {
      const e = classifyGitError(err);
      const latest = readState(o.dataDir) ?? state;
      writeState(o.dataDir, { ...latest, lastAttemptAt: attemptAt, failingSince: latest.failingSince ?? attemptAt, lastError: { reason: e.reason, message: e.message, at: attemptAt } });
      throw e;
    }
  });
}

async function syncOnce(repo: Repo, state: TeamState, o: SyncOptions): Promise<SyncResult> {
  const net = network(o.credentials);
  const ref = `refs/heads/${state.branch}`;
  const remoteRef = `refs/remotes/origin/${state.branch}`;
  const before = readSnapshot(o.dataDir);
  const onDisk = walkTracked(repo.dir, tracked);
  const touched = changedSince(before, onDisk);
  const publish = o.publish !== false;
  if (publish) await commitLocal(repo, state.author, (files) => commitMessage(repo.dir, files, o.lang ?? 'zh-CN'), touched);
  // Edits left uncommitted stay out of the snapshot, so the next publishing sync still finds them.
  const uncommitted = publish ? [] : (await localChanges(repo, touched)).map((c) => c.path);
  const pulled = new Set<string>();
  let pushed = false;
  let publishRefused = false;
  let heldBack = false;
  for (let round = 0; round < 4; round++) {
    await fetchIfMoved(repo, state, net);
    const remote = await git.resolveRef({ fs: repo.fs, dir: repo.dir, ref: remoteRef });
    const local = await git.resolveRef({ fs: repo.fs, dir: repo.dir, ref });
    if (state.lastRemote && remote !== state.lastRemote && !(await descends(repo, remote, state.lastRemote))) {
      throw new TeamError('rewritten', 'the history on the server was rewritten (force-pushed); this PC keeps its last good content until a trainer re-joins it');
    }
    let head = local;
    let outcome: SyncOutcome = 'up_to_date';
    let conflicts: PendingConflict[] = [];
    if (remote !== local) {
      const changes = (await descends(repo, remote, local)) ? await diffTrees(repo, await treeOf(repo, local), await treeOf(repo, remote)) : null;
      // A reader's fast-forward never overwrites an edit not yet committed (it waits for a trainer's sync).
      const held = changes && !publish && (await localChanges(repo, changes.map((c) => c.path).filter(tracked))).length > 0;
      if (held) heldBack = true;
      if (changes && !held) {
        await assertSafe(repo, changes, filesAfter(onDisk, changes));
        await applyToWorkdir(repo, changes);
        await git.writeRef({ fs: repo.fs, dir: repo.dir, ref, value: remote, force: true });
        changes.forEach((c) => pulled.add(c.path));
        head = remote;
        outcome = 'updated';
      } else if (publish && !changes && !(await descends(repo, local, remote))) {
        const merged = await mergeFiles(repo, state, local, remote, onDisk);
        if (merged.conflicts.length) {
          conflicts = merged.conflicts;
          outcome = 'conflict';
        } else {
          merged.pulled.forEach((p) => pulled.add(p));
          head = merged.head;
          outcome = 'merged';
        }
      }
    }
    // A review this trainer chose to merge comes in after the server's team branch, and goes to it.
    const reviewing = publish && outcome !== 'conflict' ? state.reviewMerge ?? null : null;
    let theirs = remote;
    let reviewMerged = false;
    if (reviewing) {
      const r = await mergeCommit(repo, state, head, reviewing.oid, onDisk, `Merge ${reviewing.branch} (reviewed by ${state.author.name})\n`);
      if (r.conflicts.length) {
        conflicts = r.conflicts;
        outcome = 'conflict';
        theirs = reviewing.oid;
      } else {
        r.pulled.forEach((p) => pulled.add(p));
        if (r.head !== head && outcome === 'up_to_date') outcome = 'merged';
        head = r.head;
        reviewMerged = true;
      }
    }
    // With review on, no sync publishes to the team branch: the commits go to the trainer's review branch.
    const target = reviewing ? state.branch : o.pushTo ?? (readPublishing(o.dataDir).review ? reviewBranchOf(state.author) : state.branch);
    const review = target !== state.branch ? target : null;
    if (publish && outcome !== 'conflict' && head !== remote) {
      const r = await push(repo, state.branch, net, review);
      if (r === 'moved') continue; // someone pushed in between: fetch and merge again
      if (r === 'refused') publishRefused = true;
      else pushed = true;
    }
    const now = new Date().toISOString();
    // A review branch is not the team's: the team branch still stands where the server has it.
    const accepted = pushed && !review ? head : remote;
    const next: TeamState = {
      ...state,
      lastRemote: accepted,
      lastGood: head,
      lastSyncAt: now,
      lastAttemptAt: now,
      failingSince: null,
      lastError: publishRefused ? { reason: 'forbidden', message: 'the server refused to publish this PC’s changes (content is writable by trainers only)', at: now } : null,
      lastChange: pulled.size ? { at: now, files: pulled.size, from: local, to: head } : state.lastChange,
      conflicts,
      conflictTheirs: conflicts.length ? theirs : null,
      reviewMerge: reviewMerged && (pushed || head === remote) ? null : state.reviewMerge ?? null,
    };
    writeState(o.dataDir, next);
    // Unchanged folder, nothing pulled: the snapshot on disk is already this one (10,000 entries not rewritten).
    if (touched === null || touched.length || pulled.size) {
      const seen = { ...onDisk };
      for (const p of uncommitted) delete seen[p];
      saveSnapshot(o.dataDir, settleSnapshot(repo.dir, seen, [...pulled]));
    }
    if (publishRefused) outcome = outcome === 'up_to_date' ? 'up_to_date' : outcome;
    else if (pushed && outcome === 'up_to_date') outcome = 'published';
    return { outcome, pulled: [...pulled], pushed, conflicts: conflicts.map((c) => c.path), publishRefused, heldBack, head, state: next };
  }
  throw new TeamError('unreachable', 'the server kept moving while this PC tried to publish; try again');
}

/**
 * The folder as it was when this sync read it, with the files the sync itself wrote re-read. An
 * edit someone makes meanwhile to any other file still differs from it and is committed next time.
 */
function settleSnapshot(root: string, onDisk: Record<string, [number, number]>, written: string[]): Record<string, [number, number]> {
  const snap = { ...onDisk };
  for (const rel of written) {
    const st = fs.statSync(path.join(root, rel), { throwIfNoEntry: false });
    if (st) snap[rel] = [st.size, Math.floor(st.mtimeMs)];
    else delete snap[rel];
  }
  return snap;
}

/** How many files the folder would hold after `changes`: the pack's file limit holds for syncs as for a join. */
const filesAfter = (onDisk: Record<string, unknown>, changes: Change[]) =>
  Object.keys(onDisk).length + changes.filter((c) => !c.a && c.b).length - changes.filter((c) => c.a && !c.b).length;

/**
 * Fetches unless the server's branch still points where this PC's copy of it does. The ref list is
 * one small request; a fetch adds a pack negotiation (a second request and a pack-objects run on the
 * server) even when nothing is new, and "nothing new" is what most of the ten-minute syncs find.
 */
async function fetchIfMoved(repo: Repo, state: TeamState, net: ReturnType<typeof network>): Promise<void> {
  const known = await git.resolveRef({ fs: repo.fs, dir: repo.dir, ref: `refs/remotes/origin/${state.branch}` }).catch(() => null);
  if (known) {
    const refs = await git.listServerRefs({ ...net, url: state.url, prefix: `refs/heads/${state.branch}`, protocolVersion: 1 });
    if (refs.find((r) => r.ref === `refs/heads/${state.branch}`)?.oid === known) return;
  }
  await git.fetch({ fs: repo.fs, dir: repo.dir, remote: 'origin', ref: state.branch, singleBranch: true, tags: false, cache: repo.cache, ...net });
}

async function descends(repo: Repo, oid: string, ancestor: string): Promise<boolean> {
  if (oid === ancestor) return true;
  return git.isDescendent({ fs: repo.fs, dir: repo.dir, oid, ancestor, depth: -1, cache: repo.cache }).catch(() => false);
}

const same = (a: FileEntry | null, b: FileEntry | null) => (a === null && b === null) || (!!a && !!b && a.oid === b.oid && a.mode === b.mode);

/**
 * Merges by whole files: a file only one side changed takes that side; a file both changed the same
 * way is fine; a file both changed differently waits for a person (unless they chose already).
 */
async function mergeFiles(repo: Repo, state: TeamState, local: string, remote: string, onDisk: Record<string, unknown>, message = `Merge ${state.branch} from the team server\n`): Promise<{ conflicts: PendingConflict[]; pulled: string[]; head: string }> {
  const [base] = await git.findMergeBase({ fs: repo.fs, dir: repo.dir, oids: [local, remote], cache: repo.cache });
  const baseTree = base ? await treeOf(repo, base) : null;
  const localTree = await treeOf(repo, local);
  const remoteTree = await treeOf(repo, remote);
  const ours = new Map((await diffTrees(repo, baseTree, localTree)).map((c) => [c.path, c]));
  const theirs = await diffTrees(repo, baseTree, remoteTree);
  await assertSafe(repo, theirs, filesAfter(onDisk, theirs));
  const take = new Map<string, FileEntry | null>();
  const conflicts: PendingConflict[] = [];
  for (const t of theirs) {
    const o = ours.get(t.path);
    if (!o) { take.set(t.path, t.b); continue; }
    if (same(o.b, t.b)) continue;
    const earlier = state.conflicts.find((c) => c.path === t.path && c.theirs === (t.b?.oid ?? null) && c.mine === (o.b?.oid ?? null));
    if (earlier?.choice === 'theirs') take.set(t.path, t.b);
    else if (earlier?.choice !== 'mine') conflicts.push({ path: t.path, mine: o.b?.oid ?? null, theirs: t.b?.oid ?? null, base: t.a?.oid ?? null, ...(earlier?.choice ? { choice: earlier.choice } : {}) });
  }
  if (conflicts.length) {
    // Keep the server's side reachable from a ref of our own until a person chose.
    await git.writeRef({ fs: repo.fs, dir: repo.dir, ref: 'refs/handbook/conflict-theirs', value: remote, force: true });
    return { conflicts, pulled: [], head: local };
  }
  const tree = await applyToTree(repo, localTree, take);
  const now = { timestamp: Math.floor(Date.now() / 1000), timezoneOffset: new Date().getTimezoneOffset() };
  const who = { ...state.author, ...now };
  const head = await git.writeCommit({
    fs: repo.fs, dir: repo.dir,
    commit: { tree, parent: [local, remote], author: who, committer: who, message },
  });
  const changes: Change[] = await diffTrees(repo, localTree, tree);
  await applyToWorkdir(repo, changes.filter((c) => tracked(c.path)));
  await git.writeRef({ fs: repo.fs, dir: repo.dir, ref: `refs/heads/${state.branch}`, value: head, force: true });
  return { conflicts: [], pulled: changes.map((c) => c.path), head };
}

/**
 * Brings commit `other` into `head`: nothing when `head` has it, a fast-forward when `other` builds
 * on `head`, else the whole-file merge. The content folder follows; the branch ref moves.
 */
async function mergeCommit(repo: Repo, state: TeamState, head: string, other: string, onDisk: Record<string, unknown>, message: string): Promise<{ conflicts: PendingConflict[]; pulled: string[]; head: string }> {
  if (await descends(repo, head, other)) return { conflicts: [], pulled: [], head };
  if (await descends(repo, other, head)) {
    const changes = await diffTrees(repo, await treeOf(repo, head), await treeOf(repo, other));
    await assertSafe(repo, changes, filesAfter(onDisk, changes));
    await applyToWorkdir(repo, changes);
    await git.writeRef({ fs: repo.fs, dir: repo.dir, ref: `refs/heads/${state.branch}`, value: other, force: true });
    return { conflicts: [], pulled: changes.map((c) => c.path), head: other };
  }
  return mergeFiles(repo, state, head, other, onDisk, message);
}

async function push(repo: Repo, branch: string, net: ReturnType<typeof network>, review: string | null): Promise<'ok' | 'moved' | 'refused'> {
  try {
    // A review branch belongs to one trainer and always holds their latest proposal: replaced, not merged.
    const r = await git.push({ fs: repo.fs, dir: repo.dir, remote: 'origin', ref: branch, ...(review ? { remoteRef: review, force: true } : {}), ...net });
    return r.ok ? 'ok' : 'refused';
  } catch (err) {
    const outcome = pushOutcome(err);
    if (!outcome) throw err;
    return outcome;
  }
}
