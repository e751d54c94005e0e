import fs from 'node:fs';
import path from 'node:path';

const running = new Map<string, Promise<unknown>>();

/**
 * One team operation at a time per data folder: the app's timer, "Check now" and the `handbook
 * team` command would otherwise fetch and write the same checkout at once. In-process calls queue;
 * another process holding the lock file (pid inside, stale if that process is gone) waits too.
 */
export async function withTeamLock<T>(dataDir: string, fn: () => Promise<T>): Promise<T> {
  const key = path.resolve(dataDir);
  const before = running.get(key) ?? Promise.resolve();
  const mine = before.catch(() => {}).then(() => withFileLock(key, fn));
  running.set(key, mine);
  try {
    return await mine;
  } finally {
    if (running.get(key) === mine) running.delete(key);
  }
}

async function withFileLock<T>(dataDir: string, fn: () => Promise<T>): Promise<T> {
  const file = path.join(dataDir, 'team', 'sync.lock');
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  for (let waited = 0; ; waited += 100) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
      if (!alive(owner) || waited > 120_000) fs.rmSync(file, { force: true });
      else await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(file, { force: true });
  }
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid)) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
