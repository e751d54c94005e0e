import type { ReviewItem, ReviewQueue } from '../../contract.js';
import type { Pack } from '../content/pack.js';
import { addDays } from '../onboarding/dates.js';
import { reviewedSummary, type VerificationIndex } from './verifications.js';

/** The queue shows what is overdue and what falls due within this many days. */
export const REVIEW_SOON_DAYS = 14;

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase() && a.trim() !== '';

/** Articles due for review, most overdue first; `mine`: those the owner field gives to `owner`. */
export function reviewQueue(pack: Pack, index: VerificationIndex, owner: string, scope: 'mine' | 'all', today: string): ReviewQueue {
  const horizon = addDays(today, REVIEW_SOON_DAYS);
  const items: ReviewItem[] = [];
  for (const a of pack.articles.values()) {
    if (a.summary.status === 'archived') continue;
    const s = reviewedSummary(a, index, today);
    if (!s.reviewDue || s.reviewDue > horizon) continue;
    const mine = sameName(s.owner, owner);
    if (scope === 'mine' && !mine) continue;
    items.push({ articleId: s.id, title: s.title, owner: s.owner, mine, reviewed: s.reviewed, reviewDue: s.reviewDue, overdue: s.reviewDue < today, lastVerified: s.lastVerified ?? null });
  }
  items.sort((x, y) => x.reviewDue.localeCompare(y.reviewDue) || x.title.localeCompare(y.title, 'zh-Hans-CN'));
  return { today, owner, items };
}
