import { describe, expect, it } from 'vitest';
import { readFields, writeFile } from '../../../../electron/core/authoring/frontMatter';
import { parseFrontMatter } from '../../../../electron/core/content/frontmatter';

const FILE = `---
# 负责人每季度复核
title: 退款处理   # 标题
owner: "王敏"
custom_field:
  keep: me   # 未知字段
tags: [售后, 退款]
roles:
  - customer-service
reviewed: 2020-01-01
---
# 退款处理

正文。
`;

describe('front matter round-trip', () => {
  it('changes nothing when nothing changed, byte for byte', () => {
    const { fields, body } = readFields(FILE);
    expect(writeFile(FILE, fields, body)).toBe(FILE);
  });

  it('keeps comments, unknown fields, quoting and list styles when one field changes', () => {
    const { fields, body } = readFields(FILE);
    const out = writeFile(FILE, { ...fields, owner: '李雷', tags: ['售后', '退款', '换货'] }, body);
    expect(out).toContain('# 负责人每季度复核');
    expect(out).toContain('title: 退款处理   # 标题');
    expect(out).toContain('custom_field:\n  keep: me   # 未知字段');
    expect(out).toContain('tags: [售后, 退款, 换货]');
    expect(out).toContain('roles:\n  - customer-service');
    expect(out).toMatch(/owner: "李雷"|owner: 李雷/);
    const back = parseFrontMatter(out);
    expect(back.data).toMatchObject({ owner: '李雷', custom_field: { keep: 'me' }, reviewed: '2020-01-01' });
    expect(back.body).toBe('# 退款处理\n\n正文。\n');
  });

  it('removes emptied fields and adds new ones without touching the rest', () => {
    const { fields, body } = readFields(FILE);
    const out = writeFile(FILE, { ...fields, reviewed: '', status: 'draft', summary: '一句话' }, body + '\n新段落。\n');
    const back = parseFrontMatter(out);
    expect(back.data.reviewed).toBeUndefined();
    expect(back.data).toMatchObject({ status: 'draft', summary: '一句话', custom_field: { keep: 'me' } });
    expect(back.body).toContain('新段落。');
  });

  it('keeps a block list a block list, and removes a whole block list cleanly', () => {
    const { fields, body } = readFields(FILE);
    const changed = writeFile(FILE, { ...fields, roles: ['customer-service', 'logistics'] }, body);
    expect(changed).toContain('roles:\n  - customer-service\n  - logistics\nreviewed: 2020-01-01');
    const removed = writeFile(FILE, { ...fields, roles: [] }, body);
    expect(removed).toContain('tags: [售后, 退款]\nreviewed: 2020-01-01\n---');
    expect(parseFrontMatter(removed).data.roles).toBeUndefined();
  });

  it('does not add defaults the reader already assumes (status: published)', () => {
    const text = '---\ntitle: A\n---\nBody\n';
    expect(writeFile(text, readFields(text).fields, 'Body\n')).toBe(text);
  });

  it('writes a front matter block into a file that had none, and none when there is nothing to say', () => {
    expect(writeFile('', { title: '新文章', tags: ['a'] }, '# 新文章\n')).toBe('---\ntitle: 新文章\ntags: [a]\n---\n# 新文章\n');
    expect(writeFile('# Hi\n', { title: '' }, '# Hi\n')).toBe('# Hi\n');
  });

  it('keeps Windows line endings', () => {
    const crlf = FILE.replace(/\n/g, '\r\n');
    const { fields, body } = readFields(crlf);
    const out = writeFile(crlf, { ...fields, owner: 'X' }, body);
    expect(out.includes('\r\n')).toBe(true);
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('keeps an unreadable front matter block as comments instead of dropping it', () => {
    const broken = '---\ntitle: [unclosed\nowner: 王\n---\nBody\n';
    const out = writeFile(broken, { title: '修好了' }, 'Body\n');
    const back = parseFrontMatter(out);
    expect(back.error).toBeUndefined();
    expect(back.data.title).toBe('修好了');
    expect(out).toContain('# title: [unclosed');
  });

  it('refuses a malformed review interval', () => {
    expect(() => writeFile(FILE, { review_every: 'soon' }, '')).toThrow(/90d/);
  });
});
