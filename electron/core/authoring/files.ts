import fs from 'node:fs';
import path from 'node:path';
import { HandbookError } from '../api/errors.js';
import { isInsidePack } from '../content/files.js';
import { readPackFileSafely, writePackFile } from '../content/packHandle.js';
import { hashBytes } from '../content/hash.js';

/** Current hash of a pack file, or null when it does not exist. */
export function fileHash(root: string, rel: string): string | null {
  try {
    const r = readPackFileSafely(root, rel);
    return 'buf' in r ? hashBytes(r.buf) : null;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/**
 * Refuses paths that would write outside the pack or through a symbolic link. The folders on the
 * way may not exist yet (a new category): only the existing part is checked for links.
 */
export function assertWritable(root: string, rel: string): string {
  if (!rel || rel.includes('\0') || rel.includes('\\') || path.isAbsolute(rel) || rel.split('/').some((p) => p === '..' || p === '.' || p === '')) {
    throw new HandbookError('bad_request', `not a path inside the pack: ${rel}`);
  }
  const parts = rel.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const sub = parts.slice(0, i).join('/');
    if (!fs.existsSync(path.join(root, sub))) break;
    if (!isInsidePack(root, sub)) throw new HandbookError('forbidden', `refusing to write through a symbolic link: ${sub}`);
  }
  return path.join(root, rel);
}

/**
 * Writes a pack file atomically (temp file, fsync, rename, folder fsync) through folder handles
 * opened without following links: a folder swapped for a link meanwhile cannot redirect the write.
 */
export async function writeAtomic(root: string, rel: string, data: string | Buffer): Promise<void> {
  assertWritable(root, rel);
  await writePackFile(root, rel, data);
}

/** Serializes writes to the pack: two saves must not interleave their read-check-write. */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(job: () => Promise<T>): Promise<T> {
    const next = this.tail.then(job, job);
    this.tail = next.catch(() => {});
    return next;
  }
}
