import fs from 'node:fs';
import path from 'node:path';
import { HandbookError } from '../api/errors.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One writer per data folder: a lock file holding the owner's pid, created exclusively.
 * A lock left by a dead process is taken over. Returns the release function.
 */
/** Lock files this process holds: a second core in the same process is a second writer too. */
const held = new Set<string>();

export function lockDataDir(dataDir: string): () => void {
  const file = path.resolve(dataDir, 'handbook.lock');
  if (held.has(file)) throw new HandbookError('conflict', `The data folder ${dataDir} is already open in this Handbook.`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      let released = false;
      held.add(file);
      return () => {
        if (released) return;
        released = true;
        held.delete(file);
        try {
          if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
        } catch { /* already gone */ }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(owner) && owner !== process.pid && alive(owner)) {
        throw new HandbookError('conflict', `The data folder ${dataDir} is in use by another Handbook (process ${owner}). Close it first, or use another --data folder.`);
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new HandbookError('conflict', `Could not lock the data folder ${dataDir}.`);
}
