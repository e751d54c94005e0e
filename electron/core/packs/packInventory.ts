import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Every file that belongs to the pack, relative, with forward slashes: hidden entries (the trash,
 * temp files, `.git`) and symbolic links are not part of it.
 */
export function listPackFiles(root: string, dir = '', depth = 0, out: string[] = []): string[] {
  if (depth > 16) return out;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(path.join(root, dir), { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.name.startsWith('.') || e.isSymbolicLink()) continue;
    const rel = dir ? `${dir}/${e.name}` : e.name;
    if (e.isDirectory()) listPackFiles(root, rel, depth + 1, out);
    else if (e.isFile()) out.push(rel);
  }
  return out;
}

export const fileSha = (abs: string) => crypto.createHash('sha1').update(fs.readFileSync(abs)).digest('hex').slice(0, 16);
