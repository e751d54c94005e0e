import fc from 'fast-check';
import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { analyzeMarkdown, renderMarkdown } from '../../electron/core/content/markdown';

/**
 * A fuzzer that measures time, not only crashes: random motifs of markdown syntax are repeated to
 * a small and an eight times larger body, and our analysis and rendering are timed against marked
 * alone on the same text. Where marked itself is super-linear, the markdown pool's time limit takes
 * over (test/electron/core/content/budget.test.ts); what must not happen is our code adding a cost
 * that grows with the text, as the wiki-link start hook and marked's walkTokens did (quadratic on
 * one long paragraph) and the callout renderer did (quadratic on a run of callouts).
 */
const ctx = {
  resolveLink: (href: string) => ({ kind: 'external' as const, href }),
  resolveWiki: () => ({ kind: 'broken' as const, reason: 'x' }),
  imageUrl: () => null,
};
const plainMarked = new Marked({ gfm: true });
const piece = fc.constantFrom('*a', '_b', '**', '[', ']', '[[', ']]', '[x](y.md)', '[r]', '[r]: /u\n', '![i](p.png)', '`', '~~', '> ', '> [!NOTE]\n', '> [!TIP] t\n', '- ', '1. ', '# h\n', '\n', '\n\n', '|a|b|\n|-|-|\n', '<b>', '</b>', '&amp;', '\\', '退款', ' ', 'http://x.y ', '  \n');
const motif = fc.array(piece, { minLength: 1, maxLength: 6 }).map((a) => a.join(''));

function best(f: () => void, runs = 2): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

const repeatTo = (m: string, chars: number) => m.repeat(Math.max(1, Math.ceil(chars / m.length)));

const ours = (body: string) => best(() => { analyzeMarkdown(body); renderMarkdown(body, ctx); });
const theirs = (body: string) => best(() => plainMarked.parse(body));

/**
 * How much faster our time grows than marked's from 8 KB to 64 KB of the motif: about 1 when our
 * code is linear on top of marked, about 8 when it adds a quadratic cost. Large enough sizes that
 * fixed costs (a Marked instance per render) do not count; measured twice before anything is blamed.
 */
function growth(m: string): number {
  const small = repeatTo(m, 8_000);
  const large = repeatTo(m, 64_000);
  const once = () => ((ours(large) + 1) / (ours(small) + 1)) / ((theirs(large) + 1) / (theirs(small) + 1));
  const g = once();
  return g < 3 ? g : Math.min(g, once());
}

/**
 * The run is time-boxed: the motifs that were quadratic come first and take the first seconds, so
 * CI's 15 s check them and a few random motifs; `MARKDOWN_FUZZ_SECONDS=120` explores further.
 */
const SECONDS = Number(process.env.MARKDOWN_FUZZ_SECONDS ?? 15);

describe('fuzz: our markdown code stays linear on top of marked', () => {
  it('our analysis and rendering grow with the text as marked does', () => {
    const found: string[] = [];
    let measured = 0;
    fc.assert(fc.property(motif, (m) => {
      if (theirs(repeatTo(m, 8_000)) > 60) return; // marked alone is super-linear here: the pool's limit handles it
      if (ours(repeatTo(m, 64_000)) < 20) return; // too quick to tell growth from timer noise
      measured++;
      const g = growth(m);
      if (g >= 3) found.push(`${JSON.stringify(m)}: our time grows ${g.toFixed(1)}× faster than marked's from 8 to 64 KB`);
      expect(found).toEqual([]);
    }), {
      numRuns: 40, seed: 14, interruptAfterTimeLimit: SECONDS * 1000, markInterruptAsFailure: false,
      // Always tried first, the motifs that were quadratic in our code: `[!x] ` (the wiki-link start
      // hook scanned the whole paragraph per text token), `c` in backticks (marked's walkTokens
      // concatenated arrays per token), callouts (both).
      examples: [['[!x] '], ['`c` '], ['> [!NOTE]\n']],
    });
    // Both guards above skip a motif, and the time limit ends the run without failing: a run that
    // measured nothing would pass having checked nothing.
    expect(measured).toBeGreaterThan(0);
  }, SECONDS * 1000 + 60_000);
});
