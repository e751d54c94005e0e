import fs from 'node:fs';
import git from 'isomorphic-git';
import { TeamError } from './errors.js';
import type { Change, Repo } from './tree.js';

/** Limits on what a team repository may hold; a Handbook pack is text and a few images. */
export interface TreeLimits { maxFileBytes: number; maxFiles: number }
export const TREE_LIMITS: TreeLimits = { maxFileBytes: 2 * 1024 * 1024, maxFiles: 50_000 };

/**
 * Names git itself refuses to check out on some system, or that would escape the folder: `.git` in
 * any case and with the trailing dots or spaces Windows drops, its 8.3 short name, `.`/`..`, and
 * anything with a separator, a drive colon or a control character.
 */
function badSegment(name: string): boolean {
  if (name === '' || name === '.' || name === '..') return true;
  if (/[\\/:\x00-\x1f]/.test(name)) return true;
  const bare = name.replace(/[. ]+$/, '').toLowerCase();
  return bare === '.git' || bare === 'git~1' || bare === '.gitmodules';
}

/**
 * Checks what a commit would add to the content folder before a single file is written. Refuses,
 * with the offending path, symbolic links, submodules, `.git`/`..` in a path and files over the size
 * limit, so a hostile or broken remote cannot write outside the folder or fill the disk.
 */
export async function assertSafe(repo: Repo, changes: Change[], totalFiles: number, limits: TreeLimits = TREE_LIMITS, opts: { sizes?: boolean } = {}): Promise<void> {
  if (totalFiles > limits.maxFiles) {
    throw new TeamError('unsafe', `the repository holds ${totalFiles} files, more than the ${limits.maxFiles} a Handbook pack may have`, { path: '', limit: limits.maxFiles });
  }
  // The folder was a pack when this PC joined; a server whose content stops being one is refused.
  if (changes.some((c) => c.path === 'handbook.yaml' && c.a && !c.b)) throw new TeamError('not_pack', 'the server’s content is no longer a Handbook pack (handbook.yaml was removed); this PC keeps its last good content');
  for (const { path: p, b } of changes) {
    if (!b) continue;
    if (p.split('/').some(badSegment)) throw refuse('a path that may not be written', p);
    if (b.mode === '120000') throw refuse('a symbolic link', p);
    if (b.mode === '160000') throw refuse('a submodule', p);
    if (b.mode !== '100644' && b.mode !== '100755') throw refuse('an entry of unknown type', p);
  }
  if (opts.sizes === false) return;
  for (const { path: p, b } of changes) {
    if (!b) continue;
    const { blob } = await git.readBlob({ fs: repo.fs, dir: repo.dir, oid: b.oid, cache: repo.cache });
    if (blob.byteLength > limits.maxFileBytes) {
      throw new TeamError('unsafe', `the repository holds a file over ${Math.round(limits.maxFileBytes / 1024 / 1024)} MB: ${p}`, { path: p });
    }
  }
}

const refuse = (what: string, p: string) => new TeamError('unsafe', `the repository holds ${what}: ${JSON.stringify(p)}`, { path: p });
