import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { SearchEngine, tokenize, type SearchDoc } from '../../../../electron/core/search/index';

/*
 * The index scores BM25 exactly as lunr defines it. Checked against a real lunr index built through
 * lunr's public builder with the same terms, field boosts and (empty) pinyin field, for documents
 * that hold every query word (coverage 1) and neither the phrase nor a query word in their title
 * (no phrase or title boost).
 */
const words = ['refund', 'order', 'parcel', 'courier', 'invoice', 'stock', 'return', 'label', 'customer', 'warehouse', 'damaged', 'carton'];
function doc(i: number): SearchDoc {
  const pick = (k: number) => words[(i * 7 + k * 5) % words.length]!;
  const body = Array.from({ length: 8 + (i % 9) }, (_, k) => pick(k)).join(' ') + (i % 3 === 0 ? ' refund then order' : '');
  return { id: `d${i}`, kind: 'article', title: `Note ${i} about ${pick(3)}`, headings: [`Part ${pick(4)}`], body, tags: [], roles: [], category: '', platforms: [], hash: `h${i}` };
}
const docs = Array.from({ length: 60 }, (_, i) => doc(i));

const idx = lunr(function () {
  this.pipeline.reset();
  this.searchPipeline.reset();
  this.tokenizer = ((obj: unknown) => (obj == null ? [] : tokenize(String(obj)).map((t) => new lunr.Token(t, {})))) as typeof lunr.tokenizer;
  this.ref('id');
  this.field('title', { boost: 5 });
  this.field('headings', { boost: 2 });
  this.field('body');
  this.field('pinyin', { boost: 2.5 });
  for (const d of docs) this.add({ id: d.id, title: d.title, headings: d.headings.join('\n'), body: d.body, pinyin: '' });
});
const engine = SearchEngine.build(docs);

describe('BM25 as lunr defines it', () => {
  for (const query of ['parcel invoice', 'stock label carton', 'courier damaged']) {
    it(`“${query}” scores as lunr does`, () => {
      const words = query.split(' ');
      const terms = tokenize(query); // stemmed as the index stores them
      const lunrScores = new Map(idx.query((q) => terms.forEach((t) => q.term(t, { usePipeline: false }))).map((r) => [r.ref, r.score]));
      const hits = engine.search({ query: query + ' ', limit: 100 }).hits;
      const comparable = hits.filter((h) => {
        const d = docs.find((x) => x.id === h.id)!;
        const text = `${d.title}\n${d.headings.join('\n')}\n${d.body}`;
        return words.every((w) => text.includes(w)) && !words.some((w) => d.title.includes(w)) && !text.includes(query);
      });
      expect(comparable.length).toBeGreaterThan(3);
      for (const h of comparable) expect(h.score).toBeCloseTo(lunrScores.get(h.id)!, 3);
    });
  }
});
