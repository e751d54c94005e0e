/**
 * Verified SOPs: "Still valid" is its own recorded event, separate from editing. A trainer (the
 * article's owner or any trainer) states it; the statement is signed with the trainer's key like a
 * sign-off, and moves the next review date without touching the text.
 */
import { z } from 'zod';
import { ArticleId, EditToken } from './primitives.js';

export const reviewsRequests = {
  /** "Still valid" (trainers): signed, recorded in the trainer's records; the text is not touched. */
  verifyArticle: z.object({
    token: EditToken, articleId: ArticleId,
    /** The article's hash as the trainer saw it (`Article.hash`): what the statement vouches for. Refused (`conflict`) when the file changed since. */
    contentHash: z.string().min(1).max(64),
  }).strict(),
  /**
   * Articles due for review (overdue, or due within `REVIEW_SOON_DAYS`), most overdue first (trainers).
   * `mine`: those whose `owner` is this trainer's name; `all`: every one.
   */
  getReviewQueue: z.object({ token: EditToken, scope: z.enum(['mine', 'all']) }).strict(),
} as const;

/** The latest "still valid" whose signature checks. */
export interface Verification { at: string; byId: string; by: string }

export interface ReviewItem {
  articleId: string; title: string; owner: string;
  /** The owner field equals the asking trainer's name. */
  mine: boolean;
  /** Latest of the front matter's `reviewed` and the last verification (YYYY-MM-DD). */
  reviewed: string | null;
  reviewDue: string;
  overdue: boolean;
  lastVerified: Verification | null;
}
export interface ReviewQueue { today: string; owner: string; items: ReviewItem[] }
export interface VerifiedArticle { articleId: string; reviewed: string; reviewDue: string | null; needsReview: boolean; lastVerified: Verification }

export interface ReviewsResponses {
  verifyArticle: VerifiedArticle;
  getReviewQueue: ReviewQueue;
}
