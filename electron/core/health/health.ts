import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { ContentHealth, HealthLink, Problem } from '../../contract.js';
import type { Pack } from '../content/pack.js';
import { SOURCE_HASH, sourceState } from '../content/quizSources.js';
import type { Store } from '../store/store.js';
import { reviewedSummary, verifications } from '../reviews/verifications.js';

const idOf = (rel: string) => /^articles\/(.+)\.md$/i.exec(rel)?.[1] ?? null;

/**
 * The trainer's list of what to fix and what to write next, computed from the pack as loaded
 * (so it always agrees with `handbook validate`) plus the searches that found nothing.
 */
export function contentHealth(pack: Pack, store: Store, today = new Date().toISOString().slice(0, 10)): ContentHealth {
  const link = (p: Problem): HealthLink => {
    const id = idOf(p.path);
    const role = /^roles\/(.+)\.md$/.exec(p.path)?.[1];
    const title = id ? pack.articles.get(id)?.summary.title : role ? pack.roles.get(role)?.summary.title : undefined;
    return { path: p.path, line: p.line, articleId: id ?? (role ? 'role:' + role : null), title: title ?? p.path, message: p.message };
  };
  const brokenLinks = pack.problems.filter((p) => p.code === 'broken-link').map(link);
  const missingImages = pack.problems.filter((p) => p.code === 'missing-image' || p.code === 'bad-image').map(link);

  // A signed "still valid" moves the next review like an edit of `reviewed` does.
  const index = verifications(store, pack);
  const articles = [...pack.articles.values()].map((a) => reviewedSummary(a, index, today));
  const overdueReviews = articles
    .filter((a) => a.reviewDue !== null && a.reviewDue < today && a.status !== 'archived')
    .sort((a, b) => a.reviewDue!.localeCompare(b.reviewDue!))
    .map((a) => ({ id: a.id, title: a.title, owner: a.owner, reviewed: a.reviewed, reviewDue: a.reviewDue! }));

  const reached = new Set<string>();
  for (const t of pack.tracks.values()) for (const p of t.phases) for (const s of p.steps) if (s.articleId) reached.add(s.articleId);
  for (const [to, from] of pack.links.backlinks) if (from.some((f) => f !== to)) reached.add(to);
  for (const r of pack.roles.values()) {
    const ctx = pack.links.contextFor(r.source.rel);
    for (const l of r.source.analysis.links) {
      const t = l.startsWith('wiki:') ? ctx.resolveWiki(l.slice(5)) : ctx.resolveLink(l);
      if (t.kind === 'article') reached.add(t.id);
    }
  }
  const orphans = articles.filter((a) => a.status === 'published' && !reached.has(a.id)).map((a) => ({ id: a.id, title: a.title, owner: a.owner }));

  const trackProblems = pack.problems
    .filter((p) => p.path.startsWith('tracks/'))
    .map((p) => ({ trackId: path.posix.basename(p.path).replace(/\.ya?ml$/i, ''), path: p.path, line: p.line, message: p.message }));

  const staleQuestions: ContentHealth['staleQuestions'] = [];
  let unrecordedQuestions = 0;
  for (const quiz of pack.quizzes.values()) {
    const recorded = recordedHashes(pack.root, quiz.id);
    for (const q of quiz.questions) {
      const state = sourceState(pack, q.source, recorded.get(q.id) ?? null);
      if (state === 'changed' || state === 'missing') staleQuestions.push({ quizId: quiz.id, questionId: q.id, prompt: q.prompt, source: q.source!, state });
      else if (state === 'unrecorded') unrecordedQuestions++;
    }
  }

  const failedSearches = [...store.shared.failedSearches]
    .sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt))
    .slice(0, 100)
    .map(({ query, count, lastAt }) => ({ query, count, lastAt }));

  return { checkedAt: new Date().toISOString(), brokenLinks, missingImages, overdueReviews, orphans, trackProblems, staleQuestions, unrecordedQuestions, failedSearches };
}

/** Question id → the `source_hash` written in the quiz file (the loaded quiz does not keep it). */
function recordedHashes(root: string, quizId: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const ext of ['yaml', 'yml']) {
    let text: string;
    try {
      text = fs.readFileSync(path.join(root, 'quizzes', `${quizId}.${ext}`), 'utf8');
    } catch {
      continue;
    }
    const v = parseDocument(text).toJS({ maxAliasCount: 50 }) as any;
    (Array.isArray(v?.questions) ? v.questions : []).forEach((q: any, i: number) => {
      if (typeof q?.[SOURCE_HASH] === 'string') out.set(typeof q.id === 'string' ? q.id : `q${i + 1}`, q[SOURCE_HASH]);
    });
    break;
  }
  return out;
}
