import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../../electron/core/index.js';
import { git } from '../../../support/gitServer.js';
import { read, useTeamFixture, write } from './teamFixture.js';

/**
 * "Check now" is open to everyone, but the PC's stored credentials may publish: only a trainer's
 * session makes a sync commit edits and push them. Without one, content only fast-forwards.
 */
const fx = useTeamFixture();
let core: Core;

async function setUp() {
  // The PC joined with the trainer's account: its stored credentials could push.
  const { seed, pc, core: c, token } = await fx.trainerPc({ name: '李老师', email: 'li@example.test' });
  core = c;
  const learner = await core.createProfile({ name: '小王', roleId: 'customer-service' });
  const learnerToken = (await core.openProfileSession({ profileId: learner.id })).token;
  const serverHead = () => git(fx.server.repoDir('real'), 'rev-parse', 'main').trim();
  return { seed, pc, token, learnerToken, serverHead };
}

describe('syncTeam publishes only with a trainer token', () => {
  it('without a token: an edit made outside the app is neither committed nor published; news still comes down', async () => {
    const { seed, pc, token, serverHead } = await setUp();
    write(pc.contentDir, 'articles/cs/presales.md', '# 本机改的\n');
    const before = serverHead();
    const headBefore = git(pc.contentDir, 'rev-parse', 'HEAD').trim();
    seed.commit({ 'articles/cs/refunds.md': '# 退款\n\n服务器上的新版本。\n' }, '更新 退款');
    const r = await core.syncTeam({});
    expect(r).toMatchObject({ outcome: 'updated', pulled: 1, pushed: false });
    expect(read(pc.contentDir, 'articles/cs/refunds.md')).toContain('服务器上的新版本');
    // Nothing of this PC reached the server, and nothing was committed here.
    expect(git(fx.server.repoDir('real'), 'log', '--format=%s', 'main')).not.toMatch(/presales|本机/);
    expect(serverHead()).not.toBe(before); // only the seed's commit moved it
    expect(git(pc.contentDir, 'log', '--format=%H', '-n', '2').trim().split('\n')).toContain(headBefore);
    expect(read(pc.contentDir, 'articles/cs/presales.md')).toBe('# 本机改的\n');
    expect(await core.getTeamStatus({})).toMatchObject({ localChanges: 1 });
    // The edit still waits, not forgotten: the trainer's next check publishes it.
    expect(await core.syncTeam({ token })).toMatchObject({ pushed: true });
    expect(git(fx.server.repoDir('real'), 'show', 'main:articles/cs/presales.md')).toBe('# 本机改的\n');
  });

  it('without a token: a server change to a file edited here is held back, never written over the edit', async () => {
    const { seed, pc, serverHead } = await setUp();
    write(pc.contentDir, 'articles/cs/presales.md', 'MINE\n');
    seed.commit({ 'articles/cs/presales.md': 'THEIRS\n' }, 'Theirs');
    const theirs = serverHead();
    const r = await core.syncTeam({});
    expect(r).toMatchObject({ outcome: 'up_to_date', pulled: 0, pushed: false });
    expect(read(pc.contentDir, 'articles/cs/presales.md')).toBe('MINE\n');
    expect(serverHead()).toBe(theirs);
  });

  it('with a trainer token: the edit is committed, authored by the person, and published', async () => {
    const { pc, token, serverHead } = await setUp();
    write(pc.contentDir, 'articles/cs/presales.md', '# 售前\n\n培训师改的。\n');
    const r = await core.syncTeam({ token });
    expect(r).toMatchObject({ outcome: 'published', pushed: true });
    expect(serverHead()).toBe(git(pc.contentDir, 'rev-parse', 'HEAD').trim());
    expect(git(fx.server.repoDir('real'), 'show', 'main:articles/cs/presales.md')).toContain('培训师改的');
    expect(git(fx.server.repoDir('real'), 'log', '-1', '--format=%an', 'main').trim()).toBe('李老师');
  });

  it('a learner\'s token, an unknown one or a malformed one is refused before anything moves', async () => {
    const { pc, learnerToken, serverHead } = await setUp();
    write(pc.contentDir, 'articles/cs/presales.md', 'MINE\n');
    const before = serverHead();
    const stateBefore = fs.readFileSync(path.join(pc.dataDir, 'team', 'state.json'), 'utf8');
    await expect(core.syncTeam({ token: learnerToken })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(core.syncTeam({ token: 'z'.repeat(40) })).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(core.syncTeam({ token: 'short' })).rejects.toMatchObject({ code: 'unauthorized' });
    expect(serverHead()).toBe(before);
    expect(fs.readFileSync(path.join(pc.dataDir, 'team', 'state.json'), 'utf8')).toBe(stateBefore);
  });
});
