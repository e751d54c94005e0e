import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import git from 'isomorphic-git';
import type { GitCredentials } from './credentials.js';
import { SAFE_ID } from './device.js';
import { classifyGitError, pushOutcome, TeamError } from './errors.js';
import { network } from './remote.js';
import { ownRosterPath, parseRosterPath } from './roster.js';
import { noteCommitTimes, noteDeviceTimes, noteFolderTimes } from './devices.js';
import { applyToTree, diffTrees, openRepo, treeOf, type FileEntry, type Repo } from './tree.js';
import type { Author } from './workdir.js';

/**
 * Learners' records travel on their own branch of the team's repository (`handbook-records`),
 * not in a second repository: one address and one set of credentials to join, and a server's
 * branch protection then keeps `main` (content) writable by trainers only while every member may
 * push this branch. Every file has one writer (`records/<profileId>/<deviceId>.json`), so each
 * push is this PC's files laid over the server's latest tree: a straight line of commits that
 * never conflicts.
 */
export const RECORDS_BRANCH = 'handbook-records';
const MAX_RECORD_BYTES = 2 * 1024 * 1024;

/** The data folder's records: `<dataDir>/records/<profileId>/<deviceId>.json`. */
export const recordsDir = (dataDir: string) => path.join(dataDir, 'records');
/** The git side of the records (objects and refs only; files are read and written in recordsDir). */
const recordsRepoDir = (dataDir: string) => path.join(dataDir, 'team', 'records-git');

export interface RecordsSyncResult {
  /** This PC's files that reached the server. */
  pushed: number;
  /** Other devices' files written into this data folder. */
  pulled: number;
  /** Files in the team's records (all devices). */
  total: number;
  /** The other devices' files written (`records/<profileId>/<deviceId>.json`): the store re-reads these. */
  files: string[];
}

/** This PC's own files: its records (`records/<profile>/<deviceId>.json`) and its roster file (`roster/<deviceId>.json`). */
export function ownRecordFiles(dataDir: string, deviceId: string): string[] {
  const root = recordsDir(dataDir);
  const out: string[] = fs.existsSync(path.join(dataDir, ownRosterPath(deviceId))) ? [ownRosterPath(deviceId)] : [];
  if (!fs.existsSync(root)) return out;
  for (const profile of fs.readdirSync(root, { withFileTypes: true })) {
    if (!profile.isDirectory() || !SAFE_ID.test(profile.name)) continue;
    if (fs.existsSync(path.join(root, profile.name, deviceId + '.json'))) out.push(`records/${profile.name}/${deviceId}.json`);
  }
  return out;
}

/** `records/<profileId>/<deviceId>.json` with safe ids, or null for anything else in the branch. */
export function parseRecordPath(p: string): { profileId: string; deviceId: string } | null {
  const m = /^records\/([^/]+)\/([^/]+)\.json$/.exec(p);
  return m && SAFE_ID.test(m[1]) && SAFE_ID.test(m[2]) ? { profileId: m[1], deviceId: m[2] } : null;
}

async function ensureRepo(dataDir: string, url: string): Promise<Repo> {
  const dir = recordsRepoDir(dataDir);
  if (!fs.existsSync(path.join(dir, '.git'))) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    await git.init({ fs, dir, defaultBranch: RECORDS_BRANCH });
  }
  await git.addRemote({ fs, dir, remote: 'origin', url, force: true });
  return openRepo(dir);
}

/** Tries at one sync: enough for a team's PCs pushing at the same moment (each try lays its files over the newest tree). */
const PUSH_ROUNDS = 10;

/**
 * Pushes this PC's records files and pulls everyone else's. Offline, the files simply stay in the
 * data folder; the next sync pushes them.
 */
export async function syncRecords(o: { dataDir: string; url: string; credentials: GitCredentials | null; deviceId: string; author: Author }): Promise<RecordsSyncResult> {
  const repo = await ensureRepo(o.dataDir, o.url);
  const net = network(o.credentials);
  try {
    for (let round = 0; round < PUSH_ROUNDS; round++) {
      // PCs that lost a race wait a random, growing moment, so they do not collide again in step.
      if (round > 0) await new Promise((r) => setTimeout(r, Math.random() * 150 * round));
      let remote: string | null = null;
      try {
        remote = await fetchIfMoved(repo, o.url, net);
      } catch (err) {
        // A team whose records branch does not exist yet: this PC's push creates it.
        if ((err as { code?: string }).code !== 'NotFoundError') throw err;
      }
      const remoteTree = remote ? await treeOf(repo, remote) : null;
      if (remote) await noteCommitTimes(repo, o.dataDir, remote);
      const mine = new Map<string, FileEntry | null>();
      for (const rel of ownRecordFiles(o.dataDir, o.deviceId)) {
        const body = fs.readFileSync(path.join(o.dataDir, rel));
        mine.set(rel, { path: rel, mode: '100644', oid: await git.writeBlob({ fs, dir: repo.dir, blob: body }) });
      }
      const tree = await applyToTree(repo, remoteTree, mine);
      const last = await readPulled(repo);
      const files = await pullOthers(repo, o.dataDir, o.deviceId, last?.tree ?? null, remoteTree);
      const pulled = files.length;
      const total = await countFiles(repo, last, tree);
      if (tree === remoteTree) {
        savePulled(repo, { tree, total });
        noteDeviceTimes(o.dataDir, { [o.deviceId]: new Date().toISOString() });
        return { pushed: 0, pulled, total, files };
      }
      const changed = (await diffTrees(repo, remoteTree, tree)).length;
      const when = { timestamp: Math.floor(Date.now() / 1000), timezoneOffset: new Date().getTimezoneOffset() };
      const commit = await git.writeCommit({
        fs, dir: repo.dir,
        commit: { tree, parent: remote ? [remote] : [], author: { ...o.author, ...when }, committer: { ...o.author, ...when }, message: `Records from ${o.deviceId}\n` },
      });
      await git.writeRef({ fs, dir: repo.dir, ref: `refs/heads/${RECORDS_BRANCH}`, value: commit, force: true });
      const outcome = await git.push({ fs, dir: repo.dir, remote: 'origin', ref: RECORDS_BRANCH, ...net }).then(
        (r) => (r.ok ? 'ok' : 'refused'),
        (err: unknown) => { const o = pushOutcome(err); if (!o) throw err; return o; },
      );
      if (outcome === 'ok') {
        savePulled(repo, { tree, total });
        noteDeviceTimes(o.dataDir, { [o.deviceId]: new Date().toISOString() });
        return { pushed: changed, pulled, total, files };
      }
      if (outcome === 'refused') throw new TeamError('forbidden', 'the server refused the records push');
      // Another PC pushed in between (or at the same moment): lay our files over its tree again.
    }
    throw new TeamError('unreachable', 'the records branch kept moving; try again');
  } catch (err) {
    throw classifyGitError(err);
  }
}

/**
 * Fetches unless the server's records branch still points where this PC's copy of it does (one
 * small request instead of a pack negotiation: most syncs find nothing new). Returns the branch.
 */
async function fetchIfMoved(repo: Repo, url: string, net: ReturnType<typeof network>): Promise<string> {
  const remoteRef = `refs/remotes/origin/${RECORDS_BRANCH}`;
  const known = await git.resolveRef({ fs, dir: repo.dir, ref: remoteRef }).catch(() => null);
  if (known) {
    const refs = await git.listServerRefs({ ...net, url, prefix: `refs/heads/${RECORDS_BRANCH}`, protocolVersion: 1 });
    if (refs.find((r) => r.ref === `refs/heads/${RECORDS_BRANCH}`)?.oid === known) return known;
  }
  await git.fetch({ fs, dir: repo.dir, remote: 'origin', ref: RECORDS_BRANCH, singleBranch: true, tags: false, cache: repo.cache, ...net });
  return git.resolveRef({ fs, dir: repo.dir, ref: remoteRef });
}

/**
 * The records tree this PC last finished a sync with (its files are in the data folder) and how
 * many files it holds: the next sync reads only what changed since, not 500 learners' files.
 */
interface Pulled { tree: string; total: number }
const pulledFile = (repo: Repo) => path.join(repo.dir, '.git', 'handbook-pulled.json');
async function readPulled(repo: Repo): Promise<Pulled | null> {
  try {
    const p = JSON.parse(fs.readFileSync(pulledFile(repo), 'utf8')) as Pulled;
    if (typeof p.tree !== 'string' || !Number.isInteger(p.total)) return null;
    await git.readTree({ fs, dir: repo.dir, oid: p.tree, cache: repo.cache });
    return p;
  } catch {
    // Missing, unreadable or naming a tree this copy lacks: the next sync reads every file again.
    return null;
  }
}
const savePulled = (repo: Repo, p: Pulled) => writeAtomic(pulledFile(repo), Buffer.from(JSON.stringify(p)));

/** Files in `tree`: the last count moved by what changed since, or a full walk the first time. */
async function countFiles(repo: Repo, last: Pulled | null, tree: string): Promise<number> {
  if (!last) return (await diffTrees(repo, null, tree)).length;
  let total = last.total;
  for (const c of await diffTrees(repo, last.tree, tree)) total += (c.b ? 1 : 0) - (c.a ? 1 : 0);
  return total;
}

/** Writes other devices' files that changed since tree `from` (all of them without one) into the data folder; never this PC's own files. */
async function pullOthers(repo: Repo, dataDir: string, deviceId: string, from: string | null, tree: string | null): Promise<string[]> {
  if (!tree) return [];
  const written: string[] = [];
  for (const c of await diffTrees(repo, from, tree)) {
    const id = parseRecordPath(c.path) ?? parseRosterPath(c.path);
    if (!id || id.deviceId === deviceId || !c.b || c.b.mode !== '100644') continue;
    const target = path.join(dataDir, c.path);
    const { blob } = await git.readBlob({ fs, dir: repo.dir, oid: c.b.oid, cache: repo.cache });
    if (blob.byteLength > MAX_RECORD_BYTES || !isJson(blob)) continue;
    const existing = fs.existsSync(target) ? fs.readFileSync(target) : null;
    if (existing && Buffer.compare(existing, Buffer.from(blob)) === 0) continue;
    writeAtomic(target, blob);
    written.push(c.path);
  }
  return written.sort();
}

/** A half-copied or broken file from another device is skipped (its writer will send it again). */
function isJson(body: Uint8Array): boolean {
  try {
    JSON.parse(Buffer.from(body).toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

export function writeAtomic(file: string, body: Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // A name nobody can guess, created new (`wx`): on a share, a link planted at a guessable
  // temporary name would be followed and this PC would write wherever it points.
  const tmp = `${file}.${crypto.randomBytes(8).toString('hex')}.tmp`;
  fs.writeFileSync(tmp, body, { flag: 'wx' });
  fs.renameSync(tmp, file);
}

/**
 * The same layout on a shared network folder (a NAS, a Windows share) for teams without a git
 * server: this PC copies its own files there and reads everyone else's. A PC that was offline
 * simply copies its files at the next call; files of other devices are never written by this PC.
 */
export function syncRecordsFolder(o: { dataDir: string; share: string; deviceId: string }): RecordsSyncResult {
  let pushed = 0;
  const files: string[] = [];
  let linked: string | null = null;
  for (const rel of ownRecordFiles(o.dataDir, o.deviceId)) {
    const body = fs.readFileSync(path.join(o.dataDir, rel));
    const target = path.join(o.share, rel);
    if (crossesLink(o.share, path.posix.dirname(rel))) {
      linked ??= rel;
      continue;
    }
    const there = fs.existsSync(target) ? fs.readFileSync(target) : null;
    if (there && Buffer.compare(there, body) === 0) continue;
    writeAtomic(target, body);
    pushed++;
  }
  let total = 0;
  const copyIn = (rel: string, src: string): void => {
    const st = fs.lstatSync(src);
    if (!st.isFile() || st.size > MAX_RECORD_BYTES) return;
    const body = fs.readFileSync(src);
    if (!isJson(body)) return;
    const target = path.join(o.dataDir, rel);
    const here = fs.existsSync(target) ? fs.readFileSync(target) : null;
    if (here && Buffer.compare(here, body) === 0) return;
    writeAtomic(target, body);
    files.push(rel);
  };
  const rosterRoot = path.join(o.share, 'roster');
  for (const name of fs.existsSync(rosterRoot) && !crossesLink(o.share, 'roster') ? fs.readdirSync(rosterRoot) : []) {
    const id = parseRosterPath(`roster/${name}`);
    if (id && id.deviceId !== o.deviceId) copyIn(`roster/${name}`, path.join(rosterRoot, name));
  }
  const root = path.join(o.share, 'records');
  for (const profile of fs.existsSync(root) && !crossesLink(o.share, 'records') ? fs.readdirSync(root) : []) {
    if (!SAFE_ID.test(profile) || !fs.lstatSync(path.join(root, profile)).isDirectory()) continue;
    for (const file of fs.readdirSync(path.join(root, profile))) {
      const id = parseRecordPath(`records/${profile}/${file}`);
      if (!id) continue;
      total++;
      if (id.deviceId === o.deviceId) continue;
      copyIn(`records/${profile}/${file}`, path.join(root, profile, file));
    }
  }
  noteFolderTimes(o.dataDir, o.share);
  if (linked) throw new TeamError('unsafe', `the shared folder has a link where this PC writes ${linked}; nothing was written through it`, { path: linked });
  return { pushed, pulled: files.length, total, files };
}

/**
 * Whether a folder on the way from the share down to `folder` (relative, `/`-separated) is not a
 * real folder (a symbolic link, a junction). Anyone who may write the share may plant one, and on a
 * network share it resolves on the PC that follows it: writing through it would put this PC's file
 * anywhere on this PC.
 */
function crossesLink(share: string, folder: string): boolean {
  let at = share;
  for (const part of folder.split('/')) {
    at = path.join(at, part);
    const st = fs.lstatSync(at, { throwIfNoEntry: false });
    if (!st) return false;
    if (!st.isDirectory()) return true;
  }
  return false;
}
