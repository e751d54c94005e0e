import chokidar from 'chokidar';
import path from 'node:path';
import { toRel } from './files.js';

/** Quiet time that groups an editor's burst of writes (temp file, rename, chmod) into one reload. */
const SETTLE_MS = 120;

/**
 * Watches a pack folder and reports the relative paths that changed, in batches. Symbolic links are
 * not followed, so a link cannot make the app read outside the pack.
 */
export function watchPack(root: string, onChange: (rels: string[]) => void): () => Promise<void> {
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
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
      onChange(batch);
    }, SETTLE_MS);
  };
  watcher.on('add', note).on('change', note).on('unlink', note).on('unlinkDir', note).on('addDir', note);
  watcher.on('error', () => { /* a vanished sub-folder is reported by the next reload, not here */ });
  return async () => {
    if (timer) clearTimeout(timer);
    await watcher.close();
  };
}
