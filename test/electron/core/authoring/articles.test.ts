import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PNG_1x1 } from '../content/tempPack';
import { closeAll, openAuthoring, PASSPHRASE } from './fixture';

afterEach(closeAll);

describe('edit sessions (trainers only)', () => {
  it('refuses learners, wrong passphrases and unknown tokens', async () => {
    const { core, learner, trainer } = await openAuthoring();
    await expect(core.openEditSession({ profileId: learner.id, passphrase: '1111' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(core.openEditSession({ profileId: trainer.id, passphrase: 'not-the-passphrase' })).rejects.toMatchObject({ code: 'unauthorized', message: 'wrong passphrase' });
    await expect(core.getArticleSource({ token: 'x'.repeat(32), id: 'cs/refunds' })).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(core.saveArticle({ token: 'x'.repeat(32), id: 'cs/new', baseHash: null, fields: {}, body: 'hi' })).rejects.toMatchObject({ code: 'unauthorized' });
    const own = (await core.openProfileSession({ profileId: learner.id, pin: '1111' })).token;
    await expect(core.getArticleSource({ token: own, id: 'cs/refunds' })).rejects.toMatchObject({ code: 'forbidden', key: 'trainerOnly' });
  });

  it('locks the trainer out after repeated wrong passphrases, and a closed session is gone', async () => {
    const { core, trainer, token } = await openAuthoring();
    for (let i = 0; i < 5; i++) await core.openEditSession({ profileId: trainer.id, passphrase: 'wrong-guess-' + i }).catch(() => {});
    await expect(core.openEditSession({ profileId: trainer.id, passphrase: PASSPHRASE })).rejects.toThrow(/too many wrong passphrases/);
    expect(await core.closeEditSession({ token })).toEqual({ closed: true });
    await expect(core.listTrash({ token })).rejects.toMatchObject({ code: 'unauthorized' });
  });
});

describe('articles', () => {
  it('creates an article that the library and search show at once', async () => {
    const { core, token, read } = await openAuthoring();
    const saved = await core.saveArticle({
      token, id: 'cs/换货流程', baseHash: null,
      fields: { title: '换货流程 SOP', tags: ['换货'], owner: '李老师', status: 'published' },
      body: '# 换货流程 SOP\n\n| 步骤 | 时限 |\n| --- | --- |\n| 审核 | 2 小时 |\n',
    });
    expect(saved.problems).toEqual([]);
    expect(read('articles/cs/换货流程.md')).toMatch(/^---\ntitle: 换货流程 SOP\ntags: \[换货\]\nowner: 李老师\nstatus: published\n---\n# 换货流程 SOP/);
    const a = await core.getArticle({ id: 'cs/换货流程' });
    expect(a.html).toContain('<table>');
    expect(a.hash).toBe(saved.hash);
    await expect.poll(async () => (await core.search({ query: '换货流程' })).hits.map((h) => h.id), { timeout: 3000 }).toContain('cs/换货流程');
  });

  it('refuses to create over an existing article, also when only the letter case differs', async () => {
    const { core, token } = await openAuthoring();
    await expect(core.saveArticle({ token, id: 'cs/refunds', baseHash: null, fields: {}, body: 'x' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(core.saveArticle({ token, id: 'CS/Refunds', baseHash: null, fields: {}, body: 'x' })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('refuses unsafe ids', async () => {
    const { core, token } = await openAuthoring();
    for (const id of ['../x', 'a/../../x', 'a b', 'con', 'a/.hidden', 'x.md']) {
      await expect(core.saveArticle({ token, id, baseHash: null, fields: {}, body: 'x' })).rejects.toMatchObject({ code: 'bad_request' });
    }
  });

  it('saves an edit and keeps the rest of the front matter as written', async () => {
    const { core, token, read } = await openAuthoring();
    const src = await core.getArticleSource({ token, id: 'cs/refunds' });
    expect(src.fields).toMatchObject({ title: '退款处理', owner: '王敏', tags: ['售后', '退款'], reviewed: '2020-01-01', review_every: '90d', status: 'published' });
    expect(src.otherFields).toEqual(['custom_field']);
    await core.saveArticle({ token, id: 'cs/refunds', baseHash: src.hash, fields: { ...src.fields, reviewed: '2026-01-15' }, body: src.body });
    const text = read('articles/cs/refunds.md');
    expect(text).toContain('# 负责人每季度复核\ntitle: 退款处理   # 标题\nowner: 王敏\ncustom_field: { keep: me }\n');
    expect(text).toContain('reviewed: 2026-01-15\n');
    expect(text.endsWith(src.body)).toBe(true);
  });

  it('refuses a save over a version changed on disk (conflict), and accepts it against the new hash', async () => {
    const { core, token, root } = await openAuthoring();
    const mine = await core.getArticleSource({ token, id: 'cs/refunds' });
    fs.appendFileSync(path.join(root, 'articles/cs/refunds.md'), '\n别人加的一段。\n');
    const save = { token, id: 'cs/refunds', fields: mine.fields, body: mine.body + '\n我的一段。\n' };
    await expect(core.saveArticle({ ...save, baseHash: mine.hash })).rejects.toMatchObject({ code: 'conflict' });
    const theirs = await core.getArticleSource({ token, id: 'cs/refunds' });
    expect(theirs.body).toContain('别人加的一段');
    await core.saveArticle({ ...save, baseHash: theirs.hash });
    expect((await core.getArticleSource({ token, id: 'cs/refunds' })).body).toContain('我的一段');
    fs.rmSync(path.join(root, 'articles/cs/refunds.md'));
    await expect(core.saveArticle({ ...save, baseHash: theirs.hash })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('previews through the reader pipeline, resolving links from where the article is', async () => {
    const { core, token } = await openAuthoring();
    const p = await core.previewMarkdown({ token, id: 'cs/new', markdown: '# T\n\n## 一节\n\n见 [退款](refunds.md) ![图](../../assets/flow.png) [坏](nope.md)\n' });
    expect(p.html).toContain('href="#/article/cs/refunds"');
    expect(p.html).toContain('src="pack-file/assets/flow.png"');
    expect(p.html).toContain('class="broken-link"');
    expect(p.toc).toEqual([{ depth: 2, text: '一节', anchor: '一节' }]);
  });

  it('saves pasted images into assets/ under a safe name, once, and refuses what is not an image', async () => {
    const { core, token, root } = await openAuthoring();
    const a = await core.saveAsset({ token, articleId: 'cs/refunds', name: '../../截 图?.PNG', data: PNG_1x1.toString('base64') });
    expect(a.path).toMatch(/^assets\/截-图-[0-9a-f]{8}\.png$/);
    expect(a.href).toBe('../../' + a.path);
    expect(fs.readFileSync(path.join(root, a.path))).toEqual(PNG_1x1);
    const again = await core.saveAsset({ token, articleId: 'cs/refunds', name: '截 图?.png', data: PNG_1x1.toString('base64') });
    expect(again.path).toBe(a.path);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString('base64');
    await expect(core.saveAsset({ token, articleId: 'cs/refunds', name: 'x.png', data: svg })).rejects.toThrow(/only PNG, JPEG, GIF and WebP/);
    const big = Buffer.concat([PNG_1x1, Buffer.alloc(5 * 1024 * 1024)]).toString('base64');
    await expect(core.saveAsset({ token, articleId: 'cs/refunds', name: 'x.png', data: big })).rejects.toThrow(/limit is 5 MB/);
  });

  it('edits role guides as role:<id>', async () => {
    const { core, token, read } = await openAuthoring();
    const src = await core.getArticleSource({ token, id: 'role:customer-service' });
    await core.saveArticle({ token, id: 'role:customer-service', baseHash: src.hash, fields: { ...src.fields, summary: '接待顾客' }, body: src.body });
    expect(read('roles/customer-service.md')).toContain('summary: 接待顾客');
    expect((await core.getRole({ id: 'customer-service' })).summary).toBe('接待顾客');
  });

  it('offers the four templates', async () => {
    const { core } = await openAuthoring();
    expect((await core.listTemplates({})).map((t) => t.id)).toEqual(['sop', 'policy', 'checklist', 'role']);
  });
});
