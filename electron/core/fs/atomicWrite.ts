import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

/** Renames refused by Windows virus scanners or indexers (EPERM, EBUSY, EACCES) usually pass within seconds. */
const TRANSIENT = new Set(['EPERM', 'EBUSY', 'EACCES', 'EAGAIN']);
const RETRY_DELAYS_MS = [20, 50, 100, 200, 400, 800, 1000, 1500, 2000, 2000, 2000];

export interface RenameOps { rename: typeof fsp.rename }
const realOps: RenameOps = { rename: fsp.rename };

/** rename(), retried with back-off (about 10 s in all) while the error is one that goes away. */
export async function renameWithRetry(from: string, to: string, ops: RenameOps = realOps): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await ops.rename(from, to);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? '';
      if (!TRANSIENT.has(code) || attempt >= RETRY_DELAYS_MS.length) throw err;
      await new Promise((r) => setTimeout(r, RETRY_DELAYS_MS[attempt]));
    }
  }
}

/**
 * A folder to write into: how to name an entry of it, and how to flush its entries. A plain path for
 * most files; for pack files, a handle opened without following links (see content/packHandle.ts).
 */
export interface Folder {
  at(name: string): string;
  sync(): Promise<void>;
}

export const folderAt = (dir: string): Folder => ({ at: (name) => path.join(dir, name), sync: () => syncFolder(dir) });

/** Temporary files are hidden (loaders and watchers skip dot files) and named for the process that wrote them. */
const tempName = (name: string) => `.${name}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;

/**
 * Writes `name` in `folder` so that readers (and a crash) see either the old or the new content: a
 * temporary file beside it, flushed, renamed over (retried while Windows holds it), then the folder
 * entry flushed. The temporary file is created exclusively and never through a link.
 */
export async function writeAtomic(folder: Folder, name: string, data: string | Uint8Array): Promise<void> {
  const tmp = folder.at(tempName(name));
  const handle = await fsp.open(tmp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW ?? 0), 0o644);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(tmp, folder.at(name));
  } catch (err) {
    await fsp.rm(tmp, { force: true }).catch(() => {});
    throw err;
  }
  await folder.sync();
}

/** Path form of `writeAtomic`, creating the folder when needed. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await fsp.mkdir(path.dirname(file), { recursive: true });
  await writeAtomic(folderAt(path.dirname(file)), path.basename(file), data);
}

async function syncFolder(dir: string): Promise<void> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(dir, 'r');
    await handle.sync();
  } catch {
    // Windows cannot open or fsync a folder; its rename is already durable there.
  } finally {
    await handle?.close();
  }
}
