import fs from 'node:fs';
import path from 'node:path';
import { badRequest } from '../api/errors.js';

/** A folder is a pack when it has a manifest or an articles folder; anything else is refused. */
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
  if (!fs.existsSync(path.join(abs, 'handbook.yaml')) && !fs.existsSync(path.join(abs, 'articles'))) {
    throw badRequest(`${abs} is not a content pack: it has neither handbook.yaml nor an articles folder`, 'notAPack', { path: abs });
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
