import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../../../electron/core/content/frontmatter';
import { readAckPolicy } from '../../../../electron/core/acknowledge/policy';
import { writePolicy } from '../../../../electron/core/acknowledge/writePolicy';

const policy = { roles: ['customer-service'] as string[], due: '2026-12-20', version: 2, since: '2026-12-02' };
const read = (text: string) => readAckPolicy(parseFrontMatter(text.replace(/\r\n/g, '\n')).data);

describe('writePolicy', () => {
  it('adds the field and keeps every other byte of the front matter and the body', () => {
    const original = '---\ntitle: 退款  # 标题\ntags: [a, b]\n---\n# 退款\n\n正文\n';
    const out = writePolicy(original, policy);
    expect(out).toBe('---\ntitle: 退款  # 标题\ntags: [a, b]\nacknowledge:\n  roles: [customer-service]\n  due: 2026-12-20\n  version: 2\n  since: 2026-12-02\n---\n# 退款\n\n正文\n');
    expect(read(out)).toEqual({ policy, problems: [] });
  });

  it('replaces an existing block in place, between other fields', () => {
    const original = '---\ntitle: x\nacknowledge:\n  roles: all\n  due: 2026-01-01\nowner: 张三\n---\nbody\n';
    const out = writePolicy(original, { ...policy, roles: 'all' });
    expect(out).toBe('---\ntitle: x\nacknowledge:\n  roles: all\n  due: 2026-12-20\n  version: 2\n  since: 2026-12-02\nowner: 张三\n---\nbody\n');
  });

  it('replaces a flow mapping and removes the field for null', () => {
    const original = '---\nacknowledge: { roles: all, due: 2026-01-01 }\ntitle: x\n---\nbody';
    expect(read(writePolicy(original, policy)).policy).toEqual(policy);
    expect(writePolicy(original, null)).toBe('---\ntitle: x\n---\nbody');
  });

  it('starts front matter in a file without any, and keeps Windows line ends', () => {
    expect(writePolicy('# t\r\n\r\ntext\r\n', policy)).toBe('---\r\nacknowledge:\r\n  roles: [customer-service]\r\n  due: 2026-12-20\r\n  version: 2\r\n  since: 2026-12-02\r\n---\r\n# t\r\n\r\ntext\r\n');
  });

  it('refuses front matter that does not parse (the editor keeps such blocks; this must not guess)', () => {
    expect(() => writePolicy('---\ntitle: [unclosed\n---\nbody', policy)).toThrow(/does not parse/);
  });
});

describe('readAckPolicy', () => {
  it('reports malformed policies and applies none of them', () => {
    expect(read('---\nacknowledge: yes\n---\n').problems[0]).toMatch(/mapping/);
    expect(read('---\nacknowledge:\n  roles: []\n  due: 2026-01-01\n---\n').problems[0]).toMatch(/roles/);
    expect(read('---\nacknowledge:\n  roles: all\n  due: 2026-02-30\n---\n').problems[0]).toMatch(/due/);
    expect(read('---\nacknowledge:\n  roles: all\n  due: 2026-02-01\n  version: 0\n---\n').problems[0]).toMatch(/version/);
    for (const t of ['---\nacknowledge: yes\n---\n', '---\nacknowledge:\n  roles: all\n  due: 2026-02-30\n---\n']) expect(read(t).policy).toBeNull();
  });

  it('defaults the version to 1', () => {
    expect(read('---\nacknowledge:\n  roles: all\n  due: 2026-02-01\n---\n').policy).toEqual({ roles: 'all', due: '2026-02-01', version: 1, since: null });
  });
});
