import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { isDigest, type RecordsDigest } from './digest.js';

/**
 * The records index: one line per learner with the digest of their records and the size, mtime and
 * inode of each of their files when it was read or written. Start-up reads this one small file and
 * stats the learners' files instead of parsing them all; a learner whose files differ in any way
 * from their line (a team sync brought another PC's file, someone edited one, a file appeared or went)
 * is read as before. The index is a cache: it is never the only copy of anything, so it is written
 * without fsync, a few seconds after changes and at close; a missing, stale or damaged index only
 * costs a slower start.
 */
export const INDEX_FILE = 'records-index.jsonl';
/** Bumped when the digest or the line changes shape: an index of another version is ignored. */
const VERSION = 2;

/** What identifies a file's content without reading it. */
export type FileStamp = [size: number, mtimeMs: number, ino: number];
export const stampOf = (st: fs.Stats): FileStamp => [st.size, st.mtimeMs, st.ino];

export interface IndexEntry {
  profileId: string;
  /** The learner's folder under `records/`. */
  folder: string;
  /** Each device file of the folder (file name → stamp). */
  files: Record<string, FileStamp>;
  /** The record collections these files hold rows of (so the store knows every collection without reading). */
  keys: string[];
  digest: RecordsDigest;
}

const isStamp = (v: unknown): v is FileStamp => Array.isArray(v) && v.length === 3 && v.every((n) => typeof n === 'number');

function isEntry(v: unknown): v is IndexEntry {
  const e = v as IndexEntry;
  return !!e && typeof e === 'object' && typeof e.profileId === 'string' && typeof e.folder === 'string'
    && !!e.files && typeof e.files === 'object' && Object.values(e.files).every(isStamp)
    && Array.isArray(e.keys) && e.keys.every((k) => typeof k === 'string') && isDigest(e.digest);
}

/** The entries by folder, each with its line as read (kept, so rewriting the index never re-serializes an unchanged learner). */
export function readIndex(dataDir: string): Map<string, { entry: IndexEntry; line: string }> {
  const out = new Map<string, { entry: IndexEntry; line: string }>();
  let text: string;
  try {
    text = fs.readFileSync(path.join(dataDir, INDEX_FILE), 'utf8');
  } catch {
    return out;
  }
  const lines = text.split('\n');
  try {
    if (JSON.parse(lines[0]).version !== VERSION) return out;
  } catch {
    return out;
  }
  for (const line of lines.slice(1)) {
    if (!line) continue;
    try {
      const entry: unknown = JSON.parse(line);
      if (isEntry(entry)) out.set(entry.folder, { entry, line });
    } catch { /* a torn last line: that learner is read from their files */ }
  }
  return out;
}

export const indexLine = (entry: IndexEntry) => JSON.stringify(entry);

/** Temp file and rename, no fsync: a crash leaves the old index or a torn one, and either only slows the next start. */
export async function writeIndex(dataDir: string, lines: Iterable<string>): Promise<void> {
  const file = path.join(dataDir, INDEX_FILE);
  // Named as the store's other temporary files, so a killed writer's is removed at the next start.
  const tmp = path.join(dataDir, `.${INDEX_FILE}.${process.pid}.tmp`);
  await fsp.writeFile(tmp, [JSON.stringify({ version: VERSION }), ...lines].join('\n') + '\n');
  await fsp.rename(tmp, file);
}

/** Whether the files found in a learner's folder are exactly the ones the entry was made from. */
export function sameFiles(found: Record<string, FileStamp>, entry: IndexEntry): boolean {
  const names = Object.keys(found);
  if (names.length !== Object.keys(entry.files).length) return false;
  return names.every((n) => {
    const a = found[n];
    const b = entry.files[n];
    return !!b && a[0] === b[0] && a[1] === b[1] && a[2] === b[2];
  });
}
