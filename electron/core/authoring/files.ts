import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { HandbookError } from '../api/errors.js';
import { isInsidePack } from '../content/files.js';
import { renameWithRetry } from '../store/durableFile.js';

/** The same hash the loader gives a file (`Article.hash`), so the editor can compare what it loaded. */
export const hashBytes = (buf: Buffer | string) => crypto.createHash('sha1').update(buf).digest('hex').slice(0, 16);

/** Current hash of a pack file, or null when it does not exist. */
export function fileHash(root: string, rel: string): string | null {
  try {
    return hashBytes(fs.readFileSync(path.join(root, rel)));
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
 * Writes a file so that readers (and a crash) see either the old or the new content: a hidden temp
 * file next to it (the loader and the watcher skip dot files), flushed, then renamed over.
 */
export async function writeAtomic(root: string, rel: string, data: string | Buffer): Promise<void> {
  const abs = assertWritable(root, rel);
  await fsp.mkdir(path.dirname(abs), { recursive: true });
  const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
  const handle = await fsp.open(tmp, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await renameWithRetry(tmp, abs);
  } catch (err) {
    await fsp.rm(tmp, { force: true });
    throw err;
  }
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
