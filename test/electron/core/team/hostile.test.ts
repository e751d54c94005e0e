import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { joinTeam } from '../../../../electron/core/team/join.js';
import { syncContent } from '../../../../electron/core/team/sync.js';
import { git } from '../../../support/gitServer.js';
import { listFiles, read, useTeamFixture, TRAINER } from './teamFixture.js';

const fx = useTeamFixture();
const author = { name: 'T', email: 't@example.test' };

/** Writes raw tree entries with git's own plumbing (git add refuses these; a hostile server does not). */
function hostileCommit(extraRootEntries: (bare: string) => string[], message = 'hostile'): string {
  const bare = fx.server.repoDir('pack');
  const run = (args: string[], input?: string) => execFileSync('git', args, { cwd: bare, input, encoding: 'utf8' }).trim();
  const head = run(['rev-parse', 'main']);
  const rootLines = run(['ls-tree', 'main']).split('\n');
  const tree = run(['mktree', '--missing'], [...rootLines, ...extraRootEntries(bare)].join('\n') + '\n');
  const commit = run(['commit-tree', tree, '-p', head, '-m', message]);
  run(['update-ref', 'refs/heads/main', commit]);
  return commit;
}
const blob = (bare: string, body: string | Buffer) => execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: bare, input: body, encoding: 'utf8' }).trim();
const treeWith = (bare: string, name: string, body: string) =>
  execFileSync('git', ['mktree'], { cwd: bare, input: `100644 blob ${blob(bare, body)}\t${name}\n`, encoding: 'utf8' }).trim();

const cases: [string, (bare: string) => string[], RegExp][] = [
  ['a symbolic link', (b) => [`120000 blob ${blob(b, '/etc/passwd')}\tpasswd.md`], /symbolic link.*passwd\.md/],
  ['a submodule', (b) => [`160000 commit ${'1'.repeat(40)}\tvendor`, `100644 blob ${blob(b, '[submodule "vendor"]\n')}\t.gitmodules`], /submodule|may not be written/],
  ['a .git folder', (b) => [`040000 tree ${treeWith(b, 'post-checkout', '#!/bin/sh\ntouch /tmp/pwned\n')}\t.git`], /may not be written.*\.git/],
  ['a .GIT folder (case)', (b) => [`040000 tree ${treeWith(b, 'config', '[core]\n')}\t.GIT`], /may not be written/],
  ['a ".." folder', (b) => [`040000 tree ${treeWith(b, 'escaped.md', 'out')}\t..`], /may not be written/],
  ['a file over 2 MB', (b) => [`100644 blob ${blob(b, Buffer.alloc(2 * 1024 * 1024 + 1, 97))}\tbig.md`], /over 2 MB: big\.md/],
];

describe('hostile or broken remotes', () => {
  for (const [what, entries, message] of cases) {
    it(`join refuses ${what} with a clear message, writing nothing`, async () => {
      hostileCommit(entries);
      const pc = fx.pc();
      const before = listFiles(fx.tmp);
      const err = await joinTeam({ url: fx.url, ...pc, author, credentials: TRAINER }).catch((e) => e);
      expect(err.reason).toBe('unsafe');
      expect(err.message).toMatch(message);
      expect(fs.existsSync(pc.contentDir)).toBe(false);
      expect(listFiles(fx.tmp)).toEqual(before);
      expect(fs.existsSync('/tmp/pwned')).toBe(false);
    });

    it(`sync refuses ${what} and keeps the last good content, then recovers once the server is fixed`, async () => {
      const pc = fx.pc();
      const state = await joinTeam({ url: fx.url, ...pc, author, credentials: TRAINER });
      const filesBefore = listFiles(path.dirname(pc.contentDir));
      hostileCommit(entries);
      const err = await syncContent({ ...pc, credentials: TRAINER }).catch((e) => e);
      expect(err.reason).toBe('unsafe');
      expect(err.message).toMatch(message);
      expect(listFiles(path.dirname(pc.contentDir)).filter((f) => !f.includes('.git/'))).toEqual(filesBefore.filter((f) => !f.includes('.git/')));
      expect(git(pc.contentDir, 'rev-parse', 'HEAD').trim()).toBe(state.lastGood);
      // The server is mended by a commit on top restoring the good tree; the next sync takes it.
      const bare = fx.server.repoDir('pack');
      const mend = execFileSync('git', ['commit-tree', 'main~1^{tree}', '-p', 'main', '-m', 'Mend'], { cwd: bare, encoding: 'utf8' }).trim();
      git(bare, 'update-ref', 'refs/heads/main', mend);
      const r = await syncContent({ ...pc, credentials: TRAINER });
      expect(r.outcome).toBe('updated');
      expect(r.head).toBe(mend);
      expect(read(pc.contentDir, 'articles/refunds.md')).toContain('七天无理由退货');
    });
  }

  it('refuses a repository with more files than a pack may hold', async () => {
    const pc = fx.pc();
    const err = await joinTeam({ url: fx.url, ...pc, author, credentials: TRAINER, limits: { maxFiles: 2, maxFileBytes: 1e6 } }).catch((e) => e);
    expect(err.reason).toBe('unsafe');
    expect(err.message).toMatch(/holds 3 files, more than the 2/);
    expect(fs.existsSync(pc.contentDir)).toBe(false);
  });

  it('says "not a git server" for an address that answers with a web page', async () => {
    const web = http.createServer((_q, s) => { s.writeHead(200, { 'Content-Type': 'text/html' }); s.end('<html>hello</html>'); });
    await new Promise<void>((r) => web.listen(0, '127.0.0.1', r));
    const err = await joinTeam({ url: `http://127.0.0.1:${(web.address() as AddressInfo).port}/pack`, ...fx.pc(), author, credentials: TRAINER }).catch((e) => e);
    web.close();
    expect(err.reason).toBe('no_repository');
  });
});
