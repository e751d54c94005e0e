import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rewriteLinks } from '../../../../electron/core/authoring/rewriteLinks';
import { closeAll, openAuthoring } from './fixture';

afterEach(closeAll);

describe('rewriteLinks', () => {
  const moved = new Map([['articles/cs/refunds.md', 'articles/after-sales/退款.md']]);
  const wiki = new Map([['cs/refunds', 'after-sales/退款']]);

  it('re-aims relative links, reference definitions and wiki links; leaves code, anchors and other links alone', () => {
    const text = '[a](refunds.md#处理步骤) [b](./refunds.md) [c](<refunds.md> "t") [[cs/refunds]] [[CS/Refunds#时效|时效]] [[退款处理]]\n\n[r]: refunds.md\n\n`[x](refunds.md)`\n\n```\n[y](refunds.md)\n```\n[z](presales.md) [w](https://x.com/refunds.md) [v](#refunds)';
    const out = rewriteLinks(text, 'articles/cs/presales.md', 'articles/cs/presales.md', moved, wiki);
    expect(out).toBe('[a](../after-sales/退款.md#处理步骤) [b](../after-sales/退款.md) [c](<../after-sales/退款.md> "t") [[after-sales/退款]] [[after-sales/退款#时效|时效]] [[退款处理]]\n\n[r]: ../after-sales/退款.md\n\n`[x](refunds.md)`\n\n```\n[y](refunds.md)\n```\n[z](presales.md) [w](https://x.com/refunds.md) [v](#refunds)');
  });

  it('re-aims the moved file’s own links and images, keeping percent-encoding when the author used it', () => {
    const text = '[p](presales.md) ![i](../../assets/flow.png) [e](../../assets/%E5%9B%BE.png)';
    const out = rewriteLinks(text, 'articles/cs/refunds.md', 'articles/after-sales/deep/退款.md', moved, wiki);
    expect(out).toBe('[p](../../cs/presales.md) ![i](../../../assets/flow.png) [e](../../../assets/%E5%9B%BE.png)');
  });
});

describe('renameArticle', () => {
  it('moves the article and rewrites every link, track step and quiz source pointing at it', async () => {
    const { core, token, read, root } = await openAuthoring();
    const r = await core.renameArticle({ token, id: 'cs/refunds', newId: 'after-sales/退款' });
    expect(r.updated.sort()).toEqual(['articles/cs/presales.md', 'articles/ops/listing.md', 'quizzes/cs-basics.yaml', 'roles/customer-service.md', 'tracks/customer-service.yaml']);
    expect(fs.existsSync(path.join(root, 'articles/cs/refunds.md'))).toBe(false);
    expect(read('articles/after-sales/退款.md')).toContain('[售前](../cs/presales.md) 与 ![流程](../../assets/flow.png)');
    expect(read('articles/ops/listing.md')).toContain('[退款](../after-sales/退款.md)');
    expect(read('articles/ops/listing.md')).toContain('[r]: ../after-sales/退款.md');
    expect(read('roles/customer-service.md')).toContain('(../articles/after-sales/退款.md)');
    const track = read('tracks/customer-service.yaml');
    expect(track).toContain('# 客服入职路线');
    expect(track).toContain('- id: read-refunds # 最重要');
    expect(track).toContain('article: after-sales/退款');
    expect(read('quizzes/cs-basics.yaml')).toContain('source: after-sales/退款#时效');
    // Nothing is broken afterwards, and the pack shows the new id right away.
    const problems = (await core.listProblems({})).filter((p) => p.code !== 'broken-link' || !p.path.includes('orphan'));
    expect(problems.filter((p) => p.severity === 'error' || /refunds|退款/.test(p.message))).toEqual([]);
    expect((await core.getArticle({ id: 'after-sales/退款' })).backlinks.map((b) => b.id).sort()).toEqual(['cs/presales', 'ops/listing']);
    const steps = (await core.listTracks({}))[0].phases[0].steps;
    expect(steps.find((s) => s.id === 'read-refunds')?.articleId).toBe('after-sales/退款');
  });

  it('refuses a name that is taken', async () => {
    const { core, token } = await openAuthoring();
    await expect(core.renameArticle({ token, id: 'cs/refunds', newId: 'cs/presales' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(core.renameArticle({ token, id: 'cs/refunds', newId: 'CS/Presales' })).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('trash', () => {
  it('deletes into .trash/ (not loaded, not exported) and restores', async () => {
    const { core, token, root } = await openAuthoring();
    const entry = await core.deleteContent({ token, kind: 'article', id: 'ops/orphan' });
    expect(entry).toMatchObject({ kind: 'article', path: 'articles/ops/orphan.md', title: '没人链接', deletedBy: '李老师' });
    expect(fs.existsSync(path.join(root, '.trash', entry.id, 'articles/ops/orphan.md'))).toBe(true);
    await expect(core.getArticle({ id: 'ops/orphan' })).rejects.toMatchObject({ code: 'not_found' });
    expect((await core.listTrash({ token })).map((e) => e.id)).toEqual([entry.id]);
    await core.restoreFromTrash({ token, trashId: entry.id });
    expect((await core.getArticle({ id: 'ops/orphan' })).title).toBe('没人链接');
    expect(await core.listTrash({ token })).toEqual([]);
  });

  it('refuses to restore over a file that exists again, and trashes tracks and quizzes too', async () => {
    const { core, token, root } = await openAuthoring();
    const entry = await core.deleteContent({ token, kind: 'quiz', id: 'cs-basics' });
    expect((await core.getAppInfo({})).counts.quizzes).toBe(0);
    fs.writeFileSync(path.join(root, 'quizzes/cs-basics.yaml'), 'title: new\nquestions: []\n');
    await expect(core.restoreFromTrash({ token, trashId: entry.id })).rejects.toMatchObject({ code: 'conflict' });
    const t = await core.deleteContent({ token, kind: 'track', id: 'customer-service' });
    expect(await core.listTracks({})).toEqual([]);
    await core.restoreFromTrash({ token, trashId: t.id });
    expect((await core.listTracks({})).map((x) => x.id)).toEqual(['customer-service']);
  });
});
