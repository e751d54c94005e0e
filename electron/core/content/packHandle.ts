import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { HandbookError } from '../api/errors.js';
import { renameWithRetry, writeAtomic, type Folder } from '../fs/atomicWrite.js';

const O = fs.constants;
const NOFOLLOW = O.O_NOFOLLOW ?? 0;
const DIRECTORY = O.O_DIRECTORY ?? 0;
/**
 * On Linux `/proc/self/fd/<fd>/<name>` names an entry of the folder an open handle holds: walking
 * a path one component at a time through it, each opened with O_NOFOLLOW, is openat() without a
 * window between check and use. Elsewhere the path is checked with lstat and the opened file
 * compared with it afterwards (same device and file id at the resolved, link-free path).
 */
const PROC_FD = process.platform === 'linux' && fs.existsSync('/proc/self/fd');

/** A path component that is a symbolic link (or not what it should be) was met. */
export class LinkRefused extends HandbookError {
  constructor(rel: string) {
    super('forbidden', `refusing to follow a symbolic link: ${rel}`, 'symlinkRefused');
  }
}

const LINK_CODES = new Set(['ELOOP', 'ENOTDIR', 'EMLINK']);

/** `rel` split into checked components: no `..`, `.`, empty parts, backslashes, NUL or absolute paths. */
export function packParts(rel: string): string[] | null {
  if (!rel || rel.includes('\0') || rel.includes('\\') || path.isAbsolute(rel)) return null;
  const parts = rel.split('/');
  return parts.some((p) => p === '' || p === '.' || p === '..') ? null : parts;
}

/** An open folder of the pack; `at(name)` names an entry of exactly that folder, whatever its path became. */
interface DirHandle extends Folder { close(): void }

function openDir(root: string, parts: string[], rel: string, create: boolean): DirHandle {
  if (!PROC_FD) return checkedDirPath(root, parts, rel, create);
  let fd = fs.openSync(root, O.O_RDONLY | DIRECTORY);
  try {
    for (const part of parts) {
      const entry = `/proc/self/fd/${fd}/${part}`;
      let next: number;
      try {
        next = fs.openSync(entry, O.O_RDONLY | DIRECTORY | NOFOLLOW);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? '';
        if (code === 'ENOENT' && create) {
          fs.mkdirSync(entry);
          next = fs.openSync(entry, O.O_RDONLY | DIRECTORY | NOFOLLOW);
        } else if (LINK_CODES.has(code)) throw new LinkRefused(rel);
        else throw err;
      }
      fs.closeSync(fd);
      fd = next;
    }
  } catch (err) {
    fs.closeSync(fd);
    throw err;
  }
  const held = fd;
  return {
    at: (name) => `/proc/self/fd/${held}/${name}`,
    sync: async () => fs.fsyncSync(held),
    close: () => fs.closeSync(held),
  };
}

function checkedDirPath(root: string, parts: string[], rel: string, create: boolean): DirHandle {
  let cur = root;
  for (const part of parts) {
    cur = path.join(cur, part);
    let st: fs.Stats;
    try {
      st = fs.lstatSync(cur);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || !create) throw err;
      fs.mkdirSync(cur);
      st = fs.lstatSync(cur);
    }
    if (st.isSymbolicLink() || !st.isDirectory()) throw new LinkRefused(rel);
  }
  const dir = cur;
  return {
    at: (name) => path.join(dir, name),
    sync: async () => {
      try { const fd = fs.openSync(dir, 'r'); try { fs.fsyncSync(fd); } finally { fs.closeSync(fd); } } catch { /* Windows: rename is durable */ }
    },
    close: () => {},
  };
}

/**
 * Without /proc (macOS, Windows): the opened file must be the one at the link-free path inside the
 * pack. The file ids are compared as 64-bit integers: NTFS file ids and APFS inode numbers do not fit
 * a double, and two files whose ids round to the same number must not pass for one.
 */
export function verifyOpened(root: string, rel: string, fd: number): void {
  if (PROC_FD) return;
  verifySameFile(root, rel, fd);
}

/** The check itself, on every platform (the tests run it on Linux too). */
export function verifySameFile(root: string, rel: string, fd: number): void {
  const real = fs.realpathSync(path.join(root, rel));
  const expected = path.join(fs.realpathSync(root), ...rel.split('/'));
  const a = fs.fstatSync(fd, { bigint: true });
  const b = fs.lstatSync(real, { bigint: true });
  if (real !== expected || b.isSymbolicLink() || a.dev !== b.dev || a.ino !== b.ino) throw new LinkRefused(rel);
}

/** Opens the last part of `parts` through its folder's handle (made when `makeDirs`), refusing a link, then checks what was opened. */
function openFinal(root: string, rel: string, parts: string[], makeDirs: boolean, flags: number, mode?: number): number {
  const dir = openDir(root, parts.slice(0, -1), rel, makeDirs);
  let fd: number;
  try {
    fd = fs.openSync(dir.at(parts[parts.length - 1]), flags, mode);
  } catch (err) {
    if (LINK_CODES.has((err as NodeJS.ErrnoException).code ?? '')) throw new LinkRefused(rel);
    throw err;
  } finally {
    dir.close();
  }
  try {
    verifyOpened(root, rel, fd);
    return fd;
  } catch (err) {
    fs.closeSync(fd);
    throw err;
  }
}

/**
 * Opens a file of the pack for reading without following a link anywhere on its path: the file
 * read is the file checked, even when a folder is swapped for a link meanwhile.
 */
export function openPackFile(root: string, rel: string): number {
  const parts = packParts(rel);
  if (!parts) throw new LinkRefused(rel);
  return openFinal(root, rel, parts, false, O.O_RDONLY | NOFOLLOW);
}

/** Reads a regular file of the pack through a handle opened as above; `maxBytes` is checked on the handle. */
export function readPackFileSafely(root: string, rel: string, maxBytes = Infinity): { buf: Buffer<ArrayBuffer>; mtime: Date } | { tooLarge: number } | { notAFile: true } {
  const fd = openPackFile(root, rel);
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return { notAFile: true };
    if (st.size > maxBytes) return { tooLarge: st.size };
    return { buf: fs.readFileSync(fd), mtime: st.mtime };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Writes a file of the pack atomically through folder handles opened without following links
 * (missing folders are created the same way), so a folder swapped for a link cannot redirect it.
 */
export async function writePackFile(root: string, rel: string, data: string | Uint8Array): Promise<void> {
  const parts = packParts(rel);
  if (!parts) throw new HandbookError('bad_request', `not a path inside the pack: ${rel}`);
  const dir = openDir(root, parts.slice(0, -1), rel, true);
  try {
    const name = parts[parts.length - 1];
    // A link in the file's own place would be replaced by the rename, never written through; refuse it all the same.
    const existing = await fsp.lstat(dir.at(name)).catch(() => null);
    if (existing?.isSymbolicLink()) throw new LinkRefused(rel);
    await writeAtomic(dir, name, data);
  } finally {
    dir.close();
  }
}

function partsOrRefuse(rel: string): string[] {
  const parts = packParts(rel);
  if (!parts) throw new HandbookError('bad_request', `not a path inside the pack: ${rel}`);
  return parts;
}

/**
 * Moves a file of the pack to another place in it (the trash, and back) by one rename between two
 * folder handles opened without following links; the destination's folders are created the same
 * way. A link in the file's own place is refused (a rename would move the link, never its target,
 * but a link is not a pack file). An existing destination is refused unless `replace`.
 */
export async function movePackFile(root: string, fromRel: string, toRel: string, replace = false): Promise<void> {
  const from = partsOrRefuse(fromRel);
  const to = partsOrRefuse(toRel);
  const src = openDir(root, from.slice(0, -1), fromRel, false);
  try {
    const dst = openDir(root, to.slice(0, -1), toRel, true);
    try {
      const source = src.at(from[from.length - 1]);
      const target = dst.at(to[to.length - 1]);
      if (fs.lstatSync(source).isSymbolicLink()) throw new LinkRefused(fromRel);
      if (!replace && fs.existsSync(target)) throw new HandbookError('conflict', `${toRel} exists`);
      await renameWithRetry(source, target);
      await dst.sync();
      await src.sync();
    } finally {
      dst.close();
    }
  } finally {
    src.close();
  }
}

/** Removes a folder (or file) of the pack and all it holds, reached through a parent handle opened without following links. */
export async function removePackTree(root: string, rel: string): Promise<void> {
  const parts = partsOrRefuse(rel);
  const dir = openDir(root, parts.slice(0, -1), rel, false);
  try {
    // fs.rm does not follow links inside what it removes; the path itself stays inside the held folder.
    await fsp.rm(dir.at(parts[parts.length - 1]), { recursive: true, force: true });
  } finally {
    dir.close();
  }
}

/**
 * Creates a new file (never an existing one, never through a link) under `root`, its folders made
 * through handles opened without following links; returns its descriptor, open for writing. For
 * unpacking a zip into a staging folder that someone else could try to redirect meanwhile.
 */
export function createPackFile(root: string, rel: string): number {
  const parts = partsOrRefuse(rel);
  return openFinal(root, rel, parts, true, O.O_WRONLY | O.O_CREAT | O.O_EXCL | NOFOLLOW, 0o644);
}
