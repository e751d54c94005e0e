import fs from 'node:fs';
import git from 'isomorphic-git';
import { FileSystem } from 'isomorphic-git/models';
import { TeamError } from './errors.js';

/** One file of a commit's tree. `mode` is git's: 100644, 100755, 120000 (symlink), 160000 (submodule). */
export interface FileEntry { path: string; oid: string; mode: string }
/** A path that differs between two trees (null: absent on that side). */
export interface Change { path: string; a: FileEntry | null; b: FileEntry | null }

/**
 * A checkout as isomorphic-git calls see it. `fs` is wrapped once: isomorphic-git wraps a plain
 * `fs` again on every call and probes it by provoking an error, which cost seconds over the 10,000
 * blob reads of a join. A wrapped one is passed through as is (it carries `_original_unwrapped_fs`).
 */
export interface Repo { dir: string; cache: object; fs: typeof fs }
const wrappedFs = new FileSystem(fs) as unknown as typeof fs;
export const openRepo = (dir: string): Repo => ({ dir, cache: {}, fs: wrappedFs });

interface RawEntry { mode: string; path: string; oid: string; type: 'blob' | 'tree' | 'commit' }

async function entries(repo: Repo, treeOid: string, prefix = ''): Promise<RawEntry[]> {
  try {
    const { tree } = await git.readTree({ fs: repo.fs, dir: repo.dir, oid: treeOid, cache: repo.cache });
    return tree as RawEntry[];
  } catch (err) {
    // isomorphic-git refuses `.git`, `..` and the like while parsing a tree: say which path.
    const e = err as { code?: string; data?: { filepath?: string } };
    if (e.code === 'UnsafeFilepathError') {
      const p = prefix + (e.data?.filepath ?? '');
      throw new TeamError('unsafe', `the repository holds a path that may not be written: ${JSON.stringify(p)}`, { path: p });
    }
    throw err;
  }
}

export async function treeOf(repo: Repo, commitOid: string): Promise<string> {
  const { commit } = await git.readCommit({ fs: repo.fs, dir: repo.dir, oid: commitOid, cache: repo.cache });
  return commit.tree;
}

/**
 * Files that differ between two trees. Subtrees with the same id are skipped without reading them,
 * so a sync bringing 10 changed articles into 10,000 reads only the folders on the way to them.
 */
export async function diffTrees(repo: Repo, a: string | null, b: string | null, prefix = ''): Promise<Change[]> {
  if (a === b) return [];
  const left = a ? await entries(repo, a, prefix) : [];
  const right = b ? await entries(repo, b, prefix) : [];
  const byName = new Map<string, { l?: RawEntry; r?: RawEntry }>();
  for (const e of left) byName.set(e.path, { l: e });
  for (const e of right) byName.set(e.path, { ...byName.get(e.path), r: e });
  const out: Change[] = [];
  for (const [name, { l, r }] of byName) {
    if (l && r && l.oid === r.oid && l.mode === r.mode) continue;
    const full = prefix + name;
    const lTree = l?.type === 'tree' ? l.oid : null;
    const rTree = r?.type === 'tree' ? r.oid : null;
    if (lTree || rTree) out.push(...await diffTrees(repo, lTree, rTree, full + '/'));
    const lFile = l && l.type !== 'tree' ? { path: full, oid: l.oid, mode: l.mode } : null;
    const rFile = r && r.type !== 'tree' ? { path: full, oid: r.oid, mode: r.mode } : null;
    if (lFile || rFile) out.push({ path: full, a: lFile, b: rFile });
  }
  return out;
}

/**
 * A new root tree: `rootTree` with the given paths set (entry) or removed (null). Only the folders
 * on the way to a change are rewritten.
 */
export async function applyToTree(repo: Repo, rootTree: string | null, changes: Map<string, FileEntry | null>): Promise<string> {
  const current = rootTree ? await entries(repo, rootTree) : [];
  const files = new Map<string, FileEntry | null>();
  const sub = new Map<string, Map<string, FileEntry | null>>();
  for (const [p, e] of changes) {
    const i = p.indexOf('/');
    if (i < 0) files.set(p, e);
    else {
      const head = p.slice(0, i);
      if (!sub.has(head)) sub.set(head, new Map());
      sub.get(head)!.set(p.slice(i + 1), e);
    }
  }
  const next = new Map<string, RawEntry>(current.map((e) => [e.path, e]));
  for (const [name, e] of files) {
    if (e) next.set(name, { mode: e.mode, path: name, oid: e.oid, type: e.mode === '160000' ? 'commit' : 'blob' });
    else if (next.get(name)?.type !== 'tree') next.delete(name);
  }
  for (const [name, inner] of sub) {
    const existing = next.get(name);
    const oid = await applyToTree(repo, existing?.type === 'tree' ? existing.oid : null, inner);
    const isEmpty = (await entries(repo, oid)).length === 0;
    if (isEmpty) next.delete(name);
    else next.set(name, { mode: '040000', path: name, oid, type: 'tree' });
  }
  return git.writeTree({ fs: repo.fs, dir: repo.dir, tree: [...next.values()] });
}
