import fs from 'node:fs';
import path from 'node:path';
import { badRequest } from '../api/errors.js';

/** What a pack consists of: an import replaces these, and only these. */
export const PACK_OWN_ENTRIES = new Set(['handbook.yaml', 'articles', 'roles', 'tracks', 'quizzes', 'assets']);

/**
 * Copies every top-level entry of the pack folder that is not the pack's own (a `notes.txt`, `.git`,
 * the trash…) into the folder about to replace it, unless the new pack brings one of that name.
 */
export function carryOverForeignEntries(contentDir: string, incoming: string): void {
  for (const name of fs.readdirSync(contentDir)) {
    if (PACK_OWN_ENTRIES.has(name) || fs.existsSync(path.join(incoming, name))) continue;
    fs.cpSync(path.join(contentDir, name), path.join(incoming, name), { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
  }
}

/**
 * A folder is a pack when it has a manifest (`handbook.yaml`): the app writes into it (editing,
 * imports), so a folder that only happens to hold an `articles` folder is refused. Only a trainer
 * may switch (the core checks the session).
 */
export function checkContentFolder(dir: string): string {
  if (!path.isAbsolute(dir)) throw badRequest(`give the full path of the folder (got "${dir}")`, 'folderNotAbsolute', { path: dir });
  const abs = path.resolve(dir);
  let st: fs.Stats;
  try {
    st = fs.statSync(abs);
  } catch {
    throw badRequest(`folder not found: ${abs}`, 'folderNotFound', { path: abs });
  }
  if (!st.isDirectory()) throw badRequest(`not a folder: ${abs}`, 'folderNotFound', { path: abs });
  let manifest: fs.Stats | null = null;
  try { manifest = fs.lstatSync(path.join(abs, 'handbook.yaml')); } catch { /* none */ }
  if (!manifest?.isFile()) {
    throw badRequest(`${abs} is not a content pack: it has no handbook.yaml`, 'notAPack', { path: abs });
  }
  return abs;
}

/** The saved folder when it still is a pack; the default otherwise (a USB drive may be gone). */
export function effectiveContentDir(saved: string | null, fallback: string): string {
  if (!saved) return fallback;
  try {
    return checkContentFolder(saved);
  } catch {
    return fallback;
  }
}
