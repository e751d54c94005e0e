import { describe, expect, it } from 'vitest';
import { SearchEngine, type SearchDoc } from '../../../../electron/core/search/index.js';
import { docs, hashOf, synonyms } from '../../../fixtures/search/pack.js';

const engine = SearchEngine.build(docs, { synonyms });
const ids = (query: string, extra: object = {}) => engine.search({ query, ...extra }).hits.map((h) => h.id);

describe('ranking', () => {
  it('a natural-language question finds the right SOP first', () => {
    expect(ids('顾客收到货以后想退款应该怎么处理')[0]).toBe('customer-service/returns-refunds');
    expect(ids('仓库盘点有差异怎么办')[0]).toBe('warehouse/inventory-count');
    expect(ids('直播结束以后要统计哪些数据')[0]).toBe('marketing/live-streaming');
  });

  it('title outweighs body', () => {
    // policies/refund-risk repeats 退款 in its body; the title match still wins
    const r = ids('退款');
    expect(r[0]).toBe('customer-service/returns-refunds');
    expect(r).toContain('policies/refund-risk');
  });

  it('exact phrase ranks first', () => {
    // claims-overview has both words in its title, but only freight-insurance has "运费险理赔" contiguous
    expect(ids('运费险理赔')[0]).toBe('operations/freight-insurance');
    expect(ids('险理赔')[0]).toBe('operations/freight-insurance');
    // phrase in the body beats scattered words in the title
    const r = engine.search({ query: '拒赔 申诉' });
    expect(r.hits[0]!.id).toBe('operations/claims-overview');
  });

  it('short keyword queries favour documents with all terms', () => {
    const r = ids('售后 投诉');
    expect(r[0]).toBe('customer-service/bad-reviews');
  });

  it('mixed Chinese/English queries work', () => {
    expect(ids('Amazon 标题 keywords')[0]).toBe('operations/amazon-listing');
    expect(ids('amazon白底图')[0]).toBe('design/main-image');
  });

  it('tolerates typos in Latin words', () => {
    expect(ids('retrun polcy')[0]).toBe('cross-border/return-policy');
    expect(ids('refnds')[0]).toBe('cross-border/return-policy');
    expect(ids('keywrods')[0]).toBe('operations/amazon-listing');
  });

  it('expands synonyms both ways', () => {
    expect(ids('退钱')[0]).toBe('customer-service/returns-refunds');
    expect(ids('GMV')).toContain('operations/gmv-daily-report');
    expect(ids('gmv 日报')[0]).toBe('operations/gmv-daily-report');
    expect(ids('负面评价')[0]).toBe('customer-service/bad-reviews');
  });

  it('pinyin and initials find titles', () => {
    for (const q of ['kefu', 'kf', 'KeFu']) {
      const r = engine.search({ query: q });
      expect(r.hits.length).toBeGreaterThan(0);
      // initials are ambiguous (仓库发货 reads 库发 → kf too): only full pinyin must fill the top three
      for (const h of r.hits.slice(0, q === 'kf' ? 1 : 3)) expect(h.title).toContain('客服');
      expect(r.hits[0]!.titleHighlights.length).toBeGreaterThan(0);
    }
    expect(ids('kfjx')[0]).toBe('customer-service/kpi'); // 客服绩效
    expect(ids('zhibo')[0]).toBe('marketing/live-streaming');
  });

  it('prefix of the last word while typing', () => {
    expect(ids('amaz')[0]).toBe('operations/amazon-listing');
  });

  it('single characters match inside words', () => {
    expect(ids('赔')).toEqual(expect.arrayContaining(['operations/freight-insurance', 'operations/claims-overview']));
  });

  it('scores are monotone with rank', () => {
    const r = engine.search({ query: '退款 流程' });
    for (let i = 1; i < r.hits.length; i++) expect(r.hits[i - 1]!.score).toBeGreaterThanOrEqual(r.hits[i]!.score);
  });
});

describe('filters, facets, paging', () => {
  it('filters by role, tag, category, platform and kind', () => {
    expect(ids('客服', { kind: 'role' })).toEqual(['role:customer-service']);
    expect(ids('客服', { kind: 'track' })).toEqual(['track:customer-service']);
    const forOperations = ids('退款', { role: 'operations' });
    expect(forOperations.length).toBeGreaterThan(0);
    for (const id of forOperations) expect(docs.find((d) => d.id === id)!.roles).toContain('operations');
    expect(ids('标题', { platform: 'amazon' })).toEqual(['operations/amazon-listing']);
    expect(ids('售后', { tag: '评价' })).toEqual(['customer-service/bad-reviews']);
    const inCustomerService = ids('流程', { category: 'customer-service' });
    expect(inCustomerService.length).toBeGreaterThan(0);
    for (const id of inCustomerService) expect(id.startsWith('customer-service/')).toBe(true);
  });

  it('each facet counts the matches under the other chosen filters; total counts under all', () => {
    const all = engine.search({ query: '退款' });
    const byRole = engine.search({ query: '退款', role: 'operations' });
    // the role list still offers every role (its own filter does not narrow it) …
    expect(byRole.facets.roles).toEqual(all.facets.roles);
    expect(byRole.total).toBe(all.facets.roles['operations']);
    expect(all.facets.categories['customer-service']).toBeGreaterThan(0);
    expect(all.facets.platforms['taobao']).toBeGreaterThan(0);
    // … while the other lists count only documents of that role
    const inRole = (id: string) => docs.find((d) => d.id === id)!.roles.includes('operations');
    const matched = engine.search({ query: '退款', limit: 1000 }).hits.map((h) => h.id).filter(inRole);
    const tagCounts: Record<string, number> = {};
    for (const id of matched) for (const t of docs.find((d) => d.id === id)!.tags) tagCounts[t] = (tagCounts[t] ?? 0) + 1;
    expect(byRole.facets.tags).toEqual(tagCounts);
    expect(Object.values(byRole.facets.tags).reduce((a, b) => a + b, 0)).toBeLessThan(Object.values(all.facets.tags).reduce((a, b) => a + b, 0));
    // two filters: the role counts follow the tag, the tag counts follow the role
    const tag = Object.keys(byRole.facets.tags)[0]!;
    const both = engine.search({ query: '退款', role: 'operations', tag });
    expect(both.facets.tags).toEqual(byRole.facets.tags);
    expect(both.facets.roles).toEqual(engine.search({ query: '退款', tag }).facets.roles);
    expect(both.total).toBe(byRole.facets.tags[tag]);
  });

  it('limit and offset page through the same order', () => {
    const all = ids('的', { limit: 100 });
    expect(all.length).toBeGreaterThan(4);
    expect(ids('的', { limit: 2, offset: 2 })).toEqual(all.slice(2, 4));
  });

  it('an empty query with a filter browses', () => {
    const r = engine.search({ query: '', role: 'warehouse' });
    expect(r.hits.map((h) => h.id).sort()).toEqual(['warehouse/inventory-count', 'warehouse/shipping']);
  });
});

describe('snippets and highlights', () => {
  it('highlights the matched text in snippet and title', () => {
    const h = engine.search({ query: '七天无理由退货' }).hits[0]!;
    expect(h.id).toBe('customer-service/returns-refunds');
    const marked = h.highlights.map(([a, b]) => h.snippet.slice(a, b));
    expect(marked).toContain('七天无理由退货');
    expect(h.snippet.length).toBeLessThanOrEqual(125);
    const t = engine.search({ query: '退款' }).hits[0]!;
    expect(t.titleHighlights.map(([a, b]) => t.title.slice(a, b))).toEqual(['退款']);
  });

  it('highlights stemmed English words in their surface form', () => {
    const h = engine.search({ query: 'refund' }).hits.find((x) => x.id === 'cross-border/return-policy')!;
    expect(h.highlights.map(([a, b]) => h.snippet.slice(a, b).toLowerCase())).toContain('refunds');
  });
});

describe('suggestions and robustness', () => {
  it('suggests corrections and shorter queries when nothing matches', () => {
    // A word nothing contains does not empty the results; the part that exists still matches.
    const r = engine.search({ query: '退款 xyzzyq' });
    expect(r.total).toBeGreaterThan(0);
    expect(r.hits[0]!.title).toContain('退款');
    const none = engine.search({ query: 'xyzzyq qqzzxx' });
    expect(none.total).toBe(0);
    // Words are alternatives, so nothing matches only when no word is known: a typo beyond the
    // query's own edit distance is then offered corrected.
    const typo = engine.search({ query: 'amzoan qqzzxx' });
    expect(typo.total).toBe(0);
    expect(typo.suggestions).toContain('amazon');
    const r2 = engine.search({ query: '运费险理赔', tag: '话术' });
    expect(r2.total).toBe(0);
  });

  it('suggests a synonym when it is the only way to match', () => {
    const e = SearchEngine.build(docs.filter((d) => d.id === 'operations/gmv-daily-report'), {});
    const withSyn = SearchEngine.build(docs.filter((d) => d.id === 'operations/gmv-daily-report'), { synonyms });
    expect(e.search({ query: 'gmv' }).total).toBe(0);
    expect(withSyn.search({ query: 'gmv' }).total).toBe(1);
  });

  it('never throws on odd input', () => {
    const odd = ['', '   ', '，。！？、；：', '😀😀', '\uD800', '\uDC00退款', 'a'.repeat(10_000), '退'.repeat(10_000), '*:^~+-', '退款'.repeat(3000)];
    for (const query of odd) {
      const r = engine.search({ query, limit: 5 });
      expect(r.total).toBeGreaterThanOrEqual(0);
      expect(Array.isArray(r.hits)).toBe(true);
    }
    expect(engine.search({ query: '退款', limit: -5, offset: Number.NaN }).hits).toEqual([]);
    expect(engine.search(undefined as never).total).toBe(0);
  });

  it('a 10,000-character query stays fast', () => {
    const q = docs.map((d) => d.body).join('').slice(0, 10_000);
    const t = performance.now();
    engine.search({ query: q });
    expect(performance.now() - t).toBeLessThan(500);
  });
});

describe('incremental updates and serialisation', () => {
  const mk = (id: string, title: string, body: string): SearchDoc => ({
    id, kind: 'article', title, headings: [], body, tags: ['新'], roles: ['ops'], category: id.split('/')[0]!, platforms: [], hash: hashOf(title + body),
  });

  it('upsert makes an edited doc searchable immediately; remove hides it', () => {
    const e = SearchEngine.build(docs, { synonyms });
    expect(e.search({ query: '跨境独立站' }).hits.map((h) => h.id)).not.toContain('ops/new');
    e.upsert(mk('ops/new', '跨境独立站建站', '独立站需要备案和支付通道'));
    expect(e.search({ query: '跨境独立站' }).hits[0]!.id).toBe('ops/new');
    expect(e.size).toBe(docs.length + 1);
    // edit an existing base doc: old text is gone, new text found
    const old = docs.find((d) => d.id === 'warehouse/shipping')!;
    e.upsert({ ...old, body: '所有包裹改用顺丰冷链配送', hash: 'x' });
    expect(e.search({ query: '顺丰冷链' }).hits[0]!.id).toBe('warehouse/shipping');
    expect(e.search({ query: '揽收' }).total).toBe(0);
    expect(e.size).toBe(docs.length + 1);
    e.remove('ops/new');
    expect(e.search({ query: '跨境独立站' }).hits.map((h) => h.id)).not.toContain('ops/new');
    expect(e.size).toBe(docs.length);
  });

  it('serialize/load round trip gives identical results, including edits', () => {
    const e = SearchEngine.build(docs, { synonyms });
    e.upsert(mk('ops/new', '跨境独立站建站', '独立站需要备案和支付通道'));
    e.remove('design/main-image');
    const bytes = e.serialize();
    const l = SearchEngine.load(bytes, { synonyms });
    expect(l.size).toBe(e.size);
    for (const query of ['退款', '顾客收到货以后想退款应该怎么处理', 'kefu', 'retrun polcy', '跨境独立站', '主图', 'GMV', '赔']) {
      const a = e.search({ query, limit: 50 });
      const b = l.search({ query, limit: 50 });
      expect({ ...b, ms: 0 }).toEqual({ ...a, ms: 0 });
    }
    expect(SearchEngine.load(l.serialize(), { synonyms }).search({ query: '独立站' }).hits[0]!.id).toBe('ops/new');
  });

  it('load rejects damaged bytes', () => {
    const bytes = SearchEngine.build(docs).serialize();
    const bad = bytes.slice();
    bad[bad.length - 100]! ^= 0xff;
    expect(() => SearchEngine.load(bad)).toThrow(/cache/);
    expect(() => SearchEngine.load(bytes.slice(0, bytes.length - 8))).toThrow();
    expect(() => SearchEngine.load(new Uint8Array(3))).toThrow();
    expect(() => SearchEngine.load('not base64 at all')).toThrow();
  });

  it('an empty engine works', () => {
    const e = SearchEngine.build([]);
    expect(e.search({ query: '退款' }).total).toBe(0);
    expect(SearchEngine.load(e.serialize()).size).toBe(0);
  });
});
