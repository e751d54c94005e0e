import type { AckPolicy } from '../../contract.js';
import { readAckPolicy } from '../content/ackPolicy.js';
import type { ArticleRecord } from '../content/pack.js';
import { addDays } from '../onboarding/dates.js';

// The policy is read from front matter by the pack loader (content/ackPolicy.ts says where it lives and why).
export { ACK_FIELD, readAckPolicy, type PolicyRead } from '../content/ackPolicy.js';

/** Someone who starts after a policy's due day gets this many days from their start date. */
export const ACK_GRACE_DAYS = 7;

const cache = new WeakMap<ArticleRecord, AckPolicy | null>();

/** A published article's policy (drafts and archived articles ask nobody), cached per loaded article. */
export function policyOf(a: ArticleRecord): AckPolicy | null {
  let p = cache.get(a);
  if (p === undefined) {
    p = a.summary.status === 'published' ? readAckPolicy(a.source.data).policy : null;
    cache.set(a, p);
  }
  return p;
}

export const appliesTo = (policy: AckPolicy, roleId: string) => policy.roles === 'all' || policy.roles.includes(roleId);

/** A person's due day: the policy's, or `ACK_GRACE_DAYS` after their start for someone who started later. */
export function personalDue(policy: AckPolicy, startDate: string): string {
  const late = addDays(startDate, ACK_GRACE_DAYS);
  return late > policy.due ? late : policy.due;
}
