import chokidar from 'chokidar';
import fs from 'node:fs';
import path from 'node:path';
import { toRel } from './files.js';
import { lastFullRead } from './pack.js';

/** Quiet time that groups an editor's burst of writes (temp file, rename, chmod) into one reload. */
const SETTLE_MS = 120;
const MAX_DEPTH = 12;
const CLOCK_SLACK_MS = 2000;

/**
 * Watches a pack folder and reports the relative paths that changed, in batches. Symbolic links are
 * not followed, so a link cannot make the app read outside the pack. New sub-folders are watched as
 * they appear; a deleted folder is reported by its path (the caller re-reads everything then).
 */
export function watchPack(root: string, onChange: (rels: string[]) => void): () => Promise<void> {
  // File times come from the kernel's coarse clock and can lag Date.now() by a few milliseconds, so
  // look back further than the read: re-reading a file that did not change is harmless, missing one is not.
  const since = Math.min(Date.now(), lastFullRead(root) ?? Date.now()) - CLOCK_SLACK_MS;
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  const watcher = chokidar.watch(root, {
    ignoreInitial: true,
    followSymlinks: false,
    ignored: (p) => path.basename(p).startsWith('.') && p !== root,
  });
  const note = (abs: string) => {
    pending.add(toRel(root, abs));
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      const batch = [...pending];
      pending.clear();
      if (!closed) onChange(batch);
    }, SETTLE_MS);
  };
  watcher.on('add', note).on('change', note).on('unlink', note).on('unlinkDir', note).on('addDir', note);
  // Until its first scan is done chokidar misses changes; catch up on anything touched since the read.
  watcher.on('ready', () => { for (const abs of touchedSince(root, since)) note(abs); });
  watcher.on('error', () => { /* a vanished sub-folder is reported by the next reload, not here */ });
  return async () => {
    closed = true;
    if (timer) clearTimeout(timer);
    await watcher.close();
  };
}

/** Entries (files and folders: a folder's mtime moves when an entry is added or removed) changed since `t`. */
function touchedSince(dir: string, t: number, depth = 0, out: string[] = []): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
    if (fs.lstatSync(dir).mtimeMs >= t) out.push(dir);
  } catch {
    return out;
  }
  for (const e of entries) {
    if (e.name.startsWith('.') || e.isSymbolicLink()) continue;
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (depth < MAX_DEPTH) touchedSince(abs, t, depth + 1, out);
    } else {
      try {
        if (fs.lstatSync(abs).mtimeMs >= t) out.push(abs);
      } catch { /* gone already */ }
    }
  }
  return out;
}
