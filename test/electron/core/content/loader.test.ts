import fs from 'node:fs';
import iconv from 'iconv-lite';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../../electron/contract.js';
import { MAX_TEXT_BYTES } from '../../../../electron/core/content/files.js';
import { loadPack } from '../../../../electron/core/index.js';
import { PNG_1x1, tempPack } from './tempPack.js';

const GOOD = '---\ntitle: 好文章\n---\n正文。\n';
const find = (problems: Problem[], p: string, code?: string) => problems.filter((x) => x.path === p && (!code || x.code === code));

describe('loader: hostile files are reported and skipped, the rest loads', () => {
  it('reports invalid YAML front matter with path and line', async () => {
    const root = tempPack({
      'articles/ok.md': GOOD,
      'articles/bad-yaml.md': '---\ntitle: 好\ntags: [a, b\nowner: 张三\n---\n# 正文\n',
      'articles/dup-key.md': '---\ntitle: a\ntitle: b\n---\nx\n',
    });
    const pack = await loadPack(root);
    expect(pack.articles.has('ok')).toBe(true);
    const [bad] = find(pack.problems, 'articles/bad-yaml.md', 'front-matter');
    expect(bad).toMatchObject({ severity: 'error' });
    expect(bad.line).toBeGreaterThanOrEqual(3);
    expect(bad.line).toBeLessThanOrEqual(5);
    expect(bad.message).toMatch(/YAML/);
    const [dup] = find(pack.problems, 'articles/dup-key.md', 'front-matter');
    expect(dup.line).toBe(3);
  });

  it('reports unterminated front matter at line 1 and does not show the YAML as the article', async () => {
    const root = tempPack({ 'articles/open.md': '---\ntitle: 没有结束\nowner: 张三\n\n# 标题\n\n正文\n' });
    const pack = await loadPack(root);
    expect(find(pack.problems, 'articles/open.md', 'front-matter')).toEqual([expect.objectContaining({ line: 1, severity: 'error', message: expect.stringMatching(/not closed/) })]);
  });

  it('accepts a BOM and CRLF line endings before front matter', async () => {
    const root = tempPack({ 'articles/crlf.md': '\ufeff---\r\ntitle: Windows 文件\r\nowner: 李四\r\n---\r\n正文\r\n' });
    const pack = await loadPack(root);
    expect(pack.problems).toEqual([]);
    expect(pack.articles.get('crlf')!.summary).toMatchObject({ title: 'Windows 文件', owner: '李四' });
  });

  it('front matter that is not a mapping is an error, body still loads', async () => {
    const root = tempPack({ 'articles/list.md': '---\n- a\n- b\n---\n# 列表\n' });
    const pack = await loadPack(root);
    expect(find(pack.problems, 'articles/list.md', 'front-matter')).toHaveLength(1);
    expect(pack.articles.get('list')!.summary.title).toBe('列表');
  });

  it('ignores fields of the wrong type with a warning on their line', async () => {
    const root = tempPack({
      'articles/types.md': '---\ntitle: [不是, 文本]\ntags: { a: 1 }\nroles: customer-service\nowner: 123\nreviewed: 2024-02-30\nreview_every: often\nstatus: live\nplatforms: [淘宝, { x: 1 }]\n---\n# 类型\n',
    });
    const pack = await loadPack(root);
    const a = pack.articles.get('types')!.summary;
    expect(a).toMatchObject({ title: '类型', tags: [], roles: ['customer-service'], owner: '123', reviewed: null, status: 'published', platforms: [], needsReview: false });
    const ps = find(pack.problems, 'articles/types.md', 'front-matter-field');
    expect(ps.every((p) => p.severity === 'warning')).toBe(true);
    expect(Object.fromEntries(ps.map((p) => [p.message.split(' ')[0], p.line]))).toEqual({ title: 2, tags: 3, reviewed: 6, review_every: 7, status: 8, platforms: 9 });
  });

  it('refuses a binary file named .md', async () => {
    const root = tempPack({ 'articles/photo.md': PNG_1x1, 'articles/ok.md': GOOD });
    const pack = await loadPack(root);
    expect(pack.articles.has('photo')).toBe(false);
    expect(find(pack.problems, 'articles/photo.md')).toEqual([expect.objectContaining({ severity: 'error', code: 'encoding', message: expect.stringMatching(/binary/) })]);
    expect(pack.articles.has('ok')).toBe(true);
  });

  it('decodes UTF-16 LE/BE with BOM silently and GBK with a warning', async () => {
    const text = '---\ntitle: 仓库收货\n---\n# 收货\n\n核对数量与质量。\n';
    const root = tempPack({
      'articles/le.md': Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]),
      'articles/be.md': Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]),
      'articles/gbk.md': iconv.encode(text, 'gbk'),
      'articles/gb18030.md': iconv.encode(text.replace('核对', '核对𠮷'), 'gb18030'),
    });
    const pack = await loadPack(root);
    for (const id of ['le', 'be', 'gbk', 'gb18030']) expect(pack.articles.get(id)?.summary.title).toBe('仓库收货');
    expect(pack.articles.get('gb18030')!.source.body).toContain('核对𠮷');
    expect(find(pack.problems, 'articles/le.md')).toEqual([]);
    expect(find(pack.problems, 'articles/gbk.md')).toEqual([expect.objectContaining({ severity: 'warning', code: 'encoding', message: expect.stringMatching(/GB18030.*UTF-8/) })]);
  });

  it('reports undecodable bytes instead of loading mojibake', async () => {
    const root = tempPack({
      'articles/latin1.md': iconv.encode('# Café\n\nrésumé, naïve, déjà vu — über\n'.repeat(4), 'win1252'),
      'articles/broken-utf8.md': Buffer.concat([Buffer.from('# 标题\n\n第一段中文内容。\n第二段'), Buffer.from([0xe5, 0x28]), Buffer.from('\n')]),
    });
    const pack = await loadPack(root);
    expect(pack.articles.size).toBe(0);
    expect(find(pack.problems, 'articles/latin1.md', 'encoding')).toHaveLength(1);
    expect(find(pack.problems, 'articles/broken-utf8.md', 'encoding')).toEqual([expect.objectContaining({ line: 4, severity: 'error' })]);
  });

  it('refuses files over the size cap', async () => {
    const root = tempPack({ 'articles/huge.md': '# 大\n' + 'x'.repeat(MAX_TEXT_BYTES + 10), 'articles/ok.md': GOOD });
    const pack = await loadPack(root);
    expect(pack.articles.has('huge')).toBe(false);
    expect(find(pack.problems, 'articles/huge.md')).toEqual([expect.objectContaining({ code: 'too-large', severity: 'error', message: expect.stringMatching(/2 MB/) })]);
  });

  it('survives deeply nested markdown and reports it', async () => {
    const root = tempPack({
      'articles/quotes.md': '# 引用\n\n' + '>'.repeat(5000) + ' 深\n',
      'articles/quotes-spaced.md': '# 引用\n\n' + '> '.repeat(5000) + '深\n',
      // 1,000 staircase levels is already 1 MB; 5,000 would be refused by the size cap instead.
      'articles/lists.md': '# 列表\n\n' + Array.from({ length: 1000 }, (_, i) => '  '.repeat(i) + '- 项\n').join(''),
      'articles/inline-lists.md': '# 列表\n\n' + '- '.repeat(5000) + '项\n',
      'articles/ordered.md': '# 列表\n\n' + '1. '.repeat(3000) + '项\n',
      'articles/mixed.md': '# 混合\n\n' + '> - '.repeat(2000) + '项\n',
      'articles/brackets.md': '# 括号\n\n' + '['.repeat(5000) + 'x' + ']'.repeat(5000) + '(a.md)\n' + '*'.repeat(5000) + 'x' + '*'.repeat(5000) + '\n',
      'articles/html.md': '# HTML\n\n' + '<div>'.repeat(5000) + 'x' + '</div>'.repeat(5000) + '\n',
    });
    const pack = await loadPack(root);
    for (const id of ['quotes', 'quotes-spaced', 'lists', 'inline-lists', 'ordered', 'mixed']) {
      expect(pack.articles.has(id), id).toBe(true);
      expect(find(pack.problems, `articles/${id}.md`, 'too-nested'), id).toHaveLength(1);
    }
    // Parsed in a worker, 5,000 brackets no longer exhaust the stack: the `[[x]]` inside is a (broken) wiki link.
    // (or, on a machine busy enough, runs past the time limit and shows as text).
    expect(pack.problems.filter((p) => p.code !== 'too-nested' && !(p.path === 'articles/brackets.md' && ['broken-link', 'too-slow'].includes(p.code)))).toEqual([]);
    expect(pack.articles.get('brackets')!.summary.title).toBe('括号');
    expect(pack.articles.has('html')).toBe(true);
    expect(pack.articles.get('quotes')!.summary.title).toBe('引用');
    expect(find(pack.problems, 'articles/quotes.md', 'too-nested')[0].line).toBe(3);
  });

  it('keeps the first of two files whose ids differ only in case, and reports the other', async () => {
    const root = tempPack({ 'articles/A.md': '# 大写\n', 'articles/a.md': '# 小写\n', 'articles/x/B.md': '# b\n', 'articles/x/b.MD': '# b2\n' });
    const pack = await loadPack(root);
    expect(pack.articles.size).toBe(2);
    const dups = pack.problems.filter((p) => p.code === 'duplicate-id');
    expect(dups).toHaveLength(2);
    expect(dups[0]).toMatchObject({ severity: 'error' });
    expect(dups.map((d) => d.message).join()).toMatch(/articles\/A\.md|articles\/a\.md/);
  });

  it('never follows symbolic links out of the pack, and reports them', async () => {
    const outside = tempPack({ 'secret.md': '# 机密\n', 'etc/passwd.png': PNG_1x1 });
    const root = tempPack({ 'articles/ok.md': '# 好\n\n![x](../assets/link.png)\n' });
    fs.symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'articles/leak.md'));
    fs.symlinkSync(outside, path.join(root, 'articles/folder'));
    fs.mkdirSync(path.join(root, 'assets'));
    fs.symlinkSync(path.join(outside, 'etc/passwd.png'), path.join(root, 'assets/link.png'));
    fs.symlinkSync(path.join(outside), path.join(root, 'roles'));
    const pack = await loadPack(root);
    expect([...pack.articles.keys()]).toEqual(['ok']);
    expect(pack.roles.size).toBe(0);
    const codes = pack.problems.map((p) => `${p.path} ${p.code}`);
    expect(codes).toEqual(expect.arrayContaining(['articles/leak.md symlink', 'articles/folder symlink', 'roles symlink', 'assets/link.png symlink', 'articles/ok.md bad-image']));
  });

  it('loads everything else next to a pile of broken files', async () => {
    const root = tempPack({
      'articles/ok.md': GOOD,
      'articles/bin.md': Buffer.from([0, 1, 2, 3, 0, 0, 255]),
      'articles/yaml.md': '---\n: : :\n---\n',
      'articles/empty.md': '',
    });
    const pack = await loadPack(root);
    expect(pack.articles.get('ok')!.summary.title).toBe('好文章');
    expect(pack.articles.get('empty')!.summary.title).toBe('empty');
  });

  it('reports a missing or broken manifest without losing the articles', async () => {
    const root = tempPack({ 'handbook.yaml': 'id: [\n', 'articles/ok.md': GOOD });
    const pack = await loadPack(root);
    expect(pack.articles.has('ok')).toBe(true);
    expect(find(pack.problems, 'handbook.yaml', 'yaml')).toEqual([expect.objectContaining({ line: expect.any(Number) })]);
    fs.rmSync(path.join(root, 'handbook.yaml'));
    expect(find((await loadPack(root)).problems, 'handbook.yaml', 'missing-manifest')).toHaveLength(1);
  });
});

describe('loader: limits that must not fire on ordinary content', () => {
  it('does not count indentation inside fenced code as nesting', async () => {
    const json = Array.from({ length: 80 }, (_, i) => ' '.repeat(i * 2) + '{').join('\n');
    const pack = await loadPack(tempPack({ 'articles/code.md': '# 代码\n\n```json\n' + json + '\n```\n\n> 引用\n' }));
    expect(pack.problems).toEqual([]);
    expect(pack.articles.get('code')!.source.body).toContain('```json');
  });

  it('refuses a YAML alias bomb in front matter instead of expanding it', async () => {
    const bomb = '---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n---\n# 炸弹\n';
    const pack = await loadPack(tempPack({ 'articles/bomb.md': bomb }));
    expect(pack.articles.get('bomb')!.summary.title).toBe('炸弹');
    expect(pack.problems.filter((p) => p.code === 'front-matter')).toHaveLength(1);
  });
});
