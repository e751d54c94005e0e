import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SearchEngine } from '../../../../electron/core/search/index.js';
import { docs, synonyms } from '../../../fixtures/search/pack.js';

const engine = SearchEngine.build(docs, { synonyms });

/** maximal stretches of Chinese text (Han plus Chinese punctuation and spaces) in a doc's fields */
const RUN = /[\p{sc=Han}，。、；：！？“”‘’（）《》【】…—·～ ]+/gu;
const runs = docs.flatMap((d, i) =>
  [d.title, ...d.headings, d.body].flatMap((text) => [...text.matchAll(RUN)].map((m) => ({ doc: i, text: m[0] }))),
).filter((r) => (r.text.match(/\p{sc=Han}/gu) ?? []).length >= 2);

describe('recall (property)', () => {
  it('every Chinese substring of 2+ characters finds its document', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: runs.length - 1 }).chain((r) =>
          fc.tuple(fc.constant(r), fc.integer({ min: 0, max: runs[r]!.text.length - 1 }), fc.integer({ min: 2, max: 40 })),
        ),
        ([r, start, len]) => {
          const run = runs[r]!;
          const q = run.text.slice(start, start + len);
          fc.pre((q.match(/\p{sc=Han}/gu) ?? []).length >= 2);
          const res = engine.search({ query: q, limit: 1000 });
          expect(res.hits.map((h) => h.id)).toContain(docs[run.doc]!.id);
        },
      ),
      { numRuns: 800 },
    );
  });

  it('search never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.integer({ min: -5, max: 50 }), (query, limit) => {
        const r = engine.search({ query, limit });
        expect(r.hits.length).toBeLessThanOrEqual(Math.max(0, limit));
        for (const h of r.hits) for (const [a, b] of h.highlights) expect(0 <= a && a < b && b <= h.snippet.length).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
