import fs from 'node:fs';
import path from 'node:path';
import git from 'isomorphic-git';
import { GitIndexManager } from 'isomorphic-git/managers';
import { TeamError } from './errors.js';
import type { TreeLimits } from './safety.js';
import type { Snapshot } from './statCache.js';
import type { Change, Repo } from './tree.js';
import { openPack, PackError, type PackReader, type TooBig } from './packReader.js';

export interface CheckoutProgress { loaded: number; total: number }

/**
 * Writes every file of a freshly cloned tree into the (empty) content folder and git's index in one
 * go. isomorphic-git's own checkout walks the tree, the folder and the index together and writes
 * through promises per file: on 10,000 articles it took four times as long as the clone itself.
 * Here each blob is read once, straight from the clone's pack in pack order (packReader.ts, its
 * id checked), its size checked before it is built (nothing over the limit ever lands on disk),
 * written with `wx` (a name that collides, say by case on Windows, is refused instead of
 * overwriting), and its stat goes both into the index and into the stat cache, so neither needs a
 * second walk of the folder.
 *
 * The paths were checked by `assertSafe` before; the folder is new, so no link can be in the way.
 */
export async function checkoutFresh(repo: Repo, files: Change[], limits: TreeLimits, tracked: (p: string) => boolean, onProgress?: (p: CheckoutProgress) => void): Promise<Snapshot> {
  const snapshot: Snapshot = {};
  const entries: { filepath: string; stats: fs.Stats; oid: string }[] = [];
  const made = new Set<string>();
  const total = files.length;
  let loaded = 0;
  const pack = damagedAs('', () => openPack(path.join(repo.dir, '.git')));
  // Pack order: a delta's base is read (and kept) before the delta needing it.
  const ordered = pack ? [...files].sort((x, y) => (x.b ? pack.offsetOf(x.b.oid) ?? 0 : 0) - (y.b ? pack.offsetOf(y.b.oid) ?? 0 : 0)) : files;
  for (const { path: rel, b } of ordered) {
    if (!b) continue;
    const blob = await readBlob(repo, pack, b.oid, limits.maxFileBytes, rel);
    if ('tooBig' in blob || blob.byteLength > limits.maxFileBytes) {
      throw new TeamError('unsafe', `the repository holds a file over ${Math.round(limits.maxFileBytes / 1024 / 1024)} MB: ${rel}`, { path: rel });
    }
    const abs = path.join(repo.dir, rel);
    const parent = path.dirname(abs);
    if (!made.has(parent)) { fs.mkdirSync(parent, { recursive: true }); made.add(parent); }
    try {
      fs.writeFileSync(abs, blob, { mode: b.mode === '100755' ? 0o755 : 0o644, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new TeamError('unsafe', `the repository holds two files this system cannot tell apart: ${JSON.stringify(rel)}`, { path: rel });
      throw err;
    }
    const stats = fs.lstatSync(abs);
    entries.push({ filepath: rel, stats, oid: b.oid });
    if (tracked(rel)) snapshot[rel] = [stats.size, Math.floor(stats.mtimeMs)];
    if (++loaded % 250 === 0) onProgress?.({ loaded, total });
  }
  onProgress?.({ loaded: total, total });
  await GitIndexManager.acquire({ fs: repo.fs, gitdir: path.join(repo.dir, '.git'), cache: {} }, (index) => {
    for (const e of entries) index.insert(e);
  });
  return snapshot;
}

async function readBlob(repo: Repo, pack: PackReader | null, oid: string, maxBytes: number, rel: string): Promise<Uint8Array | TooBig> {
  if (!pack) return (await git.readBlob({ fs: repo.fs, dir: repo.dir, oid, cache: repo.cache })).blob;
  return damagedAs(rel, () => pack.readBlob(oid, maxBytes));
}

/** A damaged pack as the team's "will not write this" reason, naming the file being read. */
function damagedAs<T>(rel: string, read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof PackError) throw new TeamError('unsafe', `the repository's data is damaged${rel ? ` at ${JSON.stringify(rel)}` : ''}: it holds ${err.message}`, { path: rel });
    throw err;
  }
}
