import { z } from 'zod';
import { badRequest } from '../api/errors.js';
import { listRestorePoints } from '../store/backups.js';
import { migrate, SchemaError } from '../store/migrations.js';
import { CURRENT_SCHEMA, type Data } from '../store/schema.js';
import type { Store } from '../store/store.js';
import { Id, Iso, RECORD_ROWS as R, Text } from '../store/recordRows.js';

/**
 * The whole database, as zod checks it before a restore may touch anything. Every field is typed
 * and bounded, so a file that would make later reads answer 500 (`"profiles": {"a": 1}`) or later
 * writes fail (200k levels of nesting) is refused with one line saying where.
 */
const Sealed = z.object({ salt: Text(100), iv: Text(100), tag: Text(100), data: Text(1000) }).strict();

export const DataSchema = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA),
  profiles: z.array(z.object({
    id: Id, name: z.string().min(1).max(60), roleId: z.string().min(1).max(64), startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    trainer: z.boolean(), pinHash: Text(300).nullable(), createdAt: Iso,
    passphraseHash: Text(300).nullable(), publicKeys: z.array(Text(200)).max(50), sealedKey: Sealed.nullable(),
    mustSetPassphrase: z.boolean().optional(),
  }).strict()),
  completions: z.array(R.completions),
  uncompletions: z.array(R.uncompletions),
  quizAttempts: z.array(R.quizAttempts),
  quizPractice: z.array(R.quizPractice),
  signoffRequests: z.array(R.signoffRequests),
  recognitions: z.array(R.recognitions),
  bookmarks: z.array(R.bookmarks),
  views: z.array(R.views),
  acknowledgements: z.array(R.acknowledgements).optional(),
  articleReviews: z.array(R.articleReviews).optional(),
  failedSearches: z.array(z.object({
    query: Text(2000), count: z.number().int().min(0), firstAt: Iso, lastAt: Iso,
    weeks: z.record(z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.number().int().min(0)).refine((w) => Object.keys(w).length <= 60, 'too many weeks').optional(),
  }).strict()),
  settings: z.object({
    language: z.enum(['system', 'zh-CN', 'en']), theme: z.enum(['system', 'light', 'dark']),
    currentProfileId: Id.nullable(), contentDir: Text(1000).nullable(),
    teamBoard: z.boolean().optional(),
  }).strict(),
}).strict();

/** Parses, upgrades and checks a backup's text; throws `bad_request` (key notABackup) with one line on any fault. */
export function parseBackup(content: string): Data {
  let raw: unknown;
  try {
    raw = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch {
    throw badRequest('this file is not a Handbook backup (not JSON)', 'notABackup');
  }
  let upgraded: unknown;
  try {
    upgraded = migrate(raw);
  } catch (err) {
    if (err instanceof SchemaError) throw badRequest(`this file is not a usable Handbook backup: ${err.message}`, 'notABackup');
    throw badRequest('this file is not a usable Handbook backup', 'notABackup');
  }
  // The upgrade fills missing collections with empty ones: a file without profiles would wipe everything.
  if (!Array.isArray((raw as { profiles?: unknown }).profiles)) {
    throw badRequest('this file is not a usable Handbook backup: it has no list of profiles', 'notABackup');
  }
  const parsed = DataSchema.safeParse(upgraded);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badRequest(`this file is not a usable Handbook backup: ${issue.path.join('.') || 'file'}: ${issue.message}`, 'notABackup');
  }
  const data = parsed.data as Data;
  const ids = new Set<string>();
  for (const p of data.profiles) {
    if (ids.has(p.id)) throw badRequest(`this file is not a usable Handbook backup: profile id "${p.id}" appears twice`, 'notABackup');
    ids.add(p.id);
  }
  // A handbook without a trainer lets anyone create the first one: a restore must not open that door.
  if (!data.profiles.some((p) => p.trainer)) throw badRequest('this backup has no trainer: restoring it would let anyone become one', 'notABackup');
  return data;
}

/**
 * Restores a backup: checked whole first (nothing is touched when it is refused); the store then
 * keeps the current database as a restore point (rotated only by later restores, never by ordinary
 * writes) and replaces it.
 */
export async function restoreDatabase(store: Store, dataDir: string, content: string): Promise<{ profiles: number; keptAs: string | null }> {
  const next = parseBackup(content);
  const data = await store.replaceAll(next);
  return { profiles: data.profiles.length, keptAs: listRestorePoints(dataDir)[0] ?? null };
}
