import { z } from 'zod';

/**
 * The learner record collections, one zod schema per row: every field typed and bounded. A device
 * file is anyone's to write (a learner's own data folder, another PC of the team, the share), so
 * each row is checked here as it is read, and the backup check (`trust/restore.ts`) uses the same
 * schemas: a row with the wrong types or 100,000 levels of nesting never reaches a reader.
 */
export const Iso = z.string().min(10).max(40);
export const Id = z.string().min(1).max(100);
export const Text = (n: number) => z.string().max(n);
const Ref = { profileId: Id, trackId: Id, stepId: Id };
const Answer = z.union([z.number(), z.array(z.number()).max(100), z.boolean()]);

export const RECORD_ROWS = {
  completions: z.object({
    ...Ref, completedAt: Iso, contentHash: Text(100).optional(),
    signedBy: z.object({ id: Id, name: Text(60) }).strict().optional(), signature: Text(200).optional(),
  }).strict(),
  uncompletions: z.object({ ...Ref, at: Iso }).strict(),
  quizAttempts: z.object({
    id: Id, ...Ref, quizId: Id, quizHash: Text(100), answers: z.record(Text(100), Answer),
    score: z.number().min(0).max(100), passed: z.boolean(), at: Iso,
    asked: z.array(Id).max(300).optional(), wrong: z.array(Id).max(300).optional(),
  }).strict(),
  quizPractice: z.object({ profileId: Id, quizId: Id, questionId: Id, correct: z.boolean(), at: Iso }).strict(),
  signoffRequests: z.object({ ...Ref, requestedAt: Iso, note: Text(500).optional() }).strict(),
  recognitions: z.object({
    id: Id, profileId: Id, title: z.string().min(1).max(80), note: Text(500), givenAt: Iso, trainer: z.object({ id: Id, name: Text(60) }).strict(), signature: Text(200),
  }).strict(),
  bookmarks: z.object({ profileId: Id, articleId: Text(300), at: Iso }).strict(),
  views: z.object({ profileId: Id, articleId: Text(300), at: Iso }).strict(),
  acknowledgements: z.object({ profileId: Id, articleId: Text(300), version: z.number().int().min(1), contentHash: Text(100), at: Iso }).strict(),
  articleReviews: z.object({ profileId: Id, articleId: Text(300), contentHash: Text(100), at: Iso, signature: Text(200) }).strict(),
};

/** The same schemas, letting extra fields through (a newer Handbook's additions are checked by `bounded`). */
const loose = Object.fromEntries(Object.entries(RECORD_ROWS).map(([k, v]) => [k, v.loose()])) as Record<string, z.ZodObject>;
/** A value a few levels deep at most, with short strings and lists: what a newer version may add, never a stack bomb. */
const bounded = (v: unknown, depth = 4): boolean => {
  if (v === null || typeof v !== 'object') return typeof v !== 'string' || v.length <= 1000;
  const inner = Object.values(v);
  return depth > 0 && inner.length <= 300 && inner.every((x) => bounded(x, depth - 1));
};

/**
 * Whether a row read from a device file may count. The fields this version knows must have their
 * types; anything else (a field or a collection added by a newer Handbook) is kept only while small
 * and a few levels deep, so nothing in a row is nested deep enough to overflow a stack when it is compared or
 * written back.
 */
export function isGoodRow(collection: string, row: unknown): boolean {
  if (!row || typeof row !== 'object' || Array.isArray(row)) return false;
  const schema = Object.hasOwn(loose, collection) ? loose[collection] : null;
  const shape = schema?.shape ?? {};
  if (!Object.entries(row).every(([k, v]) => Object.hasOwn(shape, k) || bounded(v))) return false;
  return !schema || schema.safeParse(row).success;
}
