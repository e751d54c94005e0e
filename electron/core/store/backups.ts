import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../fs/atomicWrite.js';

/**
 * Backups per file: each write also copies the file it wrote (only that file, a few KB for a
 * learner) into its own folder under `backups/`, keeping the newest two. So backups stay within
 * about twice the live data, and a damaged file is recovered from its own latest good copy.
 */
export const KEEP_PER_FILE = 2;
/** Restore points are rotated only by later restores, never by ordinary writes. */
export const KEEP_RESTORE_POINTS = 5;
const LEGACY_PREFIX = 'db-';

export const backupDir = (dataDir: string) => path.join(dataDir, 'backups');
const stamp = (d: Date) => d.toISOString().replace(/[:.]/g, '-');

/** `rel` is the live file's path inside the data folder, e.g. `records/<profile>/<device>.json`. */
const folderFor = (dataDir: string, rel: string) => path.join(backupDir(dataDir), 'files', rel.replace(/\.json$/, ''));

function newestFirst(dir: string, keep: (name: string) => boolean): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => keep(f) && f.endsWith('.json')).sort().reverse().map((f) => path.join(dir, f));
}

/** Rolling copies are not fsynced: the live file they copy already is, and a write's latency counts. */
function writeAtomically(file: string, json: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file + '.tmp', json);
  fs.renameSync(file + '.tmp', file);
}

/** Newest first. */
export function listFileBackups(dataDir: string, rel: string): string[] {
  return newestFirst(folderFor(dataDir, rel), () => true);
}

export function writeFileBackup(dataDir: string, rel: string, json: string, now = new Date()): void {
  const dir = folderFor(dataDir, rel);
  writeAtomically(path.join(dir, `${stamp(now)}.json`), json);
  for (const old of listFileBackups(dataDir, rel).slice(KEEP_PER_FILE)) fs.rmSync(old, { force: true });
}

export const restorePointDir = (dataDir: string) => path.join(backupDir(dataDir), 'restore-points');

/** Newest first: the whole database (one JSON, as `backupDatabase` makes it) as it was before each restore. */
export function listRestorePoints(dataDir: string): string[] {
  return newestFirst(restorePointDir(dataDir), (f) => f.startsWith('before-restore-'));
}

/** Durable (the one helper's fsync and rename): a restore must never replace data it has not kept. */
export async function writeRestorePoint(dataDir: string, json: string, now = new Date()): Promise<string> {
  const file = path.join(restorePointDir(dataDir), `before-restore-${stamp(now)}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, json);
  for (const old of listRestorePoints(dataDir).slice(KEEP_RESTORE_POINTS)) fs.rmSync(old, { force: true });
  return file;
}

/** Full copies written by the single-file store before the split layout: read for recovery, never pruned here. */
export function listLegacyBackups(dataDir: string): string[] {
  return newestFirst(backupDir(dataDir), (f) => f.startsWith(LEGACY_PREFIX));
}
