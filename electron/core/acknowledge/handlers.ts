import type { AckPolicy, AckPolicyState, Handlers } from '../../contract.js';
import { HandbookError, notFound } from '../api/errors.js';
import { readText } from '../authoring/articles.js';
import type { AuthoringContext } from '../authoring/context.js';
import { fileHash, writeAtomic } from '../authoring/files.js';
import { MAX_TEXT_BYTES } from '../content/files.js';
import { localToday } from '../onboarding/dates.js';
import { requireProfile } from '../profiles/profiles.js';
import { parseFrontMatter } from '../content/frontmatter.js';
import { appliesTo, policyOf, readAckPolicy } from './policy.js';
import { ackReport, myAcknowledgements } from './status.js';
import { ackCsv, packLanguage, reminderText } from './reminder.js';
import { writePolicy } from './writePolicy.js';

export type AcknowledgeMethods =
  | 'listMyAcknowledgements' | 'confirmAcknowledgement' | 'getAcknowledgementPolicy' | 'setAcknowledgementPolicy'
  | 'getAcknowledgementReport' | 'exportAcknowledgements';

const changedMeanwhile = (id: string) => new HandbookError('conflict', `"${id}" changed since it was shown: read it again, then confirm`, 'ackChanged', { id });

/**
 * 阅读确认. Confirming is the person's own act (their session only; a trainer cannot confirm for
 * someone); the policy and the report are trainers'.
 */
export function acknowledgeHandlers(ctx: AuthoringContext): Pick<Handlers, AcknowledgeMethods> {
  const { store, sessions } = ctx;
  const mine = (profileId: string) => myAcknowledgements(ctx.pack(), requireProfile(store, profileId), store.records(profileId), localToday());
  const articleRel = (id: string) => {
    const a = ctx.pack().articles.get(id);
    if (!a) throw notFound(`article "${id}"`);
    return a.source.rel;
  };
  const policyState = (articleId: string): AckPolicyState => {
    const file = readText(ctx.root, articleRel(articleId));
    if (!file) throw notFound(`article "${articleId}"`);
    return { articleId, hash: file.hash, policy: readAckPolicy(parseFrontMatter(file.text.replace(/\r\n?/g, '\n')).data).policy };
  };
  const report = () => {
    const pack = ctx.pack();
    const today = localToday();
    const articles = ackReport(store, pack, today);
    return { today, articles, overdue: articles.reduce((n, a) => n + a.overdue, 0), reminder: reminderText(articles, packLanguage(pack.info.language)) };
  };
  return {
    async listMyAcknowledgements({ token, profileId }) {
      sessions.self(token, profileId, true);
      return mine(profileId);
    },
    async confirmAcknowledgement({ token, profileId, articleId, version, contentHash }) {
      sessions.self(token, profileId, false);
      const profile = requireProfile(store, profileId);
      const a = ctx.pack().articles.get(articleId);
      const policy = a ? policyOf(a) : null;
      if (!a || !policy || !appliesTo(policy, profile.roleId)) {
        throw new HandbookError('not_found', `"${articleId}" asks ${profile.name} for no confirmation`, 'ackNotRequired', { id: articleId });
      }
      if (policy.version !== version || a.source.hash !== contentHash) throw changedMeanwhile(articleId);
      await store.updateRecords(profileId, (d) => {
        if (d.acknowledgements.some((r) => r.articleId === articleId && r.version === version && r.contentHash === contentHash)) return;
        d.acknowledgements.push({ profileId, articleId, version, contentHash, at: new Date().toISOString() });
      });
      return mine(profileId);
    },
    async getAcknowledgementPolicy({ token, articleId }) {
      sessions.require(token);
      return policyState(articleId);
    },
    async setAcknowledgementPolicy({ token, articleId, baseHash, policy, material }) {
      sessions.require(token);
      const rel = articleRel(articleId);
      return ctx.queue.run(async () => {
        const file = readText(ctx.root, rel);
        if (!file) throw notFound(`article "${articleId}"`);
        if (file.hash !== baseHash) throw new HandbookError('conflict', `"${articleId}" changed on disk since you opened it`, 'changedMeanwhile', { id: articleId });
        const before = readAckPolicy(parseFrontMatter(file.text.replace(/\r\n?/g, '\n')).data).policy;
        const today = localToday();
        let next: AckPolicy | null = null;
        if (policy) {
          // A first policy is version 1; a material change starts the next; anything else keeps the version people confirmed.
          const version = before ? before.version + (material ? 1 : 0) : 1;
          next = { roles: policy.roles, due: policy.due, version, since: !before || material ? today : before.since };
        }
        const text = writePolicy(file.text, next);
        if (Buffer.byteLength(text) > MAX_TEXT_BYTES) throw new HandbookError('bad_request', 'the article is too large', 'articleTooLarge', { limit: MAX_TEXT_BYTES / 1048576 });
        if (text !== file.text) {
          await writeAtomic(ctx.root, rel, text);
          await ctx.changed([rel]);
        }
        return { articleId, hash: fileHash(ctx.root, rel)!, policy: next };
      });
    },
    async getAcknowledgementReport({ token }) {
      sessions.require(token);
      return report();
    },
    async exportAcknowledgements({ token }) {
      sessions.require(token);
      const r = report();
      return { filename: `acknowledgements-${r.today}.csv`, mimeType: 'text/csv;charset=utf-8', content: ackCsv(r.articles, packLanguage(ctx.pack().info.language)) };
    },
  };
}
