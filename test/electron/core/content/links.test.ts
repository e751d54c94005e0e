import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Pack } from '../../../../electron/core/content/pack.js';
import { loadPack } from '../../../../electron/core/index.js';
import { getArticle, getRole } from '../../../../electron/core/library/articles.js';

const ROOT = path.resolve('test/fixtures/packs/linked');
let pack: Pack;
beforeAll(async () => { pack = await loadPack(ROOT); });

const problemsOf = (rel: string) => pack.problems.filter((p) => p.path === rel).map((p) => ({ line: p.line, code: p.code, message: p.message }));

describe('pack structure', () => {
  it('takes the title from front matter, then the first # heading, then the file name', async () => {
    expect(pack.articles.get('cs/presales')!.summary.title).toBe('售前回复');
    expect(pack.articles.get('ops/listing')!.summary.title).toBe('上架流程');
    expect(pack.articles.get('readme')!.summary.title).toBe('readme');
  });

  it('derives categories from folders, named by the manifest', async () => {
    expect(pack.articles.get('cs/refunds/policy')!.summary.category).toBe('cs/refunds');
    expect(pack.articles.get('readme')!.summary.category).toBe('');
    expect(pack.categories).toEqual([
      { id: 'cs', name: '客服', nameEn: 'Customer service', count: 2 },
      { id: 'cs/refunds', name: '退款', nameEn: 'Refunds', count: 1 },
      { id: 'ops', name: 'ops', nameEn: 'ops', count: 1 },
    ]);
  });

  it('computes needsReview from reviewed + review_every', async () => {
    expect(pack.articles.get('cs/refunds/policy')!.summary).toMatchObject({ reviewed: '2020-01-01', reviewDue: '2020-03-31', needsReview: true });
    expect(pack.articles.get('cs/presales')!.summary).toMatchObject({ reviewDue: '2100-01-01', needsReview: false, status: 'draft' });
    expect(pack.articles.get('ops/listing')!.summary).toMatchObject({ reviewed: null, reviewDue: null, needsReview: false });
  });
});

describe('links', () => {
  it('resolves relative .md links and [[id]] / [[title]] wiki links to article ids, case-insensitively', async () => {
    expect(pack.links.outgoing.get('cs/refunds/policy')!.sort()).toEqual(['cs/presales', 'ops/listing']);
    expect(pack.links.outgoing.get('cs/presales')!.sort()).toEqual(['cs/refunds/policy', 'ops/listing']);
  });

  it('collects backlinks', async () => {
    const a = await getArticle(pack, 'ops/listing');
    expect(a.backlinks.map((b) => b.id).sort()).toEqual(['cs/presales', 'cs/refunds/policy']);
    expect(a.backlinks.find((b) => b.id === 'cs/presales')!.title).toBe('售前回复');
    expect((await getArticle(pack, 'readme')).backlinks).toEqual([]);
  });

  it('reports broken links, wiki links, anchors and images with their lines', async () => {
    expect(problemsOf('articles/cs/presales.md')).toEqual([
      { line: 15, code: 'broken-link', message: expect.stringMatching(/missing\.md.*no such article/) },
      { line: 15, code: 'broken-link', message: expect.stringMatching(/broken wiki link.*不存在的文章/) },
      { line: 17, code: 'broken-link', message: expect.stringMatching(/no such section/) },
      { line: 21, code: 'broken-link', message: expect.stringMatching(/scheme not allowed/) },
      { line: 23, code: 'broken-link', message: expect.stringMatching(/missing\.md/) },
      { line: 19, code: 'missing-image', message: expect.stringMatching(/nope\.png: file not found/) },
      { line: 19, code: 'bad-image', message: expect.stringMatching(/passwd\.png: outside the pack/) },
      { line: 19, code: 'bad-image', message: expect.stringMatching(/x\.png: only images inside the pack/) },
    ]);
    expect(problemsOf('articles/cs/refunds/policy.md')).toEqual([]);
    expect(problemsOf('roles/customer-service.md')).toEqual([]);
  });

  it('reports the second occurrence of the same broken link at its own line', async () => {
    const lines = pack.problems.filter((p) => p.path === 'articles/cs/presales.md' && /missing\.md/.test(p.message)).map((p) => p.line);
    expect(lines).toEqual([15, 23]);
  });
});

describe('rendering', () => {
  const html = async () => (await getArticle(pack, 'cs/refunds/policy')).html;

  it('makes article links in-app links and role links role routes', async () => {
    expect(await html()).toContain('href="#/article/cs/presales?section=%E5%9B%9E%E5%A4%8D%E6%97%B6%E6%95%88" data-article="cs/presales"');
    expect(await html()).toContain('href="#/article/ops/listing" data-article="ops/listing"');
    expect(await html()).toContain('href="#/roles/customer-service"');
    expect((await getRole(pack, 'customer-service')).html).toContain('href="#/article/cs/refunds/policy"');
  });

  it('opens external links in a new window and serves attachments and images through pack-file/', async () => {
    expect(await html()).toMatch(/<a href="https:\/\/example\.com\/help" data-external="true" rel="noopener noreferrer" target="_blank">/);
    expect(await html()).toContain('href="pack-file/assets/form.csv"');
    expect(await html()).toContain('<img src="pack-file/assets/flow.png" alt="流程图"');
  });

  it('shows missing images and broken links as marked text, never as a request', async () => {
    const a = (await getArticle(pack, 'cs/presales')).html;
    expect(a).not.toContain('<img');
    expect(a).not.toContain('passwd');
    expect(a).toContain('class="missing-image"');
    expect(a).toContain('<span class="broken-link"');
    expect(a).not.toMatch(/(href|src)="javascript:/);
  });

  it('renders GFM tables, task lists and code', async () => {
    expect(await html()).toMatch(/<table>[\s\S]*<th>类型<\/th>[\s\S]*<td>24 小时<\/td>/);
    expect(await html()).toMatch(/<input checked="" disabled="" type="checkbox"> ?已核实订单/);
    expect(await html()).toMatch(/<input disabled="" type="checkbox"> ?已通知仓库/);
    expect(await html()).toContain('<pre><code class="language-js">console.log(&#39;退款&#39;);');
  });

  it('gives headings anchors and a table of contents, without repeating the title', async () => {
    const a = await getArticle(pack, 'cs/refunds/policy');
    expect(a.html).not.toContain('<h1');
    expect(a.html).toContain('<h2 id="1-时效">1. 时效</h2>');
    expect(a.toc).toEqual([{ depth: 2, text: '1. 时效', anchor: '1-时效' }, { depth: 2, text: '2. 例外', anchor: '2-例外' }]);
    expect(a.html).toContain('<a href="#" data-anchor="1-时效">返回顶部</a>');
  });

  it('turns > [!NOTE] / [!TIP] / [!WARNING] into callouts with a title slot', async () => {
    const h = await html();
    expect(h).toContain('<div class="callout callout-warning" data-callout="warning" role="note"><p class="callout-title"></p><p>大额退款需要主管审批。</p>');
    expect(h).toContain('<div class="callout callout-tip" data-callout="tip" role="note"><p class="callout-title callout-title-custom">小技巧</p><p>先查物流。</p>');
    expect(h).toContain('data-callout="note"');
    expect(h).toContain('<blockquote>\n<p>普通引用。</p>');
  });

  it('gives related articles by shared tags and roles, excluding backlinks', async () => {
    const a = await getArticle(pack, 'ops/listing');
    expect(a.related.map((r) => r.id)).not.toContain('cs/presales');
  });
});

describe('wiki link labels', () => {
  it('shows the target title for [[id]], the author label for [[id|label]], and the raw text when broken', async () => {
    const h = (await getArticle(pack, 'cs/presales')).html;
    expect(h).toContain('data-article="cs/refunds/policy">退款政策</a>');
    expect(h).toContain('data-article="ops/listing">上架流程</a>');
    expect(h).toMatch(/<span class="broken-link" title="[^"]*">不存在的文章<\/span>/);
    expect((await getArticle(pack, 'cs/refunds/policy')).html).toContain('data-article="ops/listing">上架流程</a>');
  });
});
