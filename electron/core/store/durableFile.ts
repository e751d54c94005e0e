import { readdirSync, rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { renameWithRetry, type RenameOps } from '../fs/atomicWrite.js';

export type FileOps = RenameOps;
const realOps: FileOps = { rename: fs.rename };

/**
 * A lowdb adapter whose write resolves only once the data is durable: written to a temporary file,
 * flushed to the disk, renamed over the database, and the folder entry flushed too. A crash at any
 * moment leaves either the old or the new file, never a torn one.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  /** Only the holder of the data folder's lock makes one, so temporary files already there are a killed writer's. */
  constructor(private readonly file: string, private readonly ops: FileOps = realOps) {
    removeStaleTempFiles(file);
  }

  async read(): Promise<T | null> {
    try {
      return JSON.parse(await fs.readFile(this.file, 'utf8')) as T;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async write(data: T): Promise<void> {
    await this.writeText(JSON.stringify(data));
  }

  /** Writes text already serialized (a caller that also backs it up serializes once). */
  async writeText(json: string): Promise<void> {
    const tmp = path.join(path.dirname(this.file), `.${path.basename(this.file)}.${process.pid}.tmp`);
    const handle = await fs.open(tmp, 'w');
    try {
      await handle.writeFile(json);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(tmp, this.file, this.ops);
    await syncDir(path.dirname(this.file));
  }
}

/** A SIGKILL between write and rename leaves a full-size `.<db>.<pid>.tmp` behind; nothing else would remove it. */
export function removeStaleTempFiles(file: string): string[] {
  const dir = path.dirname(file);
  const pattern = new RegExp(`^\\.${path.basename(file).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.\\d+\\.tmp$`);
  const removed: string[] = [];
  for (const name of readdirOrEmpty(dir)) {
    if (!pattern.test(name)) continue;
    try {
      rmSync(path.join(dir, name), { force: true });
      removed.push(name);
    } catch { /* held open on Windows: the next start removes it */ }
  }
  return removed;
}

function readdirOrEmpty(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

async function syncDir(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Windows cannot open or fsync a folder; its rename is already durable there.
  } finally {
    await handle?.close();
  }
}
