import type { AckArticleReport, AckPerson, AckPolicy, MyAcknowledgements } from '../../contract.js';
import type { ArticleRecord, Pack } from '../content/pack.js';
import type { Data } from '../store/schema.js';
import type { Records, Store } from '../store/store.js';
import { confirmationsOf } from './confirmations.js';
import { appliesTo, personalDue, policyOf } from './policy.js';

type Profile = Data['profiles'][number];
export type AckSource = Pick<Store, 'shared' | 'records'>;

/** Every article that carries a policy, in title order. */
export function policies(pack: Pack): Array<{ article: ArticleRecord; policy: AckPolicy }> {
  const out: Array<{ article: ArticleRecord; policy: AckPolicy }> = [];
  for (const article of pack.articles.values()) {
    const policy = policyOf(article);
    if (policy) out.push({ article, policy });
  }
  return out.sort((a, b) => a.article.summary.title.localeCompare(b.article.summary.title, 'zh-Hans-CN'));
}

/** What one person must still confirm and what they have confirmed. */
export function myAcknowledgements(pack: Pack, profile: Profile, records: Pick<Records, 'acknowledgements'>, today: string): MyAcknowledgements {
  const confirmations = new Map(confirmationsOf(pack, records).map((c) => [c.articleId, c]));
  const out: MyAcknowledgements = { today, pending: [], confirmed: [] };
  for (const { article, policy } of policies(pack)) {
    if (!appliesTo(policy, profile.roleId)) continue;
    const c = confirmations.get(article.summary.id);
    const title = article.summary.title;
    if (c?.current) out.confirmed.push({ articleId: article.summary.id, title, version: c.version, confirmedAt: c.at });
    else {
      const due = personalDue(policy, profile.startDate);
      out.pending.push({ articleId: article.summary.id, title, version: policy.version, due, overdue: due < today, confirmedVersion: c?.version ?? null });
    }
  }
  out.pending.sort((a, b) => a.due.localeCompare(b.due) || a.title.localeCompare(b.title, 'zh-Hans-CN'));
  return out;
}

/** Per policy: everyone it applies to, confirmed (current version), outdated (an earlier one) or pending. */
export function ackReport(source: AckSource, pack: Pack, today: string): AckArticleReport[] {
  const confirmations = new Map(source.shared.profiles.map((p) => [p.id, new Map(confirmationsOf(pack, source.records(p.id)).map((c) => [c.articleId, c]))]));
  return policies(pack).map(({ article, policy }) => {
    const people: AckPerson[] = [];
    for (const p of source.shared.profiles) {
      if (!appliesTo(policy, p.roleId)) continue;
      const c = confirmations.get(p.id)!.get(article.summary.id);
      const due = personalDue(policy, p.startDate);
      const state: AckPerson['state'] = !c ? 'pending' : c.current ? 'confirmed' : 'outdated';
      people.push({
        profileId: p.id, name: p.name, roleId: p.roleId, state,
        confirmedVersion: c?.version ?? null, confirmedAt: c?.at ?? null, contentHash: c?.contentHash ?? null,
        due, overdue: state !== 'confirmed' && due < today,
      });
    }
    return {
      articleId: article.summary.id, title: article.summary.title, policy,
      confirmed: people.filter((x) => x.state === 'confirmed').length, total: people.length,
      overdue: people.filter((x) => x.overdue).length, people,
    };
  });
}
