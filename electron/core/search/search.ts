import type { DocTable } from './docs.js';
import { pinyinHighlights, titlePinyinTerms } from './pinyin.js';
import type { Filter, SearchContext } from './context.js';
import { phraseTest, planQuery, type Plan } from './plan.js';
import { KINDS, PINYIN_FIELDS } from './schema.js';
import { clauseWeight, lunrIdf, matchedTerms, phaseA } from './scorer.js';
import { headSnippet, highlightAll, makeSnippet, mergeRanges, TermMatcher, type Range } from './snippet.js';
import { suggest } from './suggest.js';
import type { Facets, SearchHit, SearchQuery, SearchResult } from './types.js';


const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 1000;
/** how many of the best-scored documents are checked for the exact phrase */
const PHRASE_CHECKS = 100;
/** the whole query found as written multiplies the score by 1 + 10 (title: 1 + 20); on the dev set a weaker boost
 * (1 + 1) loses keyword top-1 from 0.997 to 0.964, stronger changes nothing */
const PHRASE_WEIGHT = 10;
/** the question's trigrams found as written multiply the score by up to 1 + 1; on the dev set questions'
 * MRR@10 goes 0.9897 → 0.9902 (top-1 0.984 → 0.985), keywords unchanged; 2 gains nothing */
const PROXIMITY_WEIGHT = 1;
/** how much a title holding all the query words multiplies the score (×3), or half of them (×2) */
const TITLE_WEIGHT = 2;
/** A title holding a synonym of a query word counts this much of a title holding the word itself. */
const SYNONYM_TITLE_CREDIT = 0.8;


/** the chosen filters, one test per facet kind (roles, tags, categories, platforms) plus the kind of document */
interface Filters {
  /** index = facet kind as in DocTable.facetValues; null where nothing is chosen */
  byFacet: Array<Filter | null>;
  kind: Filter | null;
  all: Filter | null;
}

function makeFilters(table: DocTable, q: SearchQuery): Filters {
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
  const role = str(q.role);
  const tag = str(q.tag);
  const category = str(q.category);
  const platform = str(q.platform);
  const kind = str(q.kind);
  const byFacet: Array<Filter | null> = [
    role ? (d) => table.roles[d]!.includes(role) : null,
    tag ? (d) => table.tags[d]!.includes(tag) : null,
    category !== undefined ? (d) => table.categories[d] === category : null,
    platform ? (d) => table.platforms[d]!.includes(platform) : null,
  ];
  const kindTest: Filter | null = kind ? (d) => KINDS[table.kinds[d]!] === kind : null;
  const tests = [...byFacet, kindTest].filter((t): t is Filter => t !== null);
  return { byFacet, kind: kindTest, all: tests.length ? (d) => tests.every((t) => t(d)) : null };
}

/**
 * Facet counts among the matches, each kind counted under the other chosen filters (choosing a
 * tag narrows the role counts, and the tag list still offers the other tags).
 */
function facetsOf(table: DocTable, docs: ArrayLike<number>, filters: Filters): Facets {
  let counts = new Int32Array(Math.max(64, table.facetValues.length));
  const { byFacet, kind } = filters;
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i]!;
    if (kind && !kind(d)) continue;
    // which filters this document fails: it counts for a kind only if it passes all the others
    let failed = -1;
    let fails = 0;
    for (let k = 0; k < byFacet.length; k++) {
      if (byFacet[k] && !byFacet[k]!(d)) {
        failed = k;
        fails++;
      }
    }
    if (fails > 1) continue;
    const codes = table.facets(d);
    for (let j = 0; j < codes.length; j++) {
      const c = codes[j]!;
      if (fails === 1 && table.facetValues[c]![0] !== failed) continue;
      if (c >= counts.length) {
        const bigger = new Int32Array(c * 2);
        bigger.set(counts);
        counts = bigger;
      }
      counts[c]!++;
    }
  }
  const out: Facets = { roles: {}, tags: {}, categories: {}, platforms: {} };
  const dest = [out.roles, out.tags, out.categories, out.platforms];
  for (let c = 0; c < counts.length && c < table.facetValues.length; c++) {
    if (counts[c]) {
      const [k, value] = table.facetValues[c]!;
      dest[k]![value] = counts[c]!;
    }
  }
  return out;
}

/** top k of docs by key, descending, ties by document number (stable across runs); a bounded heap, O(n log k) */
function topK(docs: number[], key: (d: number) => number, k: number): number[] {
  if (k <= 0) return [];
  if (docs.length <= k) return docs.sort((a, b) => key(b) - key(a) || a - b);
  // min-heap on (key, -doc): the root is the worst of the best k
  const hd: number[] = [];
  const hk: number[] = [];
  const worse = (i: number, j: number): boolean => hk[i]! < hk[j]! || (hk[i] === hk[j] && hd[i]! > hd[j]!);
  const swap = (i: number, j: number): void => {
    [hd[i], hd[j]] = [hd[j]!, hd[i]!];
    [hk[i], hk[j]] = [hk[j]!, hk[i]!];
  };
  const down = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < hd.length && worse(l, m)) m = l;
      if (r < hd.length && worse(r, m)) m = r;
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };
  for (const d of docs) {
    const kd = key(d);
    if (hd.length < k) {
      hd.push(d);
      hk.push(kd);
      for (let i = hd.length - 1; i > 0; ) {
        const p = (i - 1) >> 1;
        if (!worse(i, p)) break;
        swap(i, p);
        i = p;
      }
    } else if (kd > hk[0]! || (kd === hk[0] && d < hd[0]!)) {
      hd[0] = d;
      hk[0] = kd;
      down(0);
    }
  }
  return hd.sort((a, b) => key(b) - key(a) || a - b);
}

function clampInt(v: unknown, def: number, max: number): number {
  const n = typeof v === 'number' && Number.isFinite(v) ? Math.floor(v) : def;
  return Math.max(0, Math.min(max, n));
}

function emptyFacets(): Facets {
  return { roles: {}, tags: {}, categories: {}, platforms: {} };
}

function browse(ctx: SearchContext, filters: Filters, limit: number, offset: number, t0: number): SearchResult {
  const { table } = ctx;
  const all: number[] = [];
  for (let d = 0; d < table.n; d++) if (table.alive[d]) all.push(d);
  const facets = facetsOf(table, all, filters);
  const filter = filters.all!;
  const docs = all.filter(filter);
  docs.sort((a, b) => (table.titles[a]! < table.titles[b]! ? -1 : table.titles[a]! > table.titles[b]! ? 1 : a - b));
  const hits = docs.slice(offset, offset + limit).map(
    (d): SearchHit => ({
      id: table.ids[d]!,
      kind: KINDS[table.kinds[d]!]!,
      title: table.titles[d]!,
      score: 0,
      snippet: headSnippet(table.body(d)),
      highlights: [],
      titleHighlights: [],
    }),
  );
  return { total: docs.length, hits, facets, suggestions: [], ms: performance.now() - t0 };
}

/** exact phrase tier: 2 in the title, 1 in headings or body, 0 none */
function phraseTiers(ctx: SearchContext, plan: Plan, cands: number[]): Map<number, number> {
  const tiers = new Map<number, number>();
  const re = plan.phrase;
  if (!re) return tiers;
  const { table } = ctx;
  for (const d of cands) {
    if (phraseTest(re, table.titles[d]!)) tiers.set(d, 2);
    else if (phraseTest(re, table.heading(d)) || phraseTest(re, table.body(d))) tiers.set(d, 1);
  }
  return tiers;
}

/**
 * Proximity: the share of the query's CJK trigrams (two adjacent bigrams, weighted by the rarer
 * one's idf) that a document holds as written. Bigrams alone cannot tell 对不上 from 对不 … 不上
 * far apart; a trigram found in the text says the words stand together as in the question.
 */
function proximityShares(ctx: SearchContext, plan: Plan, cands: number[]): Map<number, number> {
  const shares = new Map<number, number>();
  const grams: Array<{ text: string; w: number }> = [];
  const N = Math.max(ctx.table.nAlive, 1);
  const t = plan.tokens;
  for (let i = 0; i + 1 < t.length; i++) {
    const a = t[i]!;
    const b = t[i + 1]!;
    if (!a.cjk || !b.cjk || a.term.length !== 2 || b.term.length !== 2 || b.start >= a.end) continue;
    const w = Math.min(lunrIdf(ctx.view.resolve(a.term, a.key).df, N), lunrIdf(ctx.view.resolve(b.term, b.key).df, N));
    grams.push({ text: a.term + b.term[1], w });
  }
  if (grams.length < 2) return shares; // one trigram is the whole query: the phrase already says it
  const total = grams.reduce((x, g) => x + g.w, 0) || 1;
  const { table } = ctx;
  for (const d of cands) {
    const title = table.titles[d]!;
    const body = table.body(d);
    const heading = table.heading(d);
    let w = 0;
    for (const g of grams) if (body.includes(g.text) || title.includes(g.text) || heading.includes(g.text)) w += g.w;
    if (w) shares.set(d, w / total);
  }
  return shares;
}

/**
 * Share of the query's own words that the title contains: a document titled with what was asked
 * for is what people mean, even when a long body mentions the words more often.
 */
function titleShares(ctx: SearchContext, plan: Plan, cands: number[]): Map<number, number> {
  const shares = new Map<number, number>();
  // Per clause, weighted by its idf (a title saying 怎么 answers little): the words as typed, then their synonyms (a title saying 退款 answers 退钱, a little
  // less surely), and typed pinyin read against the title's own pinyin (kefu → 客服 in the title,
  // not only in a heading or tag). A multi-term word is in the title when all its terms are.
  const N = Math.max(ctx.table.nAlive, 1);
  const clauses = plan.clauses.map((c) => ({
    w: clauseWeight(c, N),
    own: plan.tokens.slice(c.from, c.to).map((t) => t.term),
    others: c.alts.filter((alt) => alt.fields !== PINYIN_FIELDS).map((alt) => alt.terms.map((t) => t.term)),
    // full syllables only: initials (kf) also read across word edges (仓库发货 → 库发 → kf)
    pinyin: c.alts.filter((alt) => alt.fields === PINYIN_FIELDS && alt.terms.every((t) => t.term.length > 2)).map((alt) => alt.terms.map((t) => t.term)),
  }));
  if (clauses.length === 0) return shares;
  const anyPinyin = clauses.some((c) => c.pinyin.length > 0);
  const total = clauses.reduce((x, c) => x + c.w, 0) || 1;
  const has = (title: string, terms: string[]) => terms.length > 0 && terms.every((t) => title.includes(t));
  for (const d of cands) {
    const title = ctx.table.titles[d]!.toLowerCase();
    const readings = anyPinyin ? new Set(titlePinyinTerms(title)) : null;
    const read = (terms: string[]) => terms.length > 0 && terms.every((t) => readings!.has(t));
    let hit = 0;
    for (const c of clauses) {
      if (has(title, c.own)) hit += c.w;
      else if (c.others.some((terms) => has(title, terms))) hit += SYNONYM_TITLE_CREDIT * c.w;
      else if (readings && c.pinyin.some(read)) hit += SYNONYM_TITLE_CREDIT * c.w;
    }
    if (hit) shares.set(d, hit / total);
  }
  return shares;
}

function buildHit(ctx: SearchContext, plan: Plan, d: number, score: number, matched: Map<string, string[]>): SearchHit {
  const { table } = ctx;
  const textTerms: string[] = [];
  const pinyinTerms = new Set<string>();
  for (const [term, fields] of matched) {
    if (fields.includes('pinyin')) pinyinTerms.add(term);
    if (fields.some((f) => f !== 'pinyin')) textTerms.push(term);
  }
  const matcher = new TermMatcher(textTerms);
  const title = table.titles[d]!;
  const titleHighlights: Range[] = mergeRanges([...highlightAll(title, matcher, plan.phrase), ...pinyinHighlights(title, pinyinTerms)]);
  const snip = makeSnippet(table.body(d), matcher, plan.phrase) ?? makeSnippet(table.heading(d).replace(/\n/g, ' · '), matcher, plan.phrase);
  return {
    id: table.ids[d]!,
    kind: KINDS[table.kinds[d]!]!,
    title,
    score: Math.round(score * 1e4) / 1e4,
    snippet: snip?.snippet ?? headSnippet(table.body(d)),
    highlights: snip?.highlights ?? [],
    titleHighlights,
  };
}

/** ids of every matching document (filters applied), best first, without building hits */
export function executeMatchIds(ctx: SearchContext, q: SearchQuery): string[] {
  const plan = planQuery(ctx.view, typeof q?.query === 'string' ? q.query : '');
  if (plan.clauses.length === 0) return [];
  const filter = makeFilters(ctx.table, q).all;
  const a = phaseA(ctx, plan, ctx.scratch);
  const docs = [...a.matched].filter((d) => !filter || filter(d));
  docs.sort((x, y) => a.score[y]! - a.score[x]! || x - y);
  return docs.map((d) => ctx.table.ids[d]!);
}

export function executeSearch(ctx: SearchContext, q: SearchQuery): SearchResult {
  const t0 = performance.now();
  const query = typeof q?.query === 'string' ? q.query : '';
  const limit = clampInt(q?.limit, DEFAULT_LIMIT, MAX_LIMIT);
  const offset = clampInt(q?.offset, 0, 1e9);
  const filters = makeFilters(ctx.table, q ?? ({} as SearchQuery));
  const filter = filters.all;
  const plan = planQuery(ctx.view, query);

  if (plan.tokens.length === 0) {
    if (filter) return browse(ctx, filters, limit, offset, t0);
    return { total: 0, hits: [], facets: emptyFacets(), suggestions: [], ms: performance.now() - t0 };
  }
  const none = (): SearchResult => ({
    total: 0,
    hits: [],
    facets: emptyFacets(),
    suggestions: suggest(ctx, query, filter),
    ms: performance.now() - t0,
  });
  if (plan.clauses.length === 0) return none();

  const a = phaseA(ctx, plan, ctx.scratch);
  const facets = facetsOf(ctx.table, a.matched, filters);
  const docs: number[] = [];
  for (const d of a.matched) if (!filter || filter(d)) docs.push(d);
  if (docs.length === 0) return { ...none(), facets };

  // Phrase and title only ever multiply a score by ≥ 1, and only the best-scored documents are
  // checked for them, so a page within those candidates is exactly the top of the whole ranking.
  const cands = topK(docs, (d) => a.score[d]!, Math.max(PHRASE_CHECKS, offset + limit));
  const tiers = phraseTiers(ctx, plan, cands.length > PHRASE_CHECKS ? cands.slice(0, PHRASE_CHECKS) : cands);
  const titles = titleShares(ctx, plan, cands.length > PHRASE_CHECKS ? cands.slice(0, PHRASE_CHECKS) : cands);
  const near = proximityShares(ctx, plan, cands.length > PHRASE_CHECKS ? cands.slice(0, PHRASE_CHECKS) : cands);
  const keys = new Map<number, number>();
  for (const d of cands) keys.set(d, a.score[d]! * (1 + TITLE_WEIGHT * (titles.get(d) ?? 0)) * (1 + PHRASE_WEIGHT * (tiers.get(d) ?? 0)) * (1 + PROXIMITY_WEIGHT * (near.get(d) ?? 0)));
  const key = (d: number): number => keys.get(d)!;
  const page = cands.sort((x, y) => key(y) - key(x) || x - y).slice(offset, offset + limit);

  const hits = page.map((d) => buildHit(ctx, plan, d, key(d), matchedTerms(ctx, a, d)));
  return { total: docs.length, hits, facets, suggestions: [], ms: performance.now() - t0 };
}

