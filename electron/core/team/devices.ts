import fs from 'node:fs';
import path from 'node:path';
import git from 'isomorphic-git';
import { profileFolder } from '../store/layout.js';
import { SAFE_ID } from './device.js';
import { readRosterFiles } from './roster.js';
import { diffTrees, treeOf, type Repo } from './tree.js';

/**
 * When each PC of the team last sent its records ("last synced" on the trainer's dashboard). Over
 * git: the time of the device's latest commit on the records branch (each commit says `Records
 * from <deviceId>`), read incrementally from the last head seen. On a shared folder: the newest
 * mtime of the device's files there. This PC: its last push that landed.
 */
interface DeviceTimes { head: string | null; times: Record<string, string> }
const file = (dataDir: string) => path.join(dataDir, 'team', 'devices.json');

function readTimes(dataDir: string): DeviceTimes {
  try {
    const raw = JSON.parse(fs.readFileSync(file(dataDir), 'utf8')) as DeviceTimes;
    return { head: typeof raw.head === 'string' ? raw.head : null, times: raw.times && typeof raw.times === 'object' ? raw.times : {} };
  } catch {
    return { head: null, times: {} };
  }
}

function writeTimes(dataDir: string, t: DeviceTimes): void {
  fs.mkdirSync(path.dirname(file(dataDir)), { recursive: true });
  const tmp = file(dataDir) + '.' + process.pid + '.tmp';
  fs.writeFileSync(tmp, JSON.stringify(t));
  fs.renameSync(tmp, file(dataDir));
}

/** Records the given devices' times (later ones win). */
export function noteDeviceTimes(dataDir: string, times: Record<string, string>, head?: string | null): void {
  const t = readTimes(dataDir);
  for (const [id, at] of Object.entries(times)) if (SAFE_ID.test(id) && !(t.times[id] >= at)) t.times[id] = at;
  writeTimes(dataDir, { head: head === undefined ? t.head : head, times: t.times });
}

/** Reads the records branch's new commits (back to the last head seen) for each device's latest time. */
export async function noteCommitTimes(repo: Repo, dataDir: string, remote: string): Promise<void> {
  const { head } = readTimes(dataDir);
  if (head === remote) return;
  const times: Record<string, string> = {};
  const log = await git.log({ fs, dir: repo.dir, ref: remote, depth: 2000, cache: repo.cache }).catch(() => []);
  const now = Date.now();
  for (const c of log) {
    if (c.oid === head) break;
    const m = /^Records from ([A-Za-z0-9_-]{1,80})/.exec(c.commit.message);
    // Any member can push this branch, so a commit's message and date are claims: it counts for a
    // device only if it changed that device's own files, and never later than now.
    if (!m || !(await touchesDevice(repo, c.oid, c.commit.parent[0] ?? null, m[1]))) continue;
    const at = new Date(Math.min(c.commit.committer.timestamp * 1000, now)).toISOString();
    if (!(times[m[1]] >= at)) times[m[1]] = at;
  }
  noteDeviceTimes(dataDir, times, remote);
}

/** Whether a commit changed one of the device's own files (its records files in any learner folder, or its roster file). */
async function touchesDevice(repo: Repo, oid: string, parent: string | null, deviceId: string): Promise<boolean> {
  try {
    const changes = await diffTrees(repo, parent ? await treeOf(repo, parent) : null, await treeOf(repo, oid));
    return changes.some((c) => c.path === `roster/${deviceId}.json` || (c.path.startsWith('records/') && c.path.endsWith(`/${deviceId}.json`)));
  } catch {
    return false; // a parent this shallow history lacks: no claim can be checked
  }
}

/** On a shared folder: each device's newest file time there. */
export function noteFolderTimes(dataDir: string, share: string): void {
  const root = path.join(share, 'records');
  const times: Record<string, string> = {};
  for (const profile of fs.existsSync(root) ? fs.readdirSync(root) : []) {
    if (!SAFE_ID.test(profile)) continue;
    const dir = path.join(root, profile);
    for (const name of fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory() ? fs.readdirSync(dir) : []) {
      const m = /^([A-Za-z0-9_-]{1,80})\.json$/.exec(name);
      const st = m && fs.statSync(path.join(dir, name), { throwIfNoEntry: false });
      if (!m || !st) continue;
      // A file time set in the future (anyone may touch a file on the share) says no more than "now".
      const at = new Date(Math.min(st.mtimeMs, Date.now())).toISOString();
      if (!(times[m[1]] >= at)) times[m[1]] = at;
    }
  }
  noteDeviceTimes(dataDir, times);
}

export interface LearnerDevice { deviceId: string; name: string; lastSyncedAt: string | null }

/** The PCs holding records of each learner, with their names (from the roster) and last sync. */
export function learnerDevices(dataDir: string, profileIds: string[]): Map<string, LearnerDevice[]> {
  const { times } = readTimes(dataDir);
  const names = new Map(readRosterFiles(dataDir).map((f) => [f.deviceId, f.deviceName]));
  const out = new Map<string, LearnerDevice[]>();
  for (const id of profileIds) {
    const dir = path.join(dataDir, 'records', profileFolder(id));
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => /^[a-z0-9-]{1,100}\.json$/.test(n)) : [];
    out.set(id, files.map((n) => {
      const deviceId = n.slice(0, -5);
      return { deviceId, name: names.get(deviceId) ?? deviceId.slice(0, 8), lastSyncedAt: times[deviceId] ?? null };
    }));
  }
  return out;
}
