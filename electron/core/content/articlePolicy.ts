import type { AckPolicy } from '../../contract.js';
import { readAckPolicy } from './ackPolicy.js';
import type { ArticleRecord } from './pack.js';

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
