import type { Handlers } from '../../contract.js';
import { HandbookError, notFound } from '../api/errors.js';
import type { Pack } from '../content/pack.js';
import type { EditSessions } from '../profiles/sessions.js';
import { localToday } from '../onboarding/dates.js';
import type { Store } from '../store/store.js';
import { signCanonical } from '../trust/signing.js';
import { reviewQueue } from './queue.js';
import { canonicalStillValid, reviewedSummary, verifications } from './verifications.js';

export type ReviewMethods = 'verifyArticle' | 'getReviewQueue';

export interface ReviewsContext { pack(): Pack; store: Store; sessions: EditSessions }

/**
 * Who may say "still valid": a trainer, since it is a trainer fact and must be signed. The owner
 * field is only a name typed in the front matter; a learner whose profile bears that name proves
 * nothing, so an owner who is not a trainer asks one. An owner who is a trainer sees the articles
 * they own first (`scope: 'mine'`).
 */
export function reviewsHandlers(ctx: ReviewsContext): Pick<Handlers, ReviewMethods> {
  return {
    async verifyArticle({ token, articleId, contentHash }) {
      const trainer = ctx.sessions.require(token);
      if (!trainer.signer) throw new HandbookError('forbidden', `${trainer.name} has no signing key yet: set a passphrase first`, 'mustSetPassphrase', { name: trainer.name });
      const a = ctx.pack().articles.get(articleId);
      if (!a) throw notFound(`article "${articleId}"`);
      if (a.source.hash !== contentHash) throw new HandbookError('conflict', `"${articleId}" changed since you opened it: read it again first`, 'reviewChanged', { id: articleId });
      const row = { profileId: trainer.profileId, articleId, contentHash, at: new Date().toISOString() };
      const signature = signCanonical(canonicalStillValid(row), trainer.signer);
      await ctx.store.updateRecords(trainer.profileId, (d) => { d.articleReviews.push({ ...row, signature }); });
      const s = reviewedSummary(ctx.pack().articles.get(articleId) ?? a, verifications(ctx.store, ctx.pack()));
      return { articleId, reviewed: s.reviewed!, reviewDue: s.reviewDue, needsReview: s.needsReview, lastVerified: s.lastVerified! };
    },
    async getReviewQueue({ token, scope }) {
      const trainer = ctx.sessions.require(token);
      return reviewQueue(ctx.pack(), verifications(ctx.store, ctx.pack()), trainer.name, scope, localToday());
    },
  };
}
