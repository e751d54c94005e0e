import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../electron/cli/main.js';
import { PNG_1x1, tempPack } from '../core/content/tempPack.js';

let out: string[];
let err: string[];
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((...a) => { out.push(a.join(' ')); });
  vi.spyOn(console, 'error').mockImplementation((...a) => { err.push(a.join(' ')); });
});
afterEach(() => vi.restoreAllMocks());

const CLEAN = path.resolve('test/fixtures/packs/clean');
const LINKED = path.resolve('test/fixtures/packs/linked');

function hostilePack(): string {
  const root = tempPack({
    'articles/ok.md': '# 好\n',
    'articles/yaml.md': '---\ntitle: [\n---\n',
    'articles/open.md': '---\ntitle: x\n',
    'articles/types.md': '---\ntags: { a: 1 }\n---\n',
    'articles/bin.md': PNG_1x1,
    'articles/A.md': '# A\n',
    'articles/a.md': '# a\n',
    'articles/deep.md': '>'.repeat(5000) + ' x\n',
    'articles/links.md': '# 链接\n\n[坏](nope.md) [[没有]]\n\n![图](../../../etc/passwd.png) ![缺](../assets/missing.png)\n',
    'articles/huge.md': 'x'.repeat(2 * 1024 * 1024 + 1),
  });
  fs.symlinkSync('/etc/hostname', path.join(root, 'articles/link.md'));
  return root;
}

describe('handbook validate', () => {
  it('exits 0 and says OK for a clean pack', async () => {
    expect(await runCli(['validate', '--content', CLEAN])).toBe(0);
    expect(out.at(-1)).toMatch(/^OK: .*clean \(2 articles, 0 roles/);
  });

  it('prints every hostile case with path, line, severity and code, and exits 1', async () => {
    expect(await runCli(['validate', '--content', hostilePack()])).toBe(1);
    const text = out.join('\n');
    for (const line of [
      /^articles\/a\.md: error \[duplicate-id\]|^articles\/A\.md: error \[duplicate-id\]/m,
      /^articles\/bin\.md: error \[encoding\] binary file/m,
      /^articles\/deep\.md:1: error \[too-nested\]/m,
      /^articles\/huge\.md: error \[too-large\]/m,
      /^articles\/link\.md: error \[symlink\]/m,
      /^articles\/links\.md:3: warning \[broken-link\] broken link: nope\.md/m,
      /^articles\/links\.md:3: warning \[broken-link\] broken wiki link/m,
      /^articles\/links\.md:5: warning \[bad-image\] image \.\.\/\.\.\/\.\.\/etc\/passwd\.png: outside the pack/m,
      /^articles\/links\.md:5: warning \[missing-image\]/m,
      /^articles\/open\.md:1: error \[front-matter\] front matter is not closed/m,
      /^articles\/types\.md:2: warning \[front-matter-field\] tags should be a list/m,
      /^articles\/yaml\.md:[23]: error \[front-matter\] invalid YAML/m,
    ]) expect(text).toMatch(line);
    expect(out.at(-1)).toMatch(/^\d+ error\(s\), \d+ warning\(s\) in /);
  });

  it('reports a malformed trainer key file (trainers/<profileId>.yaml) with its line, and exits 1', async () => {
    const root = tempPack({
      'articles/ok.md': '# 好\n',
      'trainers/li.yaml': 'name: 李老师\nkeys:\n  - MCowBQYDK2VwAyEA\n',
      'trainers/bad name.yaml': 'name: x\nkeys: []\n',
      'trainers/broken.yaml': 'name: [\n',
    });
    expect(await runCli(['validate', '--content', root])).toBe(1);
    const text = out.join('\n');
    expect(text).toMatch(/^trainers\/li\.yaml:3: error \[trainer-keys\] key 1 is not an Ed25519 public key/m);
    expect(text).toMatch(/^trainers\/bad name\.yaml:1: error \[trainer-keys\] "bad name" is not a trainer id/m);
    expect(text).toMatch(/^trainers\/broken\.yaml:\d+: error \[yaml\] invalid YAML/m);
  });

  it('prints JSON with --json', async () => {
    expect(await runCli(['validate', '--content', LINKED, '--json'])).toBe(1);
    const report = JSON.parse(out.join('\n'));
    expect(report).toMatchObject({ ok: false, counts: { articles: 4, roles: 1 }, summary: { errors: 0, warnings: 8 } });
    expect(report.problems[0]).toEqual({ path: 'articles/cs/presales.md', line: 15, severity: 'warning', code: 'broken-link', message: expect.any(String) });
    out = [];
    expect(await runCli(['validate', '--content', CLEAN, '--json'])).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ ok: true, problems: [], summary: { errors: 0, warnings: 0 } });
  });

  it('exits 2 on bad usage and 1 on a missing folder, with one line on stderr', async () => {
    expect(await runCli(['validate', '--bogus'])).toBe(2);
    expect(await runCli(['validate', 'extra'])).toBe(2);
    expect(await runCli(['validate', '--content', '/no/such/folder'])).toBe(1);
    expect(err).toHaveLength(3);
    expect(err[2]).toBe('handbook validate: content folder not found: /no/such/folder');
    for (const e of err) expect(e).not.toMatch(/\n|at .*\.js/);
  });

  it('validates the bundled sample pack without problems', async () => {
    expect(await runCli(['validate', '--content', path.resolve('content')])).toBe(0);
  });
});

describe('validate: markdown marked needs minutes for', () => {
  it('names the file and the reason, in seconds rather than minutes (185 s before)', async () => {
    const { HOSTILE_MARKDOWN } = await import('../../fixtures/hostile/markdown.js');
    const root = tempPack({ 'articles/ok.md': '# 好\n', 'articles/stars.md': HOSTILE_MARKDOWN.stars() });
    expect(await runCli(['validate', '--content', root])).toBe(1);
    expect(out).toContain('articles/stars.md:1: error [too-slow] markdown too slow to parse (took longer than the 3.8 s allowed for its length); shown as plain text — simplify its formatting or split the file');
    expect(out.at(-1)).toMatch(/^1 error\(s\), 0 warning\(s\) in .* \(2 articles/);
  }, 30_000);
});
