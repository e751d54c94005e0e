import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../../../electron/core/index.js';
import { getArticle, listArticles } from '../../../../electron/core/library/articles.js';
import { tempPack } from '../content/tempPack.js';

const pack = await loadPack(path.resolve('test/fixtures/packs/linked'));
const ids = (q: Parameters<typeof listArticles>[1]) => listArticles(pack, q).articles.map((a) => a.id);

describe('listArticles', () => {
  it('filters by category (with sub-folders), role, tag, platform and status', async () => {
    expect(ids({ category: 'cs' }).sort()).toEqual(['cs/presales', 'cs/refunds/policy']);
    expect(ids({ category: 'cs/refunds' })).toEqual(['cs/refunds/policy']);
    expect(ids({ category: 'c' })).toEqual([]);
    expect(ids({ role: 'customer-service' }).sort()).toEqual(['cs/presales', 'cs/refunds/policy']);
    expect(ids({ tag: '售前' })).toEqual(['cs/presales']);
    expect(ids({ platform: '淘宝' })).toEqual(['cs/refunds/policy']);
    expect(ids({ status: 'draft' })).toEqual(['cs/presales']);
  });

  it('sorts by title (Chinese pinyin order), update time and review urgency', async () => {
    // 上架 shàng < 售前 shòu < 退款 tuì; zh collation puts Han before Latin.
    expect(ids({ sort: 'title' })).toEqual(['ops/listing', 'cs/presales', 'cs/refunds/policy', 'readme']);
    expect(ids({ sort: 'review' })[0]).toBe('cs/refunds/policy');
  });

  it('counts facets over the whole pack', async () => {
    const { facets } = listArticles(pack, { role: 'nobody' });
    expect(facets.roles).toEqual({ 'customer-service': 2 });
    expect(facets.statuses).toEqual({ published: 3, draft: 1 });
  });

  it('hides archived articles unless asked for', async () => {
    const p = await loadPack(tempPack({ 'articles/old.md': '---\nstatus: archived\n---\n旧\n', 'articles/new.md': '新\n' }));
    expect(listArticles(p, {}).articles.map((a) => a.id)).toEqual(['new']);
    expect(listArticles(p, { status: 'archived' }).articles.map((a) => a.id)).toEqual(['old']);
  });
});

describe('getArticle', () => {
  it('returns html, toc, backlinks, related and a content hash', async () => {
    const a = await getArticle(pack, 'cs/refunds/policy');
    expect(a).toMatchObject({ id: 'cs/refunds/policy', title: '退款政策', owner: '王敏', needsReview: true });
    expect(a.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(a.backlinks.map((b) => b.id)).toEqual(['cs/presales']);
    await expect(getArticle(pack, 'nope')).rejects.toThrow(/not found|nope/);
  });

  it('renders an article nested too deeply for marked as plain text under a warning, instead of failing', async () => {
    const p = await loadPack(tempPack({ 'articles/x.md': '# 括号\n\n' + '> '.repeat(5000) + 'x\n' }));
    const a = await getArticle(p, 'x');
    expect(a.title).toBe('括号');
    expect(a.html).toContain('data-callout="plain-text"');
    expect(a.html).toContain('<pre class="plain-text"><code># 括号');
  });
});

describe('facets keyed by what authors typed', () => {
  it('count tags named like Object members, and keep __proto__, over the API as well', async () => {
    const root = tempPack({
      'handbook.yaml': 'id: t\nname: 测试\nversion: 1.0.0\ncategories:\n  constructor: { zh: 构造, en: Builders }\n',
      'articles/constructor/a.md': '---\ntags: [constructor, toString, hasOwnProperty, __proto__]\nroles: [valueOf]\n---\n# A\n',
      'articles/b.md': '---\ntags: [constructor, __proto__]\n---\n# B\n',
    });
    const p = await loadPack(root);
    const { facets, categories } = listArticles(p, {});
    expect(facets.tags.constructor).toBe(2);
    expect(facets.tags.toString).toBe(1);
    expect(facets.tags.hasOwnProperty).toBe(1);
    expect(facets.roles.valueOf).toBe(1);
    const wire = JSON.parse(JSON.stringify(facets));
    expect(wire.tags).toEqual({ constructor: 2, toString: 1, hasOwnProperty: 1, ['__proto__']: 2 });
    expect(Object.keys(wire.tags)).toContain('__proto__');
    expect(categories.find((c) => c.id === 'constructor')).toMatchObject({ name: '构造', nameEn: 'Builders' });
  });
});
