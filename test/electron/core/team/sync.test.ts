import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseConflictSide, conflictVersions } from '../../../../electron/core/team/conflicts.js';
import { credentialsFile, loadCredentials } from '../../../../electron/core/team/credentials.js';
import { TeamError } from '../../../../electron/core/team/errors.js';
import { joinTeam } from '../../../../electron/core/team/join.js';
import { teamStatus } from '../../../../electron/core/team/status.js';
import { syncContent } from '../../../../electron/core/team/sync.js';
import { git } from '../../../support/gitServer.js';
import { LEARNER, listFiles, read, useTeamFixture, TRAINER, write } from './teamFixture.js';

const fx = useTeamFixture();

const author = { name: '王老师', email: 'wang@example.test' };
async function joined(creds = TRAINER, name?: string) {
  const pc = fx.pc(name);
  await joinTeam({ url: fx.url, ...pc, author, credentials: creds });
  return pc;
}
const serverLog = (format: string) => git(fx.server.repoDir('pack'), 'log', '-1', `--format=${format}`, 'main').trim();

describe('join', () => {
  it('clones the pack into the content folder with progress, and keeps the credentials in the data folder only (0600)', async () => {
    const pc = fx.pc();
    const phases = new Set<string>();
    const state = await joinTeam({ url: fx.url, ...pc, author, credentials: TRAINER, onProgress: (p) => phases.add(p.phase) });
    expect(read(pc.contentDir, 'articles/refunds.md')).toContain('七天无理由退货');
    expect(state.lastGood).toBe(serverLog('%H'));
    expect(phases.size).toBeGreaterThan(0);
    const mode = fs.statSync(credentialsFile(pc.dataDir)).mode & 0o777;
    expect(mode).toBe(0o600);
    expect(loadCredentials(pc.dataDir, {})).toEqual(TRAINER);
    for (const f of listFiles(pc.contentDir)) expect(fs.readFileSync(path.join(pc.contentDir, f)).includes(TRAINER.password)).toBe(false);
    for (const f of listFiles(pc.dataDir).filter((f) => !f.endsWith('credentials.json'))) expect(fs.readFileSync(path.join(pc.dataDir, f)).includes(TRAINER.password)).toBe(false);
  });

  it('refuses a wrong password with reason "auth" and leaves no folder behind', async () => {
    const pc = fx.pc();
    const err = await joinTeam({ url: fx.url, ...pc, author, credentials: { username: 'trainer', password: 'nope' } }).catch((e) => e);
    expect(err).toBeInstanceOf(TeamError);
    expect(err.reason).toBe('auth');
    expect(err.message).not.toContain('nope');
    expect(fs.existsSync(pc.contentDir)).toBe(false);
    expect(fs.existsSync(credentialsFile(pc.dataDir))).toBe(false);
  });

  it('says "no repository" for a wrong path, "unreachable" for a dead port, "bad_url" for credentials in the URL', async () => {
    const missing = await joinTeam({ url: fx.server.url('nope'), ...fx.pc(), author, credentials: TRAINER }).catch((e) => e);
    expect(missing.reason).toBe('no_repository');
    const dead = await joinTeam({ url: 'http://127.0.0.1:9/pack', ...fx.pc(), author, credentials: TRAINER }).catch((e) => e);
    expect(dead.reason).toBe('unreachable');
    const inline = await joinTeam({ url: `http://trainer:${TRAINER.password}@127.0.0.1:${fx.server.port}/pack`, ...fx.pc(), author, credentials: null }).catch((e) => e);
    expect(inline.reason).toBe('bad_url');
    expect(inline.message).not.toContain(TRAINER.password);
  });

  it('refuses a repository that is not a Handbook pack, and a folder that is not empty', async () => {
    fx.seed.commit({ 'handbook.yaml': null, 'README.md': 'just code' }, 'Not a pack');
    const pc = fx.pc();
    const err = await joinTeam({ url: fx.url, ...pc, author, credentials: TRAINER }).catch((e) => e);
    expect(err.reason).toBe('not_pack');
    expect(fs.existsSync(pc.contentDir)).toBe(false);
    const busy = fx.pc();
    write(busy.contentDir, 'mine.txt', 'keep me');
    const e2 = await joinTeam({ url: fx.url, ...busy, author, credentials: TRAINER }).catch((e) => e);
    expect(e2.reason).toBe('folder_not_empty');
    expect(read(busy.contentDir, 'mine.txt')).toBe('keep me');
  });
});

describe('sync', () => {
  it('fast-forwards a reader to what others published, then reports up to date', async () => {
    const pc = await joined(LEARNER);
    fx.seed.commit({ 'articles/shipping.md': '---\nid: shipping\ntitle: Shipping\n---\n\nShip within 24 hours.\n', 'articles/new.md': '---\nid: new\ntitle: New\n---\n\nNew.\n' }, 'Faster shipping');
    const r = await syncContent({ ...pc, credentials: LEARNER });
    expect(r.outcome).toBe('updated');
    expect(r.pulled.sort()).toEqual(['articles/new.md', 'articles/shipping.md']);
    expect(read(pc.contentDir, 'articles/shipping.md')).toContain('24 hours');
    expect(r.head).toBe(serverLog('%H'));
    const again = await syncContent({ ...pc, credentials: LEARNER });
    expect(again.outcome).toBe('up_to_date');
    const st = await teamStatus(pc.dataDir, pc.contentDir);
    expect(st).toMatchObject({ joined: true, state: 'up_to_date', localChanges: 0, lastChange: { files: 2 } });
  });

  it('deletes a file the server deleted', async () => {
    const pc = await joined(LEARNER);
    fx.seed.commit({ 'articles/shipping.md': null }, 'Remove shipping');
    await syncContent({ ...pc, credentials: LEARNER });
    expect(fs.existsSync(path.join(pc.contentDir, 'articles/shipping.md'))).toBe(false);
  });

  it('commits a trainer\'s edit authored by the trainer and publishes it', async () => {
    const pc = await joined();
    write(pc.contentDir, 'articles/refunds.md', read(pc.contentDir, 'articles/refunds.md') + '\n运费由卖家承担。\n');
    const r = await syncContent({ ...pc, credentials: TRAINER });
    expect(r.outcome).toBe('published');
    expect(serverLog('%an <%ae>|%s')).toBe('王老师 <wang@example.test>|更新 退款与退货处理 SOP');
    expect(git(fx.server.repoDir('pack'), 'show', 'main:articles/refunds.md')).toContain('运费由卖家承担');
  });

  it('finds an outside edit of the same size (by mtime), and one made after an earlier sync', async () => {
    const pc = await joined();
    const file = path.join(pc.contentDir, 'articles/shipping.md');
    const text = read(pc.contentDir, 'articles/shipping.md');
    fs.writeFileSync(file, text.replace('48', '24'));
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect((await syncContent({ ...pc, credentials: TRAINER })).outcome).toBe('published');
    expect(git(fx.server.repoDir('pack'), 'show', 'main:articles/shipping.md')).toContain('24 hours');
    write(pc.contentDir, 'articles/new-one.md', 'later\n');
    expect((await syncContent({ ...pc, credentials: TRAINER })).outcome).toBe('published');
    expect(git(fx.server.repoDir('pack'), 'show', 'main:articles/new-one.md')).toBe('later\n');
    fs.rmSync(path.join(pc.contentDir, 'articles/new-one.md'));
    expect((await syncContent({ ...pc, credentials: TRAINER })).outcome).toBe('published');
    expect(() => git(fx.server.repoDir('pack'), 'show', 'main:articles/new-one.md')).toThrow();
  });

  it('merges changes to different files silently', async () => {
    const pc = await joined();
    write(pc.contentDir, 'articles/refunds.md', '---\nid: refunds\ntitle: 退款与退货处理 SOP\n---\n\nMine.\n');
    fx.seed.commit({ 'articles/shipping.md': '---\nid: shipping\ntitle: Shipping\n---\n\nTheirs.\n' }, 'Theirs');
    const r = await syncContent({ ...pc, credentials: TRAINER });
    expect(r.outcome).toBe('merged');
    expect(r.pulled).toEqual(['articles/shipping.md']);
    expect(read(pc.contentDir, 'articles/refunds.md')).toContain('Mine.');
    expect(read(pc.contentDir, 'articles/shipping.md')).toContain('Theirs.');
    expect(serverLog('%P').split(' ')).toHaveLength(2);
    const onServer = git(fx.server.repoDir('pack'), 'show', 'main:articles/refunds.md');
    expect(onServer).toContain('Mine.');
    expect(git(fx.server.repoDir('pack'), 'fsck', '--strict')).toBe('');
  });

  it('keeps a file changed on both sides waiting for a person: no markers, both versions readable, then takes the choice', async () => {
    const pc = await joined();
    write(pc.contentDir, 'articles/refunds.md', 'MINE\n');
    fx.seed.commit({ 'articles/refunds.md': 'THEIRS\n', 'articles/shipping.md': 'other file\n' }, 'Theirs');
    const r = await syncContent({ ...pc, credentials: TRAINER });
    expect(r.outcome).toBe('conflict');
    expect(r.conflicts).toEqual(['articles/refunds.md']);
    expect(read(pc.contentDir, 'articles/refunds.md')).toBe('MINE\n');
    expect(read(pc.contentDir, 'articles/refunds.md')).not.toMatch(/<<<<<<<|>>>>>>>/);
    expect(await conflictVersions(pc.dataDir, pc.contentDir, 'articles/refunds.md')).toMatchObject({ mine: 'MINE\n', theirs: 'THEIRS\n' });
    expect((await teamStatus(pc.dataDir, pc.contentDir)).state).toBe('conflict');
    // Still waiting on the next sync: nothing published, nothing lost.
    expect((await syncContent({ ...pc, credentials: TRAINER })).outcome).toBe('conflict');
    expect(git(fx.server.repoDir('pack'), 'show', 'main:articles/refunds.md')).toBe('THEIRS\n');

    expect(chooseConflictSide(pc.dataDir, pc.contentDir, 'articles/refunds.md', 'theirs')).toBe(0);
    const done = await syncContent({ ...pc, credentials: TRAINER });
    expect(done.outcome).toBe('merged');
    expect(read(pc.contentDir, 'articles/refunds.md')).toBe('THEIRS\n');
    expect(read(pc.contentDir, 'articles/shipping.md')).toBe('other file\n');
    // "Mine" stays in the history, recoverable.
    expect(git(fx.server.repoDir('pack'), 'log', '--all', '--format=%H', '--', 'articles/refunds.md').split('\n').length).toBeGreaterThanOrEqual(3);
    expect((await teamStatus(pc.dataDir, pc.contentDir)).state).toBe('up_to_date');
  });

  it('keeps "mine" when the person chooses it, and publishes it', async () => {
    const pc = await joined();
    write(pc.contentDir, 'articles/refunds.md', 'MINE\n');
    fx.seed.commit({ 'articles/refunds.md': 'THEIRS\n' }, 'Theirs');
    await syncContent({ ...pc, credentials: TRAINER });
    chooseConflictSide(pc.dataDir, pc.contentDir, 'articles/refunds.md', 'mine');
    const r = await syncContent({ ...pc, credentials: TRAINER });
    expect(r.outcome).toBe('merged');
    expect(git(fx.server.repoDir('pack'), 'show', 'main:articles/refunds.md')).toBe('MINE\n');
  });

  it('a learner\'s content edit is refused by the protected branch: kept as a local commit, reported, nothing lost', async () => {
    const pc = await joined(LEARNER);
    write(pc.contentDir, 'articles/refunds.md', 'learner edit\n');
    const r = await syncContent({ ...pc, credentials: LEARNER });
    expect(r.publishRefused).toBe(true);
    expect(r.pushed).toBe(false);
    expect(read(pc.contentDir, 'articles/refunds.md')).toBe('learner edit\n');
    expect(git(fx.server.repoDir('pack'), 'show', 'main:articles/refunds.md')).not.toContain('learner edit');
    expect((await teamStatus(pc.dataDir, pc.contentDir)).lastError?.reason).toBe('forbidden');
  });

  it('refuses history rewritten on the server and keeps the last good content', async () => {
    const pc = await joined(LEARNER);
    const before = read(pc.contentDir, 'articles/refunds.md');
    git(fx.seed.dir, 'commit', '-q', '--amend', '-m', 'Rewritten');
    git(fx.seed.dir, 'push', '-q', '--force', 'origin', 'HEAD:refs/heads/main');
    const err = await syncContent({ ...pc, credentials: LEARNER }).catch((e) => e);
    expect(err.reason).toBe('rewritten');
    expect(read(pc.contentDir, 'articles/refunds.md')).toBe(before);
    const st = await teamStatus(pc.dataDir, pc.contentDir);
    expect(st.state).toBe('failing');
    expect(st.lastError?.reason).toBe('rewritten');
  });

  it('reports the server unreachable and a wrong password, keeps content, and recovers when the server is back', async () => {
    const pc = await joined(LEARNER);
    await fx.server.down();
    const err = await syncContent({ ...pc, credentials: LEARNER }).catch((e) => e);
    expect(err.reason).toBe('unreachable');
    const st = await teamStatus(pc.dataDir, pc.contentDir);
    expect(st.failingSince).toBeTruthy();
    expect(read(pc.contentDir, 'articles/refunds.md')).toContain('七天无理由退货');
    await fx.server.up();
    const bad = await syncContent({ ...pc, credentials: { username: 'learner', password: 'wrong' } }).catch((e) => e);
    expect(bad.reason).toBe('auth');
    expect((await syncContent({ ...pc, credentials: LEARNER })).outcome).toBe('up_to_date');
    expect((await teamStatus(pc.dataDir, pc.contentDir)).failingSince).toBeNull();
  });

  it('never runs git hooks found in the checkout', async () => {
    const pc = await joined();
    const marker = path.join(fx.tmp, 'hook-ran');
    for (const hook of ['post-checkout', 'post-merge', 'pre-commit', 'pre-push', 'post-commit']) {
      fs.mkdirSync(path.join(pc.contentDir, '.git', 'hooks'), { recursive: true });
      fs.writeFileSync(path.join(pc.contentDir, '.git', 'hooks', hook), `#!/bin/sh\ntouch ${marker}\n`, { mode: 0o755 });
    }
    write(pc.contentDir, 'articles/refunds.md', 'edit\n');
    fx.seed.commit({ 'articles/shipping.md': 'theirs\n' }, 'Theirs');
    expect((await syncContent({ ...pc, credentials: TRAINER })).outcome).toBe('merged');
    expect(fs.existsSync(marker)).toBe(false);
  });
});
