import path from 'node:path';
import { emptyData, type Data } from './schema.js';

/**
 * The storage layout: the small shared state (profiles, settings, failed searches…) in one file,
 * and each learner's records in one file per learner per device. Which is which is decided by one
 * generic rule, so a collection added to the schema later travels without changes here: every
 * top-level array whose rows all carry a `profileId` is a learner record collection.
 */

/** Keys of `Data` whose rows carry a `profileId`: the learner record collections. */
export type RecordKey = {
  [K in keyof Data]-?: Data[K] extends Array<infer R> ? (R extends { profileId: string } ? K : never) : never;
}[keyof Data];
/** One learner's records (every collection holds only that learner's rows). */
export type Records = Pick<Data, RecordKey>;
/** Everything that is not a learner's record. */
export type Shared = Omit<Data, RecordKey>;

export const SHARED_FILE = 'handbook-shared.json';
export const RECORDS_DIR = 'records';
export const DEVICE_FILE = 'device-id';

type Row = Record<string, unknown>;

export function isRecordRows(value: unknown): value is Array<{ profileId: string }> {
  return Array.isArray(value) && value.length > 0
    && value.every((r) => !!r && typeof r === 'object' && typeof (r as Row).profileId === 'string');
}

/** The array collections a learner's records may hold: everything in the schema except the profiles. */
export function recordKeysOf(shared: Record<string, unknown>, seen: Iterable<string>): string[] {
  const keys = new Set<string>(seen);
  for (const [k, v] of Object.entries(emptyData())) if (Array.isArray(v) && k !== 'profiles') keys.add(k);
  // A non-empty shared collection (failed searches) is not a learner's.
  for (const [k, v] of Object.entries(shared)) if (Array.isArray(v) && v.length > 0 && !isRecordRows(v)) keys.delete(k);
  return [...keys];
}

/** Splits a logical database into the shared part and each learner's records. */
export function split(data: Data): { shared: Shared; records: Map<string, Records> } {
  const shared: Row = {};
  const records = new Map<string, Row>();
  for (const [key, value] of Object.entries(data)) {
    if (key !== 'profiles' && isRecordRows(value)) {
      for (const row of value) {
        let mine = records.get(row.profileId);
        if (!mine) records.set(row.profileId, (mine = {}));
        ((mine[key] ??= []) as unknown[]).push(row);
      }
    } else if (!(Array.isArray(value) && value.length === 0 && key !== 'profiles')) {
      // Empty collections are not written: the view fills every missing one from the schema.
      shared[key] = value;
    }
  }
  return { shared: shared as Shared, records: records as unknown as Map<string, Records> };
}

/** A learner's records with every collection present (empty when it has no rows). */
export function fullRecords(rows: Row, keys: Iterable<string>): Records {
  const out: Row = {};
  for (const k of keys) out[k] = [];
  for (const [k, v] of Object.entries(rows)) if (Array.isArray(v)) out[k] = v;
  return out as unknown as Records;
}

/** The shared state with schema defaults filled in (a file never holds empty collections). */
export function fullShared(raw: Row): Shared {
  const base = emptyData() as unknown as Row;
  const out: Row = {};
  for (const [k, v] of Object.entries(base)) if (!isRecordRows(v)) out[k] = v;
  for (const [k, v] of Object.entries(raw)) out[k] = v;
  out.settings = { ...(base.settings as Row), ...((raw.settings as Row | undefined) ?? {}) };
  return out as unknown as Shared;
}

/**
 * A profile id as a folder name: a UUID as it is; anything else (an id brought in by an import may
 * hold `/`, `..` or capitals that Windows folds) as `x-` and its UTF-8 bytes in hex.
 */
export function profileFolder(profileId: string): string {
  return /^[a-z0-9][a-z0-9-]{0,99}$/.test(profileId) && !profileId.startsWith('x-') ? profileId : 'x-' + Buffer.from(profileId, 'utf8').toString('hex');
}

export function deviceFile(dataDir: string, profileId: string, deviceId: string): string {
  return path.join(dataDir, RECORDS_DIR, profileFolder(profileId), `${deviceId}.json`);
}

/** A device file's name, or null for anything else in a learner's folder (temporary files, notes). */
export function deviceIdOf(fileName: string): string | null {
  const m = /^([a-z0-9-]{1,100})\.json$/.exec(fileName);
  return m ? m[1] : null;
}

const canonical = (row: unknown) => JSON.stringify(row);
const stepKey = (r: Row) => `${r.trackId}\u0000${r.stepId}`;

/** Keeps, per key, the row with the latest time; on a tie the first seen stays. */
function latestBy(rows: Row[], keyOf: (r: Row) => string, at: (r: Row) => string): Row[] {
  const best = new Map<string, Row>();
  for (const r of rows) {
    const k = keyOf(r);
    const kept = best.get(k);
    if (!kept || at(r) > at(kept)) best.set(k, r);
  }
  return [...best.values()];
}

/**
 * One learner's view: the union of their device files. Idempotent (a fact held by two files counts
 * once) and newer facts win, as in the progress merge: per step the latest of a completion and an
 * un-tick, the latest sign-off request per step, the latest bookmark and view per article; rows with
 * an `id` (quiz attempts) once per id; any other collection, each distinct row once.
 */
export function unionOf(devices: Records[], keys: Iterable<string>): Records {
  if (devices.length === 1) return fullRecords(devices[0] as unknown as Row, keys);
  const all: Record<string, Row[]> = {};
  for (const k of keys) all[k] = [];
  for (const d of devices) for (const [k, v] of Object.entries(d)) if (Array.isArray(v)) (all[k] ??= []).push(...(v as Row[]));
  const out: Record<string, Row[]> = {};
  for (const [k, rows] of Object.entries(all)) {
    const seen = new Set<string>();
    out[k] = rows.filter((r) => {
      const id = typeof r.id === 'string' ? 'id:' + r.id : canonical(r);
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
  }
  if (out.completions || out.uncompletions) {
    const done = latestBy(out.completions ?? [], stepKey, (r) => String(r.completedAt));
    const undone = latestBy(out.uncompletions ?? [], stepKey, (r) => String(r.at));
    const undoneAt = new Map(undone.map((u) => [stepKey(u), String(u.at)]));
    const doneAt = new Map(done.map((c) => [stepKey(c), String(c.completedAt)]));
    out.completions = done.filter((c) => !(String(undoneAt.get(stepKey(c)) ?? '') > String(c.completedAt)));
    out.uncompletions = undone.filter((u) => String(u.at) > String(doneAt.get(stepKey(u)) ?? ''));
  }
  if (out.signoffRequests) out.signoffRequests = latestBy(out.signoffRequests, stepKey, (r) => String(r.requestedAt));
  for (const k of ['bookmarks', 'views']) if (out[k]) out[k] = latestBy(out[k], (r) => String(r.articleId), (r) => String(r.at));
  return out as unknown as Records;
}

/** What this device's file must hold so that the union with the other devices' files is `view`. */
export function ownPart(view: Records, others: Records[]): Row {
  const held = new Set<string>();
  for (const d of others) for (const v of Object.values(d)) if (Array.isArray(v)) for (const r of v) held.add(canonical(r));
  const out: Row = {};
  for (const [k, v] of Object.entries(view)) {
    if (!Array.isArray(v)) continue;
    const mine = held.size ? v.filter((r) => !held.has(canonical(r))) : v;
    if (mine.length) out[k] = mine;
  }
  return out;
}

/** Only the keys the schema knows (a restore must never write `settings.constructor` or other junk). */
export function knownOnly(data: Data): Data {
  const base = emptyData() as unknown as Row;
  const raw = data as unknown as Row;
  const out: Row = {};
  for (const k of Object.keys(base)) if (Object.hasOwn(raw, k)) out[k] = raw[k];
  const settings: Row = {};
  const given = (raw.settings ?? {}) as Row;
  for (const k of Object.keys(base.settings as Row)) settings[k] = Object.hasOwn(given, k) ? given[k] : (base.settings as Row)[k];
  out.settings = settings;
  return out as unknown as Data;
}
