import type { Article, ArticleList, ArticleSummary, LinkRef, ParsedRequest, Role } from '../../contract.js';
import { notFound } from '../api/errors.js';
import { plainTextHtml } from '../content/markdown.js';
import { markdownPool } from '../content/markdownPool.js';
import type { ArticleRecord, Pack } from '../content/pack.js';
import { isVerified } from '../reviews/verifications.js';

/** How an article's summary is shown: as loaded, or with review events applied (see core/reviews). */
export type SummaryView = (a: ArticleRecord) => ArticleSummary;
const asLoaded: SummaryView = (a) => a.summary;
import type { MarkdownSource } from '../content/source.js';

const count = (into: Record<string, number>, keys: string[]) => { for (const k of keys) into[k] = (into[k] ?? 0) + 1; };
/** Keyed by what authors typed: without a prototype, `constructor` or `__proto__` are tags like any other. */
const tally = (): Record<string, number> => Object.create(null);

export function listArticles(pack: Pack, q: ParsedRequest<'listArticles'>, view: SummaryView = asLoaded): ArticleList {
  const all = [...pack.articles.values()].map(view);
  const facets: ArticleList['facets'] = { roles: tally(), tags: tally(), platforms: tally(), statuses: tally() };
  for (const a of all) {
    count(facets.roles, a.roles); count(facets.tags, a.tags); count(facets.platforms, a.platforms); count(facets.statuses, [a.status]);
  }
  const inCategory = (a: ArticleSummary) => !q.category || a.category === q.category || a.category.startsWith(q.category + '/');
  const articles = all.filter((a) =>
    inCategory(a) &&
    (!q.role || a.roles.includes(q.role)) &&
    (!q.tag || a.tags.includes(q.tag)) &&
    (!q.platform || a.platforms.includes(q.platform)) &&
    (!q.review || (q.review === 'overdue' ? a.needsReview : isVerified(a))) &&
    (q.status ? a.status === q.status : a.status !== 'archived'));
  const byTitle = (a: ArticleSummary, b: ArticleSummary) => a.title.localeCompare(b.title, 'zh-Hans-CN');
  const sorters: Record<string, (a: ArticleSummary, b: ArticleSummary) => number> = {
    title: byTitle,
    updated: (a, b) => b.updatedAt.localeCompare(a.updatedAt) || byTitle(a, b),
    review: (a, b) => Number(b.needsReview) - Number(a.needsReview) || (a.reviewDue ?? '9999').localeCompare(b.reviewDue ?? '9999') || byTitle(a, b),
  };
  articles.sort(sorters[q.sort ?? 'title']);
  return { articles, categories: pack.categories, facets };
}

const ref = (pack: Pack, id: string): LinkRef => ({ id, title: pack.articles.get(id)?.summary.title ?? id });

/** Rendered articles, keyed by id; a pack of thousands is not rendered up front. */
const renderCache = new WeakMap<Pack, Map<string, Promise<{ html: string; toc: Article['toc'] }>>>();

/** Rendered in the markdown pool, within its time limit; past it (or unparsable) as plain text with a warning. */
function rendered(pack: Pack, id: string, source: MarkdownSource) {
  let cache = renderCache.get(pack);
  if (!cache) renderCache.set(pack, (cache = new Map()));
  let r = cache.get(id);
  if (!r) {
    r = source.plainText
      ? Promise.resolve(plainTextHtml(source.body))
      : markdownPool().run({ kind: 'render', body: source.body, rel: source.rel, table: pack.links.table }).then((o) => (o.ok ? o.value : plainTextHtml(source.body)));
    cache.set(id, r);
  }
  return r;
}

export async function getArticle(pack: Pack, id: string, view: SummaryView = asLoaded): Promise<Article> {
  const a = pack.articles.get(id);
  if (!a) throw notFound(`article "${id}"`);
  const { html, toc } = await rendered(pack, id, a.source);
  const backlinks = (pack.links.backlinks.get(id) ?? []).map((b) => ref(pack, b));
  return { ...view(a), html, toc, backlinks, related: related(pack, id, new Set([id, ...backlinks.map((b) => b.id)])), hash: a.source.hash };
}

/** Articles sharing the most tags, then roles, with this one; linked articles are left to the backlinks. */
function related(pack: Pack, id: string, exclude: Set<string>): LinkRef[] {
  const me = pack.articles.get(id)!.summary;
  const scored: Array<[number, string]> = [];
  for (const [other, a] of pack.articles) {
    if (exclude.has(other) || a.summary.status === 'archived') continue;
    const s = 2 * a.summary.tags.filter((t) => me.tags.includes(t)).length + a.summary.roles.filter((r) => me.roles.includes(r)).length + (a.summary.category === me.category ? 1 : 0);
    if (s > 1) scored.push([s, other]);
  }
  return scored.sort((x, y) => y[0] - x[0] || x[1].localeCompare(y[1])).slice(0, 5).map(([, o]) => ref(pack, o));
}

export async function getRole(pack: Pack, id: string): Promise<Role> {
  const r = pack.roles.get(id);
  if (!r) throw notFound(`role "${id}"`);
  const { html, toc } = await rendered(pack, 'role:' + id, r.source);
  return { ...r.summary, html, toc };
}
