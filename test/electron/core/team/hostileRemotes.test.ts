import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { joinTeam } from '../../../../electron/core/team/join.js';
import { RECORDS_BRANCH, syncRecords } from '../../../../electron/core/team/records.js';
import { syncContent } from '../../../../electron/core/team/sync.js';
import { git } from '../../../support/gitServer.js';
import { LEARNER, listFiles, read, useTeamFixture, TRAINER, write } from './teamFixture.js';

/**
 * Hostile or broken remotes beyond hostile.test.ts: bad names deeper in the tree and in the forms
 * Windows and macOS fold, a server whose content stops being a pack, a repository over the file
 * limit at its real size, git configuration that would run a command, and a records branch that
 * carries links, huge files or was force-pushed. Each: a clear reason, nothing outside the
 * folders written, the last good content kept.
 */
const fx = useTeamFixture();
const author = { name: 'T', email: 't@example.test' };

const inBare = (args: string[], input?: string | Buffer) => execFileSync('git', args, { cwd: fx.server.repoDir('pack'), input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).trim();
const blob = (body: string | Buffer) => inBare(['hash-object', '-w', '--stdin'], body);
const mktree = (lines: string[]) => inBare(['mktree', '--missing'], lines.length ? lines.join('\n') + '\n' : '');

/** Puts a commit on `branch` whose root is main's root plus `entries` (raw `ls-tree` lines), as a hostile server would. */
function commitOnTop(entries: string[], branch = 'main', drop: string[] = []): string {
  const head = inBare(['rev-parse', 'main']);
  const root = inBare(['ls-tree', 'main']).split('\n').filter((l) => !drop.includes(l.split('\t')[1]));
  const commit = inBare(['commit-tree', mktree([...root, ...entries]), '-p', head, '-m', 'hostile']);
  inBare(['update-ref', `refs/heads/${branch}`, commit]);
  return commit;
}
/** A folder `name` holding one file `inner`. */
const folder = (name: string, inner: string) => `040000 tree ${mktree([`100644 blob ${blob('x\n')}\t${inner}`])}\t${name}`;
/** `articles/` with one more entry in it. */
const articlesWith = (entry: string) => {
  const current = inBare(['ls-tree', 'main:articles']).split('\n');
  return `040000 tree ${mktree([...current, entry])}\tarticles`;
};

const nested: [string, () => string[]][] = [
  ['a .git folder below articles/', () => [articlesWith(folder('.git', 'config'))]],
  ['a ".." folder below articles/', () => [articlesWith(folder('..', 'escaped.md'))]],
  ['".git." with a trailing dot (Windows drops it)', () => [folder('.git.', 'config')]],
  ['"GIT~1", the short name of .git on Windows', () => [folder('GIT~1', 'config')]],
  ['a name with a backslash', () => [`100644 blob ${blob('x\n')}\t..\\escaped.md`]],
  ['a .gitmodules file', () => [`100644 blob ${blob('[submodule "x"]\n\tpath = x\n\turl = ../x\n')}\t.gitmodules`]],
  ['a symbolic link below articles/', () => [articlesWith(`120000 blob ${blob('../../../../etc/passwd')}\tpasswd.md`)]],
];

describe('hostile names anywhere in the tree', () => {
  for (const [what, entries] of nested) {
    it(`join and sync refuse ${what}; nothing written, last good content kept`, async () => {
      const good = fx.pc();
      const state = await joinTeam({ url: fx.url, ...good, author, credentials: TRAINER });
      let hostile: string[];
      try {
        hostile = entries();
      } catch {
        return expect.fail('git refused to build the tree');
      }
      commitOnTop(hostile);
      const around = listFiles(fx.tmp).filter((f) => !f.includes('.git/') && !f.includes('/team/'));

      const fresh = fx.pc();
      const err = await joinTeam({ url: fx.url, ...fresh, author, credentials: TRAINER }).catch((e) => e);
      expect(err.reason).toBe('unsafe');
      expect(fs.existsSync(fresh.contentDir)).toBe(false);

      const syncErr = await syncContent({ ...good, credentials: TRAINER }).catch((e) => e);
      expect(syncErr.reason).toBe('unsafe');
      expect(git(good.contentDir, 'rev-parse', 'HEAD').trim()).toBe(state.lastGood);
      expect(listFiles(fx.tmp).filter((f) => !f.includes('.git/') && !f.includes('/team/'))).toEqual(around);
    });
  }

  it('refuses hostile names arriving in a merge (this PC has its own edit), keeping the edit', async () => {
    const pc = fx.pc();
    await joinTeam({ url: fx.url, ...pc, author, credentials: TRAINER });
    write(pc.contentDir, 'articles/refunds.md', 'MINE\n');
    commitOnTop([articlesWith(folder('.git', 'hooks'))]);
    const err = await syncContent({ ...pc, credentials: TRAINER }).catch((e) => e);
    expect(err.reason).toBe('unsafe');
    expect(read(pc.contentDir, 'articles/refunds.md')).toBe('MINE\n');
    expect(fs.existsSync(path.join(pc.contentDir, 'articles', '.git'))).toBe(false);
  });
});

describe('a server whose content stops being a Handbook pack', () => {
  it('sync refuses a main without handbook.yaml and keeps the last good content', async () => {
    const pc = fx.pc();
    const state = await joinTeam({ url: fx.url, ...pc, author, credentials: TRAINER });
    fx.seed.commit({ 'handbook.yaml': null, 'articles/refunds.md': null, 'articles/shipping.md': null, 'README.md': '# some code\n' }, 'Someone pushed another project here');
    const err = await syncContent({ ...pc, credentials: TRAINER }).catch((e) => e);
    expect(err.reason).toBe('not_pack');
    expect(err.key).toBe('team.reason.not_pack');
    expect(read(pc.contentDir, 'handbook.yaml')).toContain('team-test');
    expect(read(pc.contentDir, 'articles/refunds.md')).toContain('七天无理由退货');
    expect(git(pc.contentDir, 'rev-parse', 'HEAD').trim()).toBe(state.lastGood);
  });
});

describe('a huge repository, at its real size', () => {
  // One blob under 50,001 names: the tree is real and git-valid, and costs the server little.
  const huge = () => {
    const b = blob('x\n');
    const lines = Array.from({ length: 50_001 }, (_, i) => `100644 blob ${b}\tn${i}.md`);
    return `040000 tree ${mktree(lines)}\tbulk`;
  };

  it('join refuses more files than a pack may hold (50,000) and leaves no folder', async () => {
    commitOnTop([huge()]);
    const pc = fx.pc();
    const err = await joinTeam({ url: fx.url, ...pc, author, credentials: TRAINER }).catch((e) => e);
    expect(err.reason).toBe('unsafe');
    expect(err.message).toMatch(/more than the 50000/);
    expect(fs.existsSync(pc.contentDir)).toBe(false);
  }, 120_000);

  it('sync refuses a commit that takes the pack over 50,000 files and keeps the last good content', async () => {
    const pc = fx.pc();
    const state = await joinTeam({ url: fx.url, ...pc, author, credentials: TRAINER });
    commitOnTop([huge()]);
    const err = await syncContent({ ...pc, credentials: TRAINER }).catch((e) => e);
    expect(err.reason).toBe('unsafe');
    expect(fs.existsSync(path.join(pc.contentDir, 'bulk'))).toBe(false);
    expect(git(pc.contentDir, 'rev-parse', 'HEAD').trim()).toBe(state.lastGood);
  }, 120_000);
});

describe('nothing in a checkout runs a command', () => {
  it('ignores core.fsmonitor, core.hooksPath and hooks in the content checkout and in the records repository', async () => {
    const pc = fx.pc();
    await joinTeam({ url: fx.url, ...pc, author, credentials: TRAINER });
    const marker = path.join(fx.tmp, 'command-ran');
    const script = path.join(fx.tmp, 'run.sh');
    fs.writeFileSync(script, `#!/bin/sh\ntouch ${marker}\n`, { mode: 0o755 });
    const hooks = path.join(fx.tmp, 'hooks');
    fs.mkdirSync(hooks);
    for (const h of ['pre-commit', 'post-commit', 'pre-push', 'post-merge', 'post-checkout', 'reference-transaction']) fs.copyFileSync(script, path.join(hooks, h));
    fs.chmodSync(hooks, 0o755);
    for (const h of fs.readdirSync(hooks)) fs.chmodSync(path.join(hooks, h), 0o755);
    const poison = `\n[core]\n\tfsmonitor = ${script}\n\thooksPath = ${hooks}\n\tsshCommand = ${script}\n[credential]\n\thelper = !${script}\n`;
    fs.appendFileSync(path.join(pc.contentDir, '.git', 'config'), poison);

    write(pc.dataDir, 'records/p-ming/dev-x.json', '{"events":[]}');
    await syncRecords({ dataDir: pc.dataDir, url: fx.url, credentials: TRAINER, deviceId: 'dev-x', author });
    const recordsGit = path.join(pc.dataDir, 'team', 'records-git', '.git');
    fs.appendFileSync(path.join(recordsGit, 'config'), poison);
    fs.mkdirSync(path.join(recordsGit, 'hooks'), { recursive: true });
    for (const h of fs.readdirSync(hooks)) fs.copyFileSync(path.join(hooks, h), path.join(recordsGit, 'hooks', h));

    write(pc.contentDir, 'articles/refunds.md', 'edit\n');
    fx.seed.commit({ 'articles/shipping.md': 'theirs\n' }, 'Theirs');
    expect((await syncContent({ ...pc, credentials: TRAINER })).outcome).toBe('merged');
    write(pc.dataDir, 'records/p-ming/dev-x.json', '{"events":[1]}');
    expect((await syncRecords({ dataDir: pc.dataDir, url: fx.url, credentials: TRAINER, deviceId: 'dev-x', author })).pushed).toBe(1);
    expect(fs.existsSync(marker)).toBe(false);
  });
});

describe('a hostile or rewritten records branch', () => {
  it('never writes links, huge files or paths outside records/ into the data folder', async () => {
    const pc = fx.pc();
    const mine = path.join(pc.dataDir, 'records', 'p-ming', 'dev-a.json');
    write(pc.dataDir, 'records/p-ming/dev-a.json', '{"events":["e1"]}');
    // Another "device" pushes a link, a 3 MB file, and a file for this PC's own id.
    const inner = mktree([
      `120000 blob ${blob('/etc/passwd')}\tdev-link.json`,
      `100644 blob ${blob(Buffer.alloc(3 * 1024 * 1024, 32))}\tdev-huge.json`,
      `100644 blob ${blob('{"events":["forged"]}')}\tdev-a.json`,
      `100644 blob ${blob('{"events":["ok"]}')}\tdev-b.json`,
    ]);
    const records = mktree([`040000 tree ${inner}\tp-ming`]);
    const tree = mktree([`040000 tree ${records}\trecords`]);
    inBare(['update-ref', `refs/heads/${RECORDS_BRANCH}`, inBare(['commit-tree', tree, '-m', 'hostile records'])]);

    const r = await syncRecords({ dataDir: pc.dataDir, url: fx.url, credentials: LEARNER, deviceId: 'dev-a', author });
    expect(r.pulled).toBe(1);
    expect(listFiles(path.join(pc.dataDir, 'records'))).toEqual(['p-ming/dev-a.json', 'p-ming/dev-b.json']);
    expect(fs.readFileSync(mine, 'utf8')).toBe('{"events":["e1"]}');
    // This PC's own file on the server is put back to what this PC holds.
    expect(inBare(['show', `${RECORDS_BRANCH}:records/p-ming/dev-a.json`])).toBe('{"events":["e1"]}');
  });

  it('after a force-push that emptied the records branch, every PC puts its own files back', async () => {
    const a = fx.pc('a');
    const b = fx.pc('b');
    write(a.dataDir, 'records/p-ming/dev-a.json', '{"events":["a1"]}');
    write(b.dataDir, 'records/p-li/dev-b.json', '{"events":["b1"]}');
    await syncRecords({ dataDir: a.dataDir, url: fx.url, credentials: LEARNER, deviceId: 'dev-a', author });
    await syncRecords({ dataDir: b.dataDir, url: fx.url, credentials: LEARNER, deviceId: 'dev-b', author });
    // Someone force-pushes an unrelated, empty history over the records branch.
    inBare(['update-ref', `refs/heads/${RECORDS_BRANCH}`, inBare(['commit-tree', mktree([]), '-m', 'wiped'])]);
    await syncRecords({ dataDir: a.dataDir, url: fx.url, credentials: LEARNER, deviceId: 'dev-a', author });
    await syncRecords({ dataDir: b.dataDir, url: fx.url, credentials: LEARNER, deviceId: 'dev-b', author });
    await syncRecords({ dataDir: a.dataDir, url: fx.url, credentials: LEARNER, deviceId: 'dev-a', author });
    expect(inBare(['ls-tree', '-r', '--name-only', RECORDS_BRANCH]).split('\n').sort()).toEqual(['records/p-li/dev-b.json', 'records/p-ming/dev-a.json']);
    expect(read(a.dataDir, 'records/p-li/dev-b.json')).toBe('{"events":["b1"]}');
    expect(read(b.dataDir, 'records/p-ming/dev-a.json')).toBe('{"events":["a1"]}');
    // The wiped history is dangling now (that is what a force-push leaves); nothing is broken.
    expect(inBare(['fsck', '--strict', '--no-progress', '--no-dangling'])).toBe('');
  });
});
