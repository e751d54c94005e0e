import type { AckPolicy, OverdueConfirmation } from '../../contract.js';
import { appliesTo, policyOf } from '../content/articlePolicy.js';
import type { Pack } from '../content/pack.js';
import { latestConfirmations } from '../store/digest.js';
import type { Data } from '../store/schema.js';
import { addDays } from './dates.js';

type AckRow = Data['acknowledgements'][number];
type Profile = Pick<Data['profiles'][number], 'roleId' | 'startDate'>;

/** Someone who starts after a policy's due day gets this many days from their start date. */
export const ACK_GRACE_DAYS = 7;

/** A person's due day: the policy's, or `ACK_GRACE_DAYS` after their start for someone who started later. */
export function personalDue(policy: AckPolicy, startDate: string): string {
  const late = addDays(startDate, ACK_GRACE_DAYS);
  return late > policy.due ? late : policy.due;
}

/** One policy as a person last confirmed it. */
export interface PolicyConfirmation {
  articleId: string;
  /** Highest version confirmed, when (the first confirmation of that version) and against which text. */
  version: number; at: string; contentHash: string;
  /** The version confirmed is the policy's current one (the article still asks for it). */
  current: boolean;
}

/**
 * The confirmations of one profile, one per article, from its records or its digest: a pure
 * function of the pack and the rows, for anything that counts them (the acknowledgement report, the
 * dashboard). Articles that no longer carry a policy are left out.
 */
export function confirmationsOf(pack: Pack, records: { acknowledgements?: AckRow[] }): PolicyConfirmation[] {
  const out: PolicyConfirmation[] = [];
  for (const r of latestConfirmations(records.acknowledgements ?? [])) {
    const a = pack.articles.get(r.articleId);
    const policy = a ? policyOf(a) : null;
    if (!policy) continue;
    out.push({ articleId: r.articleId, version: r.version, at: r.at, contentHash: r.contentHash, current: r.version >= policy.version });
  }
  return out.sort((x, y) => x.at.localeCompare(y.at) || x.articleId.localeCompare(y.articleId));
}

interface PolicyEntry { articleId: string; title: string; policy: AckPolicy }
const policyLists = new WeakMap<Pack, PolicyEntry[]>();
/** The pack's policies, listed once per loaded pack: the dashboard asks for every learner. */
function policiesOf(pack: Pack): PolicyEntry[] {
  let list = policyLists.get(pack);
  if (!list) {
    list = [];
    for (const a of pack.articles.values()) {
      const policy = policyOf(a);
      if (policy) list.push({ articleId: a.summary.id, title: a.summary.title, policy });
    }
    policyLists.set(pack, list);
  }
  return list;
}

const byDueThenId = (a: OverdueConfirmation, b: OverdueConfirmation) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0);

/**
 * The policies a person has not confirmed in their current version past their due day: what makes
 * them "behind" as an overdue step does. Reads the digest's rows, so the dashboard stays fast.
 */
export function overdueConfirmations(pack: Pack, profile: Profile, acknowledgements: AckRow[], today: string): OverdueConfirmation[] {
  const policies = policiesOf(pack);
  if (!policies.length) return [];
  const confirmed = new Map(latestConfirmations(acknowledgements).map((r) => [r.articleId, r.version]));
  const out: OverdueConfirmation[] = [];
  for (const { articleId, title, policy } of policies) {
    if (!appliesTo(policy, profile.roleId) || (confirmed.get(articleId) ?? 0) >= policy.version) continue;
    const due = personalDue(policy, profile.startDate);
    if (due < today) out.push({ articleId, title, version: policy.version, due });
  }
  return out.sort(byDueThenId);
}

/**
 * Every version of a policy a person confirmed (each once, at its first confirmation), for articles
 * that still ask for confirmation: what recognition gives points for.
 */
export function confirmedVersions(pack: Pack, acknowledgements: AckRow[]): Array<{ articleId: string; title: string; version: number; at: string }> {
  const first = new Map<string, AckRow>();
  for (const r of acknowledgements) {
    const k = `${r.articleId}\u0000${r.version}`;
    const kept = first.get(k);
    if (!kept || r.at < kept.at) first.set(k, r);
  }
  const out: Array<{ articleId: string; title: string; version: number; at: string }> = [];
  for (const r of first.values()) {
    const a = pack.articles.get(r.articleId);
    const policy = a ? policyOf(a) : null;
    // A version above the current one cannot have been asked for (a hand-edited row): it earns nothing.
    if (!a || !policy || r.version > policy.version) continue;
    out.push({ articleId: r.articleId, title: a.summary.title, version: r.version, at: r.at });
  }
  return out.sort((x, y) => x.at.localeCompare(y.at));
}
