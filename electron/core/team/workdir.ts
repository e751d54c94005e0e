import fs from 'node:fs';
import path from 'node:path';
import git from 'isomorphic-git';
import { TeamError } from './errors.js';
import type { Change, Repo } from './tree.js';

export interface Author { name: string; email: string }

/**
 * Paths git tracks in a content folder: everything the pack loader reads. Dot folders and files
 * (`.git`, the app's `.trash/`, editor leftovers) stay local, as the loader and watcher skip them.
 */
export const tracked = (p: string) => !p.split('/').some((s) => s.startsWith('.'));

/**
 * Files whose content differs from the last commit (added, changed or deleted). `only` limits git's
 * status to those paths (see statCache.ts); an empty list means nothing to look at.
 */
export async function localChanges(repo: Repo, only?: string[] | null): Promise<{ path: string; deleted: boolean }[]> {
  if (only && only.length === 0) return [];
  const rows = await git.statusMatrix({ fs: repo.fs, dir: repo.dir, filter: tracked, cache: repo.cache, ...(only ? { filepaths: only } : {}) });
  return rows
    .filter(([, head, work, stage]) => !(head === 1 && work === 1 && stage === 1))
    .filter(([, head, work]) => !(head === 0 && work === 0))
    .map(([p, , work]) => ({ path: p, deleted: work === 0 }));
}

/**
 * Commits every local change (made in the app or outside it: an editor, a file copy) authored by
 * the person. Returns the new commit, or null when nothing changed.
 */
export async function commitLocal(repo: Repo, author: Author, message: (files: { path: string; deleted: boolean }[]) => string, only?: string[] | null): Promise<string | null> {
  const changes = await localChanges(repo, only);
  if (!changes.length) return null;
  for (const c of changes) if (c.deleted) await git.remove({ fs: repo.fs, dir: repo.dir, filepath: c.path, cache: repo.cache });
  const added = changes.filter((c) => !c.deleted).map((c) => c.path);
  if (added.length) await git.add({ fs: repo.fs, dir: repo.dir, filepath: added, cache: repo.cache });
  const when = { timestamp: Math.floor(Date.now() / 1000), timezoneOffset: new Date().getTimezoneOffset() };
  return git.commit({ fs: repo.fs, dir: repo.dir, message: message(changes), author: { ...author, ...when }, committer: { ...author, ...when }, cache: repo.cache });
}

/** The folder a path lands in, checked against symbolic links already on disk that point elsewhere. */
function inside(root: string, rel: string): string {
  const abs = path.resolve(root, rel);
  const realRoot = fs.realpathSync(root);
  if (!abs.startsWith(path.resolve(root) + path.sep)) throw new TeamError('unsafe', `refusing to write outside the content folder: ${JSON.stringify(rel)}`, { path: rel });
  let dir = path.dirname(abs);
  while (!fs.existsSync(dir)) dir = path.dirname(dir);
  const real = fs.realpathSync(dir);
  if (real !== realRoot && !real.startsWith(realRoot + path.sep)) throw new TeamError('unsafe', `refusing to write through a link out of the content folder: ${JSON.stringify(rel)}`, { path: rel });
  const st = fs.lstatSync(abs, { throwIfNoEntry: false });
  if (st?.isSymbolicLink()) throw new TeamError('unsafe', `refusing to write through a link: ${JSON.stringify(rel)}`, { path: rel });
  return abs;
}

/**
 * Brings the working files from tree A to tree B for the given changes and keeps git's index in
 * step. Only the changed files are touched, so a sync bringing 10 articles costs 10 writes whatever
 * the size of the pack. Files are written to a temporary name and renamed, so a reader never sees
 * half a file.
 */
export async function applyToWorkdir(repo: Repo, changes: Change[]): Promise<void> {
  const written: string[] = [];
  for (const c of changes) {
    const abs = inside(repo.dir, c.path);
    if (!c.b) {
      fs.rmSync(abs, { force: true });
      pruneEmptyParents(repo.dir, path.dirname(abs));
      await git.remove({ fs: repo.fs, dir: repo.dir, filepath: c.path, cache: repo.cache });
      continue;
    }
    const { blob } = await git.readBlob({ fs: repo.fs, dir: repo.dir, oid: c.b.oid, cache: repo.cache });
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    if (fs.lstatSync(abs, { throwIfNoEntry: false })?.isDirectory()) fs.rmSync(abs, { recursive: true });
    const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}.sync`);
    fs.writeFileSync(tmp, blob, { mode: c.b.mode === '100755' ? 0o755 : 0o644 });
    fs.renameSync(tmp, abs);
    written.push(c.path);
  }
  // One index write for all of them: git.add per file rewrites the whole index each time.
  if (written.length) await git.add({ fs: repo.fs, dir: repo.dir, filepath: written, cache: repo.cache });
}

function pruneEmptyParents(root: string, dir: string): void {
  const top = path.resolve(root);
  while (dir.startsWith(top + path.sep)) {
    try {
      if (fs.readdirSync(dir).length) return;
      fs.rmdirSync(dir);
    } catch {
      return;
    }
    dir = path.dirname(dir);
  }
}
