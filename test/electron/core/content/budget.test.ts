import { afterAll, describe, expect, it } from 'vitest';
import { getArticle } from '../../../../electron/core/library/articles';
import { loadPack } from '../../../../electron/core/index';
import { budgetFor, markdownPool } from '../../../../electron/core/content/markdownPool';
import { HOSTILE_MARKDOWN } from '../../../fixtures/hostile/markdown';
import { tempPack } from './tempPack';

afterAll(() => markdownPool().close());

describe('markdown budget: a hostile file cannot freeze loading', () => {
  it('runs in workers with the time limit (the test setup bundles the worker)', () => {
    expect(markdownPool().bounded).toBe(true);
    // Linear in the text: 3 s, plus 4 s per megabyte.
    expect(budgetFor('')).toBe(3000);
    expect(budgetFor('x'.repeat(1_048_576))).toBe(7000);
  });

  it('loads a pack holding files marked needs minutes for, naming each and why, and shows them as plain text', async () => {
    const root = tempPack({
      'articles/stars.md': HOSTILE_MARKDOWN.stars(),
      'articles/refs.md': HOSTILE_MARKDOWN.refLinks(),
      'articles/callouts.md': HOSTILE_MARKDOWN.callouts(),
      'articles/ok.md': '# 正常\n\n[[stars]]\n',
    });
    const pack = await loadPack(root);
    const slow = pack.problems.filter((p) => p.code === 'too-slow');
    expect(slow.map((p) => p.path).sort()).toEqual(['articles/refs.md', 'articles/stars.md']);
    for (const p of slow) expect(p.message).toMatch(/^markdown too slow to parse \(took longer than the \d+\.\d s allowed for its length\); shown as plain text/);
    // Still an article with its title, searchable as text, linked from the others.
    expect(pack.articles.get('stars')!.summary.title).toBe('星号');
    expect(pack.articles.get('stars')!.source.analysis.text.length).toBeGreaterThan(100_000);
    expect(pack.links.backlinks.get('stars')).toEqual(['ok']);
    const stars = await getArticle(pack, 'stars');
    expect(stars.html).toContain('data-callout="plain-text"');
    expect(stars.html).toContain('<pre class="plain-text"><code># 星号');
    // Our own callout code is linear now: 50,000 callouts render as callouts, within the limit.
    const callouts = await getArticle(pack, 'callouts');
    expect(callouts.html).toContain('data-callout="note"');
    expect(callouts.html).not.toContain('data-callout="plain-text"');
    expect((await getArticle(pack, 'ok')).html).toContain('data-article="stars"');
  }, 60_000);
});
