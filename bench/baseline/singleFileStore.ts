// The store as it was before the split layout (one lowdb file, a full backup per write), kept
// verbatim as the benchmark's baseline; only the import paths differ.
import fs from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { HandbookError } from '../../electron/core/api/errors.js';
import { listBackups, writeBackup } from './singleFileBackups.js';
import { DurableJsonFile } from '../../electron/core/store/durableFile.js';
import { lockDataDir } from '../../electron/core/store/lock.js';
import { migrate } from '../../electron/core/store/migrations.js';
import { emptyData, type Data } from '../../electron/core/store/schema.js';

/** What happened when a damaged database was found at start-up; shown to the user. */
export interface Recovery {
  reason: string;
  /** Where the damaged file was moved; it is never overwritten. */
  damagedFile: string;
  /** The backup that was restored, or null when none was usable and the database starts empty. */
  restoredFrom: string | null;
}

export interface Store {
  /** Current data. Treat as read-only: change it through `update`. */
  readonly data: Data;
  /** Applies a change and resolves once it has landed on disk. Writes are serialized. */
  update<T>(change: (data: Data) => T): Promise<T>;
  readonly recovery: Recovery | null;
  /** Replaces everything with a validated database (a restore); the current one is backed up first. */
  replaceAll(raw: unknown): Promise<Data>;
  close(): Promise<void>;
}

export const DB_FILE = 'handbook-db.json';

function readValid(file: string): Data {
  const text = fs.readFileSync(file, 'utf8');
  if (text.trim() === '') throw new Error('the file is empty');
  if (text.includes('\u0000')) throw new Error('the file contains NUL bytes');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new Error('invalid JSON (' + (err as Error).message + ')');
  }
  return migrate(raw);
}

function recover(dbFile: string, dataDir: string, reason: string): { data: Data; recovery: Recovery } {
  const damagedFile = dbFile.replace(/\.json$/, `.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.renameSync(dbFile, damagedFile);
  for (const backup of listBackups(dataDir)) {
    try {
      return { data: readValid(backup), recovery: { reason, damagedFile, restoredFrom: backup } };
    } catch { /* try an older one */ }
  }
  return { data: emptyData(), recovery: { reason, damagedFile, restoredFrom: null } };
}

/** Opens (or creates) the database of a data folder, taking its one-writer lock. */
export async function openStore(dataDir: string): Promise<Store> {
  fs.mkdirSync(dataDir, { recursive: true });
  const release = lockDataDir(dataDir);
  try {
    const dbFile = path.join(dataDir, DB_FILE);
    let data: Data = emptyData();
    let recovery: Recovery | null = null;
    if (fs.existsSync(dbFile)) {
      try {
        data = readValid(dbFile);
      } catch (err) {
        ({ data, recovery } = recover(dbFile, dataDir, (err as Error).message));
      }
    }
    const db = new Low<Data>(new DurableJsonFile<Data>(dbFile), data);
    db.data = data;
    await db.write();
    writeBackup(dataDir, JSON.stringify(db.data));

    let queue: Promise<unknown> = Promise.resolve();
    return {
      get data() {
        return db.data;
      },
      recovery,
      update<T>(change: (d: Data) => T): Promise<T> {
        const run = queue.then(async () => {
          const result = change(db.data);
          await db.write();
          writeBackup(dataDir, JSON.stringify(db.data));
          return result;
        });
        queue = run.catch(() => undefined);
        return run;
      },
      async replaceAll(raw: unknown) {
        const next = migrate(raw);
        const run = queue.then(async () => {
          writeBackup(dataDir, JSON.stringify(db.data));
          db.data = next;
          await db.write();
          writeBackup(dataDir, JSON.stringify(db.data));
          return next;
        });
        queue = run.catch(() => undefined);
        return run;
      },
      async close() {
        await queue;
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

/**
 * The database as it is on disk, for one-shot readers (`handbook progress export`) that must work
 * while the app has the folder open: no lock is taken, nothing is ever written.
 */
export function openStoreReadOnly(dataDir: string): Store {
  const dbFile = path.join(dataDir, DB_FILE);
  let data: Data = emptyData();
  if (fs.existsSync(dbFile)) {
    try {
      data = readValid(dbFile);
    } catch {
      data = listBackups(dataDir).map((b) => { try { return readValid(b); } catch { return null; } }).find((d) => d !== null) ?? emptyData();
    }
  }
  return {
    data,
    recovery: null,
    update: () => Promise.reject(new HandbookError('forbidden', 'this data folder was opened read-only')),
    replaceAll: () => Promise.reject(new HandbookError('forbidden', 'this data folder was opened read-only')),
    close: async () => {},
  };
}
