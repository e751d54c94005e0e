import type { Pack } from '../content/pack.js';
import type { Records } from '../store/store.js';
import { policyOf } from './policy.js';

export type AckRow = Records['acknowledgements'][number];

/** One policy as a person last confirmed it. */
export interface PolicyConfirmation {
  articleId: string;
  /** Highest version confirmed, when (the first confirmation of that version) and against which text. */
  version: number; at: string; contentHash: string;
  /** The version confirmed is the policy's current one (the article still asks for it). */
  current: boolean;
}

/**
 * The confirmations of one profile, one per article, from its records: a pure function of the pack
 * and the records, for anything that counts them (the dashboard here; recognition points).
 * Articles that no longer carry a policy are left out.
 */
export function confirmationsOf(pack: Pack, records: Pick<Records, 'acknowledgements'>): PolicyConfirmation[] {
  const best = new Map<string, AckRow>();
  for (const r of records.acknowledgements ?? []) {
    const kept = best.get(r.articleId);
    if (!kept || r.version > kept.version || (r.version === kept.version && r.at < kept.at)) best.set(r.articleId, r);
  }
  const out: PolicyConfirmation[] = [];
  for (const [articleId, r] of best) {
    const a = pack.articles.get(articleId);
    const policy = a ? policyOf(a) : null;
    if (!policy) continue;
    out.push({ articleId, version: r.version, at: r.at, contentHash: r.contentHash, current: r.version >= policy.version });
  }
  return out.sort((x, y) => x.at.localeCompare(y.at) || x.articleId.localeCompare(y.articleId));
}
