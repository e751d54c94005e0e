import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../fs/atomicWrite.js';

/** The on-disk index cache: one file in the data folder, replaced atomically (tmp + rename). */

export const CACHE_FILE = 'search-index.bin';

export function cachePath(cacheDir: string): string {
  return path.join(cacheDir, CACHE_FILE);
}

/** the cache bytes, or null when there is no readable file */
export async function readCache(file: string): Promise<Uint8Array | null> {
  try {
    const buf = await fs.readFile(file);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } catch {
    return null;
  }
}

export async function writeCacheAtomic(file: string, bytes: Uint8Array): Promise<void> {
  await writeFileAtomic(file, bytes);
}
