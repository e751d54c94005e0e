import type { ArticleSummary, Verification } from '../../contract.js';
import type { ArticleRecord } from '../content/pack.js';
import { readArticleMeta, reviewDueDate } from '../content/meta.js';
import { localToday } from '../onboarding/dates.js';
import type { Records, Store } from '../store/store.js';
import type { KeySet } from '../trust/signing.js';
import { verifyCanonical } from '../trust/signing.js';
import { keyOwnerName, keySetOf } from '../trust/verify.js';

export type ReviewRow = Records['articleReviews'][number];

/**
 * What a "still valid" signature covers. Like a sign-off, a JSON array of plain strings: one
 * serialization, so this PC and any other build the same bytes. The trainer's name is not in it.
 */
export const STILL_VALID_FORM = 'handbook/still-valid/v1';
export const canonicalStillValid = (r: Pick<ReviewRow, 'articleId' | 'contentHash' | 'at' | 'profileId'>) =>
  JSON.stringify([STILL_VALID_FORM, r.articleId, r.contentHash, r.at, r.profileId]);

export type VerificationIndex = ReadonlyMap<string, Verification>;
type Source = Pick<Store, 'shared' | 'records'>;

const perRecords = new WeakMap<object, { keys: KeySet; rows: ReviewRow[] }>();

/** A trainer's "still valid" rows whose signature checks (cached per records object and key set). */
function verifiedRows(records: Records, keys: KeySet): ReviewRow[] {
  const hit = perRecords.get(records);
  if (hit && hit.keys === keys) return hit.rows;
  const rows = (records.articleReviews ?? []).filter((r) => verifyCanonical(canonicalStillValid(r), r.profileId, r.signature, keys));
  perRecords.set(records, { keys, rows });
  return rows;
}

/**
 * The latest verified "still valid" per article, over every trusted trainer's records — also a
 * trainer of the team this PC never saw, whose key came with the content. A row whose signature
 * does not check against that trainer's key counts for nothing: records are files anyone on the
 * team can push.
 */
export function verifications(source: Source, pack: Parameters<typeof keyOwnerName>[1]): VerificationIndex {
  const keys = keySetOf(source.shared, pack);
  const out = new Map<string, Verification>();
  for (const id of keys.keys()) {
    for (const r of verifiedRows(source.records(id), keys)) {
      const kept = out.get(r.articleId);
      if (!kept || r.at > kept.at) out.set(r.articleId, { at: r.at, byId: id, by: keyOwnerName(source.shared.profiles, pack, id) ?? id });
    }
  }
  return out;
}

const intervals = new WeakMap<ArticleRecord, string | null>();
const reviewEvery = (a: ArticleRecord) => {
  let v = intervals.get(a);
  if (v === undefined) intervals.set(a, (v = readArticleMeta(a.source.data).meta.reviewEvery));
  return v;
};

/**
 * The summary as people should see it: the last review is the later of the front matter's
 * `reviewed` and the last "still valid", and the next review is counted from it.
 */
export function reviewedSummary(a: ArticleRecord, index: VerificationIndex, today = localToday()): ArticleSummary {
  const v = index.get(a.summary.id);
  if (!v) return a.summary;
  const day = localToday(new Date(v.at));
  const reviewed = !a.summary.reviewed || day > a.summary.reviewed ? day : a.summary.reviewed;
  const reviewDue = reviewDueDate(reviewed, reviewEvery(a));
  return { ...a.summary, reviewed, reviewDue, needsReview: reviewDue !== null && reviewDue < today, lastVerified: v };
}

/** "Only verified": reviewed and not past the next review. */
export const isVerified = (s: ArticleSummary) => s.reviewed !== null && !s.needsReview;
