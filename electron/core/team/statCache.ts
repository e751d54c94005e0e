import fs from 'node:fs';
import path from 'node:path';

/**
 * What the content folder looked like after the last sync: size and mtime of every tracked file.
 * Finding local edits through git's status compares every file with the index and costs seconds on
 * 10,000 articles; a walk with `lstat` costs a fraction of that, and git's status then runs on the
 * few paths that differ (none, on a sync with nothing new).
 */
export type Snapshot = Record<string, [number, number]>;
const file = (dataDir: string) => path.join(dataDir, 'team', 'stat-cache.json');

export function walkTracked(root: string, tracked: (rel: string) => boolean): Snapshot {
  const out: Snapshot = {};
  const walk = (dir: string, prefix: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const rel = prefix + e.name;
      if (e.isDirectory()) walk(path.join(dir, e.name), rel + '/');
      else if (tracked(rel)) {
        const st = fs.lstatSync(path.join(dir, e.name));
        out[rel] = [st.size, Math.floor(st.mtimeMs)];
      }
    }
  };
  walk(root, '');
  return out;
}

export function readSnapshot(dataDir: string): Snapshot | null {
  try {
    return JSON.parse(fs.readFileSync(file(dataDir), 'utf8')) as Snapshot;
  } catch {
    return null;
  }
}

export function saveSnapshot(dataDir: string, snap: Snapshot): void {
  fs.mkdirSync(path.dirname(file(dataDir)), { recursive: true });
  const tmp = file(dataDir) + '.' + process.pid + '.tmp';
  fs.writeFileSync(tmp, JSON.stringify(snap));
  fs.renameSync(tmp, file(dataDir));
}

/** Paths added, removed or changed (size or mtime) since the snapshot; null when there is none. */
export function changedSince(before: Snapshot | null, now: Snapshot): string[] | null {
  if (!before) return null;
  const out: string[] = [];
  for (const [p, [size, mtime]] of Object.entries(now)) {
    const b = before[p];
    if (!b || b[0] !== size || b[1] !== mtime) out.push(p);
  }
  for (const p of Object.keys(before)) if (!(p in now)) out.push(p);
  return out;
}
