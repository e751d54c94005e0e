import fs from 'node:fs';
import path from 'node:path';
import { isInsidePack } from './files.js';
import { readPackFileSafely } from './packHandle.js';

/** File types a pack may serve to the page. Markdown, YAML and anything executable are never served. */
export const PACK_FILE_TYPES: Record<string, string> = {
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp',
  '.svg': 'image/svg+xml', '.avif': 'image/avif', '.pdf': 'application/pdf', '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8', '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', '.mp4': 'video/mp4',
};

const SERVED_FOLDERS = new Set(['assets', 'articles', 'roles']);

/** Headers that stop a served file from running anything even when opened directly (SVG can hold script). */
export const PACK_FILE_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; sandbox",
  'X-Content-Type-Options': 'nosniff',
};

/**
 * Maps the encoded path after the pack-file route to a file of the pack, or null. Refuses encoded
 * `../`, backslashes, NUL, absolute paths, symbolic links anywhere on the way, and unknown types.
 */
export function resolvePackFile(root: string, encodedPath: string): { file: string; type: string } | null {
  let rel: string;
  try {
    rel = encodedPath.split('/').map((p) => decodeURIComponent(p)).join('/');
  } catch {
    return null;
  }
  if (rel.split('/').some((p) => p === '..' || p === '.' || p === '')) return null;
  // Only the pack's own folders: a notes.txt or anything else next to the pack is never served.
  if (!SERVED_FOLDERS.has(rel.split('/')[0])) return null;
  if (!isInsidePack(root, rel)) return null;
  const type = PACK_FILE_TYPES[path.extname(rel).toLowerCase()];
  if (!type) return null;
  const file = path.join(root, rel);
  try {
    if (!fs.statSync(file).isFile()) return null;
  } catch {
    return null;
  }
  return { file, type };
}

/** Largest file the route serves (a video in the pack, say); larger ones answer 404. */
export const MAX_SERVED_BYTES = 200 * 1024 * 1024;

/**
 * The bytes and type of the file the route names, read through a handle opened without following
 * links (so a file flipped to a link after the check is never read), or null.
 */
export function readServedFile(root: string, encodedPath: string): { data: Buffer<ArrayBuffer>; type: string } | null {
  const found = resolvePackFile(root, encodedPath);
  if (!found) return null;
  try {
    const r = readPackFileSafely(root, path.relative(root, found.file).split(path.sep).join('/'), MAX_SERVED_BYTES);
    return 'buf' in r ? { data: r.buf, type: found.type } : null;
  } catch {
    return null;
  }
}
