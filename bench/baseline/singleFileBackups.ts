// The backups of the single-file store (a full copy per write), kept as the benchmark's baseline.
import fs from 'node:fs';
import path from 'node:path';

const KEEP_RECENT = 10;
const KEEP_DAYS = 7;
const PREFIX = 'db-';

export const backupDir = (dataDir: string) => path.join(dataDir, 'backups');

const stamp = (d: Date) => d.toISOString().replace(/[:.]/g, '-');

/** Newest first. */
export function listBackups(dataDir: string): string[] {
  const dir = backupDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir)
    .filter((f) => f.startsWith(PREFIX) && f.endsWith('.json'))
    .sort()
    .reverse()
    .map((f) => path.join(dir, f));
}

/** Keeps the last writes and one file per day for a week: enough to undo damage found late. */
export function writeBackup(dataDir: string, json: string, now = new Date()): void {
  const dir = backupDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${PREFIX}${stamp(now)}.json`);
  fs.writeFileSync(file + '.tmp', json);
  fs.renameSync(file + '.tmp', file);
  prune(dataDir, now);
}

function prune(dataDir: string, now: Date): void {
  const all = listBackups(dataDir);
  const keep = new Set(all.slice(0, KEEP_RECENT));
  const days = new Set<string>();
  for (const file of all) {
    const day = path.basename(file).slice(PREFIX.length, PREFIX.length + 10);
    const age = (now.getTime() - Date.parse(day)) / 86_400_000;
    if (age <= KEEP_DAYS && !days.has(day)) {
      days.add(day);
      keep.add(file);
    }
  }
  for (const file of all) if (!keep.has(file)) fs.rmSync(file, { force: true });
}
