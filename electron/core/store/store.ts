import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { HandbookError } from '../api/errors.js';
import { listFileBackups, listLegacyBackups, writeFileBackup, writeRestorePoint } from './backups.js';
import { digestOf, type RecordsDigest } from './digest.js';
import { DurableJsonFile, removeStaleTempFiles } from './durableFile.js';
import { lockDataDir } from './lock.js';
import {
  DEVICE_FILE, deviceFile, deviceIdOf, fullRecords, fullShared, isRecordRows, knownOnly, ownPart, profileFolder,
  RECORDS_DIR, recordKeysOf, SHARED_FILE, split, unionOf, type Records, type Shared,
} from './layout.js';
import { migrate, SchemaError } from './migrations.js';
import { isGoodRow } from './recordRows.js';
import { INDEX_FILE, indexLine, readIndex, sameFiles, stampOf, writeIndex, type FileStamp, type IndexEntry } from './recordsIndex.js';
import { CURRENT_SCHEMA, emptyData, type Data } from './schema.js';

export type { RecordKey, Records, Shared } from './layout.js';

/** What happened when a damaged file was found at start-up; shown to the user. */
export interface Recovery {
  reason: string;
  /** Where the damaged file was moved; it is never overwritten. */
  damagedFile: string;
  /** The backup that was restored, or null when none was usable and that file starts empty. */
  restoredFrom: string | null;
}

export interface Store {
  /**
   * The whole database as one logical `Data` (what a backup holds). Learner collections are
   * assembled on first read after a change: fine for exports, too slow for a request's hot path —
   * read `shared` and `records(profileId)` there.
   */
  readonly data: Data;
  /** Profiles, settings and the other shared state. Treat as read-only. */
  readonly shared: Shared;
  /** One learner's records (the union of their files from every device). Same object until they change. Read from disk on first use. */
  records(profileId: string): Records;
  /**
   * What progress and the dashboard need of one learner's records (see `RecordsDigest`). Same object
   * until they change; answered from the records index without reading the learner's files.
   */
  digest(profileId: string): RecordsDigest;
  /** Ids of every learner that has records. */
  recordOwners(): string[];
  /** Changes the shared state: rewrites only the shared file. */
  updateShared<T>(change: (shared: Shared) => T): Promise<T>;
  /** Changes one learner's records: rewrites only this device's file of that learner. */
  updateRecords<T>(profileId: string, change: (records: Records) => T): Promise<T>;
  /** Changes anything (imports that add profiles and records of many learners); writes only the files that changed. */
  updateAll<T>(change: (data: Data) => T): Promise<T>;
  /** The first damaged file found at start-up, if any (all of them in `recoveries`). */
  readonly recovery: Recovery | null;
  readonly recoveries: Recovery[];
  /** Replaces everything (a restore): only keys the schema knows are written; the current database is kept as a restore point first. */
  replaceAll(raw: unknown): Promise<Data>;
  /**
   * Re-reads other devices' records files that a team sync just wrote (`records/<folder>/<device>.json`,
   * relative to the data folder): each learner's view becomes the union again. This device's own
   * files, broken files and paths outside the layout are skipped. Returns the learners whose files were read.
   */
  reloadRecordFiles(rels: string[]): Promise<string[]>;
  /** Calls `listener` after every write of this device's records (a team pushes them soon after). */
  onRecordsWritten(listener: () => void): () => void;
  close(): Promise<void>;
}

/** The single-file database before the split layout; migrated at start-up and kept, renamed, beside. */
export const LEGACY_DB_FILE = 'handbook-db.json';
/** @deprecated the single-file layout's name; kept for code that seeds an old database. */
export const DB_FILE = LEGACY_DB_FILE;
export { SHARED_FILE } from './layout.js';

type Row = Record<string, unknown>;
interface Learner {
  devices: Map<string, Row>;
  /** Each device file's stamp when read or written; null when what is held is not what the file holds (recovered from a backup). */
  stamps: Map<string, FileStamp | null>;
  view: Records;
  digest?: RecordsDigest;
  /** The learner's records index line, while it is current. */
  line?: string;
}
interface Summary { entry: IndexEntry; line: string }
const timeStamp = () => new Date().toISOString().replace(/[:.]/g, '-');
const forbidden = () => Promise.reject(new HandbookError('forbidden', 'this data folder was opened read-only'));
/** Shared by every learner without records, so caches keyed on the digest hold for them too. */
/** How long after a change the records index is rewritten. */
const INDEX_DELAY_MS = 3000;
const NO_RECORDS: RecordsDigest = Object.freeze({ completions: [], signoffRequests: [], quizzes: [], lastOther: null, acknowledgements: [] }) as unknown as RecordsDigest;

function parseJson(file: string): Row {
  const text = fs.readFileSync(file, 'utf8');
  if (text.trim() === '') throw new Error('the file is empty');
  if (text.includes('\u0000')) throw new Error('the file contains NUL bytes');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new Error('invalid JSON (' + (err as Error).message + ')');
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('the file is not a JSON object');
  return raw as Row;
}

function readShared(file: string): Row {
  const raw = parseJson(file);
  const v = raw.schemaVersion;
  if (!Number.isInteger(v) || (v as number) < 1) throw new Error(`unknown schemaVersion ${JSON.stringify(v)}`);
  if ((v as number) > CURRENT_SCHEMA) throw new Error(`the database was written by a newer Handbook (schema ${v}, this one knows ${CURRENT_SCHEMA})`);
  return raw;
}

function readDevice(file: string, profileId?: string): Row {
  const raw = parseJson(file);
  if (typeof raw.profileId !== 'string' || (profileId !== undefined && raw.profileId !== profileId)) throw new Error('the file does not say whose records it holds');
  return raw;
}

/**
 * Only this learner's well-formed rows of a device file: a hand-edited row for someone else is not
 * theirs to count, and one with the wrong types or deep nesting (any PC of the team can send one)
 * would make later reads fail.
 */
function rowsOf(raw: Row): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(raw)) if (Array.isArray(v)) out[k] = v.filter((r) => r && typeof r === 'object' && r.profileId === raw.profileId && isGoodRow(k, r));
  return out;
}

/** The stamp of a file as it is now, or null when it cannot be read. */
function stampNow(file: string): FileStamp | null {
  try {
    return stampOf(fs.statSync(file));
  } catch {
    return null;
  }
}

function deviceIdFor(dataDir: string, create: boolean): string {
  const file = path.join(dataDir, DEVICE_FILE);
  try {
    const id = fs.readFileSync(file, 'utf8').trim();
    if (/^[a-z0-9-]{8,100}$/.test(id)) return id;
  } catch { /* none yet */ }
  const id = crypto.randomUUID();
  if (create) fs.writeFileSync(file, id + '\n');
  return id;
}

/** Reads the legacy single file, or (when damaged) its newest good full backup. */
function readLegacy(dataDir: string, move: boolean): { data: Data; recovery: Recovery | null } {
  const file = path.join(dataDir, LEGACY_DB_FILE);
  try {
    return { data: migrate(parseJson(file)), recovery: null };
  } catch (err) {
    const damagedFile = file.replace(/\.json$/, `.damaged-${timeStamp()}.json`);
    if (move) fs.renameSync(file, damagedFile);
    for (const backup of listLegacyBackups(dataDir)) {
      try {
        return { data: migrate(parseJson(backup)), recovery: { reason: (err as Error).message, damagedFile, restoredFrom: backup } };
      } catch { /* an older one */ }
    }
    return { data: emptyData(), recovery: { reason: (err as Error).message, damagedFile, restoredFrom: null } };
  }
}

/**
 * The in-memory state of a data folder: the shared part and every learner's records by profile.
 * A learner the records index vouches for is held as a summary (their digest) until something asks
 * for their records; then their files are read (`readFolder`).
 */
class State {
  shared: Shared = fullShared({ schemaVersion: CURRENT_SCHEMA });
  readonly learners = new Map<string, Learner>();
  /** Learners known from the records index whose files have not been read. */
  readonly summaries = new Map<string, Summary>();
  /** Reads one learner folder's files (set by the opener, which knows what to do with a damaged one). */
  readFolder: (folder: string) => void = () => {};
  private readonly seen = new Set<string>();
  private keys: string[] | null = null;
  private view: Data | null = null;

  constructor(readonly dataDir: string, readonly deviceId: string) {}

  recordKeys(): string[] {
    return (this.keys ??= recordKeysOf(this.shared as unknown as Row, this.seen));
  }

  setShared(shared: Shared): void {
    this.shared = shared;
    this.keys = null;
    this.view = null;
  }

  private see(keys: Iterable<string>): void {
    for (const k of keys) if (!this.seen.has(k)) { this.seen.add(k); this.keys = null; }
  }

  /** A learner the index vouches for: known, counted, not read. */
  summarize(summary: Summary): void {
    this.see(summary.entry.keys);
    this.summaries.set(summary.entry.profileId, summary);
    this.view = null;
  }

  setDevice(profileId: string, deviceId: string, rows: Row, stamp: FileStamp | null): void {
    this.see(Object.entries(rows).filter(([, v]) => isRecordRows(v)).map(([k]) => k));
    const known = this.learners.get(profileId);
    const devices = known?.devices ?? new Map<string, Row>();
    const stamps = known?.stamps ?? new Map<string, FileStamp | null>();
    devices.set(deviceId, rows);
    stamps.set(deviceId, stamp);
    const keys = this.recordKeys();
    const files = [...devices.values()] as unknown as Records[];
    this.summaries.delete(profileId);
    this.learners.set(profileId, { devices, stamps, view: unionOf(files, keys) });
    this.view = null;
  }

  /** After a lazy read that found exactly the files the index described: its line and digest stay valid. */
  keepSummary(profileId: string, summary: Summary): void {
    const l = this.learners.get(profileId);
    if (!l || [...l.stamps.values()].some((s) => !s)) return;
    const files = Object.fromEntries([...l.stamps].map(([d, s]) => [`${d}.json`, s!]));
    if (!sameFiles(files, summary.entry)) return;
    l.line = summary.line;
    l.digest = summary.entry.digest;
  }

  forgetLearners(): void {
    this.learners.clear();
    this.summaries.clear();
    this.view = null;
  }

  records(profileId: string): Records {
    const summary = this.summaries.get(profileId);
    if (summary && !this.learners.has(profileId)) {
      this.summaries.delete(profileId);
      this.readFolder(summary.entry.folder);
      this.keepSummary(profileId, summary);
    }
    return this.learners.get(profileId)?.view ?? fullRecords({}, this.recordKeys());
  }

  digest(profileId: string): RecordsDigest {
    const l = this.learners.get(profileId);
    if (l) return (l.digest ??= digestOf(l.view));
    return this.summaries.get(profileId)?.entry.digest ?? NO_RECORDS;
  }

  /** Another device's file of a learner went away: the union drops it. */
  dropDevice(profileId: string, deviceId: string): void {
    this.records(profileId); // a learner held as a summary is read first, so the union keeps the other devices
    const known = this.learners.get(profileId);
    if (!known?.devices.delete(deviceId)) return;
    known.stamps.delete(deviceId);
    if (known.devices.size) this.learners.set(profileId, { devices: known.devices, stamps: known.stamps, view: unionOf([...known.devices.values()] as unknown as Records[], this.recordKeys()) });
    else this.learners.delete(profileId);
    this.view = null;
  }

  othersOf(profileId: string): Records[] {
    return [...(this.learners.get(profileId)?.devices ?? new Map<string, Row>())].filter(([d]) => d !== this.deviceId).map(([, r]) => r as unknown as Records);
  }

  /** The logical database; each learner collection is assembled only when read (and reads every learner's files then). */
  data(): Data {
    if (this.view) return this.view;
    const out: Row = { ...(this.shared as unknown as Row) };
    const owners = this.owners();
    for (const key of this.recordKeys()) {
      let rows: unknown[] | null = null;
      Object.defineProperty(out, key, {
        enumerable: true,
        configurable: true,
        get: () => (rows ??= owners.flatMap((id) => (this.records(id) as unknown as Record<string, unknown[]>)[key] ?? [])),
      });
    }
    return (this.view = out as unknown as Data);
  }

  private has(id: string): boolean {
    return this.learners.has(id) || this.summaries.has(id);
  }

  /** Learners with records: profiles in their order first, then records whose profile is gone. */
  owners(): string[] {
    const ids = this.shared.profiles.map((p) => p.id).filter((id) => this.has(id));
    const known = new Set(ids);
    return [...ids, ...[...this.summaries.keys(), ...this.learners.keys()].filter((id) => !known.has(id))];
  }

  /** A plain, detached copy of the whole database. */
  plain(): Data {
    return structuredClone(JSON.parse(JSON.stringify(this.data())) as Data);
  }

  /** The records index as it stands: every learner whose files are all known to hold what memory holds. */
  indexLines(): string[] {
    const out = [...this.summaries.values()].map((s) => s.line);
    for (const [profileId, l] of this.learners) {
      if ([...l.stamps.values()].some((s) => !s)) continue;
      const keys = new Set<string>();
      for (const rows of l.devices.values()) for (const [k, v] of Object.entries(rows)) if (isRecordRows(v)) keys.add(k);
      l.line ??= indexLine({
        profileId, folder: profileFolder(profileId), keys: [...keys], digest: this.digest(profileId),
        files: Object.fromEntries([...l.stamps].map(([d, s]) => [`${d}.json`, s!])),
      });
      out.push(l.line);
    }
    return out;
  }
}

/** What to do with a file that does not parse: rows to use instead (from a backup), or null to skip it. */
type Damaged = (rel: string, err: Error, read: (file: string) => Row) => Row | null;

/**
 * Reads the split layout into `state`. A learner folder whose files are exactly those its line in the
 * records index was made from is summarized, not read; any other folder is read now.
 */
function load(state: State, damaged: Damaged, index: ReturnType<typeof readIndex> = new Map()): void {
  const { dataDir } = state;
  const sharedFile = path.join(dataDir, SHARED_FILE);
  const shared = fs.existsSync(sharedFile) ? attempt(dataDir, SHARED_FILE, readShared, damaged) : null;
  state.setShared(fullShared(shared ?? { schemaVersion: CURRENT_SCHEMA }));
  const root = path.join(dataDir, RECORDS_DIR);
  if (!fs.existsSync(root)) return;
  for (const e of fs.readdirSync(root, { withFileTypes: true })) {
    // A link is not a learner's folder (and one stat per learner less at start-up).
    if (!e.isDirectory()) continue;
    const folder = e.name;
    const dir = path.join(root, folder);
    const hit = index.get(folder);
    if (hit && profileFolder(hit.entry.profileId) === folder) {
      // Stamps before any read: a file replaced after its stamp is taken differs at the next start.
      const found: Record<string, FileStamp> = {};
      for (const name of fs.readdirSync(dir)) if (deviceIdOf(name)) found[name] = stampOf(fs.statSync(path.join(dir, name)));
      if (sameFiles(found, hit.entry)) {
        state.summarize(hit);
        continue;
      }
    }
    readFolder(state, folder, damaged);
  }
}

/** Reads every device file of one learner folder into `state`. */
function readFolder(state: State, folder: string, damaged: Damaged): void {
  const dir = path.join(state.dataDir, RECORDS_DIR, folder);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const device = deviceIdOf(name);
    if (!device) continue;
    const rel = path.join(RECORDS_DIR, folder, name);
    // The stamp is taken before the read, so it can only be older than what was read, never newer.
    const stamp = stampNow(path.join(state.dataDir, rel));
    let live = true;
    const raw = attempt(state.dataDir, rel, (f) => {
      const r = readDevice(f);
      if (profileFolder(r.profileId as string) !== folder) throw new Error('the file is in another learner\'s folder');
      return r;
    }, (...args) => { live = false; return damaged(...args); });
    if (raw) state.setDevice(raw.profileId as string, device, rowsOf(raw), live ? stamp : null);
  }
}

function attempt(dataDir: string, rel: string, read: (file: string) => Row, damaged: Damaged): Row | null {
  try {
    return read(path.join(dataDir, rel));
  } catch (err) {
    return damaged(rel, err as Error, read);
  }
}

/** Opens (or creates) the database of a data folder, taking its one-writer lock. */
export async function openStore(dataDir: string): Promise<Store> {
  fs.mkdirSync(dataDir, { recursive: true });
  const release = lockDataDir(dataDir);
  try {
    // What a writer killed between write and rename left: the lock holder is the only writer.
    for (const name of [SHARED_FILE, LEGACY_DB_FILE, INDEX_FILE]) removeStaleTempFiles(path.join(dataDir, name));
    return await openLocked(dataDir, release);
  } catch (err) {
    release();
    throw err;
  }
}

async function openLocked(dataDir: string, release: () => void): Promise<Store> {
  const state = new State(dataDir, deviceIdFor(dataDir, true));
  const recoveries: Recovery[] = [];
  const writeFile = async (rel: string, json: string) => {
    const file = path.join(dataDir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await new DurableJsonFile(file).writeText(json);
    writeFileBackup(dataDir, rel, json);
  };
  const relOf = (profileId: string) => path.relative(dataDir, deviceFile(dataDir, profileId, state.deviceId));

  finishInterruptedRestore(dataDir);
  const sharedFile = path.join(dataDir, SHARED_FILE);
  const legacyFile = path.join(dataDir, LEGACY_DB_FILE);
  let upgrade: Data | null = null;
  let staleIndex = true;
  const toRewrite: Array<[string, string]> = [];
  let opened = false;
  /**
   * A damaged file of this PC is moved under `damaged/` and its newest good backup used; another PC's
   * is that PC's to write: skipped, reported, and left where it is. Found at start-up, the backup is
   * written back before the store opens; found later (a learner read on first use), this learner's
   * file is rewritten from memory in their write queue.
   */
  const damaged: Damaged = (rel, err, read) => {
    const file = path.join(dataDir, rel);
    const device = deviceIdOf(path.basename(rel));
    if (rel !== SHARED_FILE && device !== state.deviceId) {
      recoveries.push({ reason: err.message, damagedFile: file, restoredFrom: null });
      return null;
    }
    const damagedFile = path.join(dataDir, 'damaged', rel.replace(/\.json$/, `.damaged-${timeStamp()}.json`));
    fs.mkdirSync(path.dirname(damagedFile), { recursive: true });
    fs.renameSync(file, damagedFile);
    for (const backup of listFileBackups(dataDir, rel)) {
      try {
        const good = read(backup);
        if (!opened) toRewrite.push([rel, JSON.stringify(good)]);
        else {
          const profileId = good.profileId as string;
          void enqueue('records:' + profileId, () => putRecords(profileId, state.records(profileId))).catch(() => { /* the next write of this learner tries again */ });
        }
        recoveries.push({ reason: err.message, damagedFile, restoredFrom: backup });
        return good;
      } catch { /* an older one */ }
    }
    recoveries.push({ reason: err.message, damagedFile, restoredFrom: null });
    return null;
  };
  state.readFolder = (folder) => readFolder(state, folder, damaged);
  if (!fs.existsSync(sharedFile) && fs.existsSync(legacyFile)) {
    const { data, recovery } = readLegacy(dataDir, true);
    if (recovery) recoveries.push(recovery);
    upgrade = data;
  } else {
    const index = readIndex(dataDir);
    load(state, damaged, index);
    // Learners read now (new, changed or unknown to the index) and lines of folders gone make it stale.
    staleIndex = state.learners.size > 0 || state.summaries.size !== index.size;
    if (state.shared.schemaVersion < CURRENT_SCHEMA) upgrade = migrate(state.plain());
  }
  // A recovered file is written back at once, so the live file is good again.
  for (const [rel, json] of toRewrite) await writeFile(rel, json);

  // Writes per partition run one at a time; partitions run side by side. `updateAll` and
  // `replaceAll` wait for everything before them and hold everything after them.
  const tails = new Map<string, Promise<unknown>>();
  let barrier: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(key: string, job: () => Promise<T>): Promise<T> => {
    const run = Promise.all([barrier, tails.get(key)]).then(job);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => { if (tails.get(key) === tail) tails.delete(key); });
    return run;
  };
  const exclusive = <T>(job: () => Promise<T>): Promise<T> => {
    const run = Promise.all([barrier, ...tails.values()]).then(job);
    barrier = run.catch(() => undefined);
    return run;
  };

  // The records index is rewritten a few seconds after changes (many writes, one rewrite) and at close.
  let indexTimer: NodeJS.Timeout | null = null;
  let indexWrite: Promise<void> = Promise.resolve();
  const flushIndex = () => {
    if (indexTimer) clearTimeout(indexTimer);
    indexTimer = null;
    const lines = state.indexLines();
    indexWrite = indexWrite.then(() => writeIndex(dataDir, lines)).catch(() => { /* a cache: the next start reads the files */ });
    return indexWrite;
  };
  const indexChanged = () => {
    if (indexTimer) return;
    indexTimer = setTimeout(() => { void flushIndex(); }, INDEX_DELAY_MS);
    indexTimer.unref?.();
  };

  const sharedContent = (shared: Shared): string => {
    const out: Row = {};
    for (const [k, v] of Object.entries(shared)) {
      if (k !== 'profiles' && isRecordRows(v)) throw new Error(`"${k}" holds learner records: change them with updateRecords`);
      if (!(Array.isArray(v) && v.length === 0 && k !== 'profiles')) out[k] = v;
    }
    return JSON.stringify(out);
  };
  const putShared = async (next: Shared) => {
    await writeFile(SHARED_FILE, sharedContent(next));
    state.setShared(fullShared(next as unknown as Row));
  };
  /** Writes this device's file so that the learner's view becomes `view`, then swaps it in. */
  const putRecords = async (profileId: string, view: Records) => {
    for (const [k, rows] of Object.entries(view)) {
      if (!Array.isArray(rows)) throw new Error(`"${k}" is not a collection`);
      for (const r of rows) if (!r || typeof r !== 'object' || (r as Row).profileId !== profileId) throw new Error(`a row in "${k}" is not ${profileId}'s`);
    }
    const own = ownPart(view, state.othersOf(profileId));
    const rel = relOf(profileId);
    await writeFile(rel, JSON.stringify({ profileId, deviceId: state.deviceId, ...own }));
    // Only this process writes this PC's files, so what is there now is what was just written.
    state.setDevice(profileId, state.deviceId, own, stampNow(path.join(dataDir, rel)));
    indexChanged();
    for (const l of writeListeners) l();
  };
  const writeListeners = new Set<() => void>();
  /** Writes every partition whose content differs from `next`: learners first, the shared file last. */
  const putAll = async (next: Data) => {
    const parts = split(next);
    const keys = recordKeysOf(parts.shared as unknown as Row, state.recordKeys());
    const ids = new Set([...parts.records.keys(), ...state.learners.keys()]);
    for (const id of ids) {
      const view = fullRecords((parts.records.get(id) ?? {}) as unknown as Row, keys);
      if (JSON.stringify(view) !== JSON.stringify(fullRecords(state.records(id) as unknown as Row, keys))) await putRecords(id, view);
    }
    const shared = fullShared(parts.shared as unknown as Row);
    if (sharedContent(shared) !== sharedContent(state.shared)) await putShared(shared);
  };

  if (upgrade) {
    // From the single file, or from an older schema: every partition is written, then the old file set aside.
    await putAll(upgrade);
    await putShared(fullShared(split(upgrade).shared as unknown as Row));
  }
  if (fs.existsSync(legacyFile)) fs.renameSync(legacyFile, path.join(dataDir, `handbook-db.before-split-${timeStamp()}.json`));
  if (!fs.existsSync(sharedFile)) await putShared(state.shared);
  if (staleIndex) indexChanged();
  opened = true;

  return {
    get data() { return state.data(); },
    get shared() { return state.shared; },
    records: (profileId) => state.records(profileId),
    digest: (profileId) => state.digest(profileId),
    recordOwners: () => state.owners(),
    recovery: recoveries[0] ?? null,
    recoveries,
    updateShared<T>(change: (shared: Shared) => T): Promise<T> {
      return enqueue('shared', async () => {
        const draft = structuredClone(state.shared);
        const result = change(draft);
        await putShared(draft);
        return result;
      });
    },
    updateRecords<T>(profileId: string, change: (records: Records) => T): Promise<T> {
      return enqueue('records:' + profileId, async () => {
        const draft = structuredClone(state.records(profileId));
        const result = change(draft);
        await putRecords(profileId, draft);
        return result;
      });
    },
    updateAll<T>(change: (data: Data) => T): Promise<T> {
      return exclusive(async () => {
        const draft = state.plain();
        const result = change(draft);
        await putAll(draft);
        return result;
      });
    },
    replaceAll(raw: unknown): Promise<Data> {
      let next: Data;
      try {
        next = restorable(raw);
      } catch (err) {
        return Promise.reject(err);
      }
      return exclusive(async () => {
        await writeRestorePoint(dataDir, JSON.stringify(state.data()));
        await swapRecords(dataDir, state.deviceId, split(next).records);
        state.forgetLearners();
        for (const [id, rows] of split(next).records) state.setDevice(id, state.deviceId, rows as unknown as Row, stampNow(deviceFile(dataDir, id, state.deviceId)));
        indexChanged();
        await putShared(fullShared(split(next).shared as unknown as Row));
        return state.data();
      });
    },
    async reloadRecordFiles(rels: string[]): Promise<string[]> {
      const read: string[] = [];
      for (const rel of rels) {
        const parts = rel.split(/[\\/]/);
        const device = parts.length === 3 && parts[0] === RECORDS_DIR ? deviceIdOf(parts[2]) : null;
        const folder = parts[1];
        if (!device || device === state.deviceId || !/^[A-Za-z0-9_-]{1,300}$/.test(folder)) continue;
        const file = path.join(dataDir, RECORDS_DIR, folder, parts[2]);
        let raw: Row | null = null;
        try {
          raw = readDevice(file);
          if (profileFolder(raw.profileId as string) !== folder) continue;
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'ENOENT') continue;
        }
        // Through the learner's write queue, so a write in flight computes its own part against the new files.
        const owner = raw ? (raw.profileId as string) : [...state.learners.keys(), ...state.summaries.keys()].find((id) => profileFolder(id) === folder);
        if (!owner) continue;
        await enqueue('records:' + owner, async () => {
          if (raw) {
            state.records(owner); // a learner held as a summary is read first: the union needs every device
            state.setDevice(owner, device, rowsOf(raw), stampNow(file));
          } else state.dropDevice(owner, device);
          indexChanged();
        });
        read.push(owner);
      }
      return [...new Set(read)];
    },
    onRecordsWritten(listener) {
      writeListeners.add(listener);
      return () => { writeListeners.delete(listener); };
    },
    async close() {
      await Promise.all([barrier, ...tails.values()]);
      if (indexTimer || staleIndex) await flushIndex();
      await indexWrite;
      release();
    },
  };
}

/**
 * What a restore may write: the schema's keys only, each collection an array of objects and the
 * settings an object, so a restored file can never make every later request fail.
 */
function restorable(raw: unknown): Data {
  const next = knownOnly(migrate(raw));
  const base = emptyData() as unknown as Row;
  for (const [k, v] of Object.entries(next as unknown as Row)) {
    if (Array.isArray(base[k]) && !(Array.isArray(v) && v.every((r) => !!r && typeof r === 'object' && !Array.isArray(r)))) throw new SchemaError(`"${k}" is not a list of records`);
  }
  for (const p of next.profiles) if (typeof p.id !== 'string' || typeof p.name !== 'string') throw new SchemaError('a profile has no id or name');
  return next;
}

const INCOMING = 'records.incoming';
const REPLACED = 'records.replaced';

/** A restore writes the new records beside the old ones and swaps the folders, so a crash never leaves half of each. */
async function swapRecords(dataDir: string, deviceId: string, records: Map<string, Records>): Promise<void> {
  const incoming = path.join(dataDir, INCOMING);
  fs.rmSync(incoming, { recursive: true, force: true });
  for (const [id, rows] of records) {
    const file = path.join(incoming, profileFolder(id), `${deviceId}.json`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await new DurableJsonFile(file).writeText(JSON.stringify({ profileId: id, deviceId, ...rows }));
  }
  fs.mkdirSync(incoming, { recursive: true });
  const live = path.join(dataDir, RECORDS_DIR);
  const replaced = path.join(dataDir, REPLACED);
  fs.rmSync(replaced, { recursive: true, force: true });
  if (fs.existsSync(live)) fs.renameSync(live, replaced);
  fs.renameSync(incoming, live);
  fs.rmSync(replaced, { recursive: true, force: true });
}

function finishInterruptedRestore(dataDir: string): void {
  const live = path.join(dataDir, RECORDS_DIR);
  const incoming = path.join(dataDir, INCOMING);
  if (fs.existsSync(incoming) && !fs.existsSync(live)) fs.renameSync(incoming, live);
  fs.rmSync(incoming, { recursive: true, force: true });
  fs.rmSync(path.join(dataDir, REPLACED), { recursive: true, force: true });
}

/**
 * The database as it is on disk, for one-shot readers (`handbook progress export`) that must work
 * while the app has the folder open: no lock is taken, nothing is ever written.
 */
export function openStoreReadOnly(dataDir: string): Store {
  const state = new State(dataDir, deviceIdFor(dataDir, false));
  const hasShared = fs.existsSync(path.join(dataDir, SHARED_FILE));
  if (!hasShared && fs.existsSync(path.join(dataDir, LEGACY_DB_FILE))) {
    const { data } = readLegacy(dataDir, false);
    const parts = split(data);
    state.setShared(fullShared(parts.shared as unknown as Row));
    for (const [id, rows] of parts.records) state.setDevice(id, state.deviceId, rows as unknown as Row, null);
  } else {
    // A damaged file is read from its newest good backup, and left where it is for the app to recover.
    const damaged: Damaged = (rel, _err, read) => {
      for (const backup of listFileBackups(dataDir, rel)) {
        try { return read(backup); } catch { /* an older one */ }
      }
      return null;
    };
    state.readFolder = (folder) => readFolder(state, folder, damaged);
    // The running app's index is used (read, never written): a progress CSV then reads no learner's file.
    load(state, damaged, readIndex(dataDir));
    if (state.shared.schemaVersion < CURRENT_SCHEMA) {
      const parts = split(migrate(state.plain()));
      state.forgetLearners();
      state.setShared(fullShared(parts.shared as unknown as Row));
      for (const [id, rows] of parts.records) state.setDevice(id, state.deviceId, rows as unknown as Row, null);
    }
  }
  return {
    get data() { return state.data(); },
    get shared() { return state.shared; },
    records: (profileId) => state.records(profileId),
    digest: (profileId) => state.digest(profileId),
    recordOwners: () => state.owners(),
    recovery: null,
    recoveries: [],
    updateShared: forbidden,
    updateRecords: forbidden,
    updateAll: forbidden,
    replaceAll: forbidden,
    reloadRecordFiles: forbidden,
    onRecordsWritten: () => () => {},
    close: async () => {},
  };
}
