import type { Problem } from '../../contract.js';
import { decodeText } from './decode.js';
import { LinkRefused, readPackFileSafely } from './packHandle.js';
import fs from 'node:fs';
import path from 'node:path';

/** Larger files are refused: one pasted export must not stall loading for everyone. */
export const MAX_TEXT_BYTES = 2 * 1024 * 1024;
/** Deeper folder trees are not walked. */
const MAX_DEPTH = 12;

export interface WalkProblem { rel: string; message: string; code: string }

/** Relative path with forward slashes, as ids and problems use. */
export const toRel = (root: string, abs: string) => path.relative(root, abs).split(path.sep).join('/');

/**
 * Lists files under `dir` (relative to `root`) with one of the extensions. Symbolic links are never
 * followed (a pack must not read outside itself) and are reported; hidden entries are skipped.
 */
export function walk(root: string, dir: string, exts: string[], problems: WalkProblem[], depth = 0): string[] {
  const abs = path.join(root, dir);
  let entries: fs.Dirent[];
  try {
    // readdir follows a symlinked top folder (`articles -> /etc`); sub-entries are checked below.
    if (depth === 0 && fs.lstatSync(abs).isSymbolicLink()) {
      problems.push({ rel: dir, code: 'symlink', message: 'symbolic link not followed: packs must contain real files' });
      return [];
    }
    entries = fs.readdirSync(abs, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') problems.push({ rel: dir, code: 'unreadable', message: `cannot read folder (${(err as NodeJS.ErrnoException).code ?? 'error'})` });
    return [];
  }
  const out: string[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith('.')) continue;
    const rel = dir ? `${dir}/${e.name}` : e.name;
    if (e.isSymbolicLink()) {
      problems.push({ rel, code: 'symlink', message: 'symbolic link not followed: packs must contain real files' });
    } else if (e.isDirectory()) {
      if (depth >= MAX_DEPTH) problems.push({ rel, code: 'too-deep', message: `folder nesting deeper than ${MAX_DEPTH} levels is not read` });
      else out.push(...walk(root, rel, exts, problems, depth + 1));
    } else if (e.isFile() && exts.some((x) => e.name.toLowerCase().endsWith(x))) {
      out.push(rel);
    }
  }
  return out;
}

/**
 * Reads a file of the pack, refusing oversize files and any symbolic link on the way. The file is
 * opened without following links and checked through its handle (packHandle.ts), so a file or
 * folder swapped for a link between a check and the read cannot make it read outside the pack.
 */
export function readPackFile(root: string, rel: string): { ok: true; buf: Buffer; mtime: Date } | { ok: false; code: string; message: string } {
  try {
    const r = readPackFileSafely(root, rel, MAX_TEXT_BYTES);
    if ('tooLarge' in r) {
      return { ok: false, code: 'too-large', message: `file is ${(r.tooLarge / 1048576).toFixed(1)} MB; the limit is ${MAX_TEXT_BYTES / 1048576} MB — split it into several articles` };
    }
    if ('notAFile' in r) return { ok: false, code: 'unreadable', message: 'not a file' };
    return { ok: true, buf: r.buf, mtime: r.mtime };
  } catch (err) {
    if (err instanceof LinkRefused) return { ok: false, code: 'symlink', message: 'symbolic link not followed' };
    return { ok: false, code: 'unreadable', message: `cannot read file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
  }
}

/** True when `rel` stays inside the pack and every component is a real entry (no symlink on the way). */
export function isInsidePack(root: string, rel: string): boolean {
  if (!rel || rel.includes('\0') || rel.includes('\\') || path.isAbsolute(rel)) return false;
  const norm = path.posix.normalize(rel);
  if (norm.startsWith('../') || norm === '..') return false;
  let cur = root;
  for (const part of norm.split('/')) {
    cur = path.join(cur, part);
    try {
      if (fs.lstatSync(cur).isSymbolicLink()) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * Reads and decodes a text file of the pack, reporting why it cannot (unreadable, too large,
 * binary, unknown encoding) or how it was decoded, with the file's path.
 */
export function readPackText(root: string, rel: string, problems: Problem[]): { text: string; buf: Buffer; mtime: Date } | null {
  const read = readPackFile(root, rel);
  if (!read.ok) {
    problems.push({ path: rel, severity: 'error', code: read.code, message: read.message });
    return null;
  }
  const decoded = decodeText(read.buf);
  if (!decoded.ok) {
    problems.push({ path: rel, line: decoded.line, severity: 'error', code: 'encoding', message: decoded.reason });
    return null;
  }
  if (decoded.note) problems.push({ path: rel, severity: 'warning', code: 'encoding', message: decoded.note });
  return { text: decoded.text, buf: read.buf, mtime: read.mtime };
}
