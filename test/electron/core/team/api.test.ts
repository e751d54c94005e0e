import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../../electron/core/index.js';
import { contractPackFiles, read, TRAINER, useTeamFixture, write } from './teamFixture.js';

/** The team methods of the API, on a core over a joined checkout of a real pack on a real server. */
const fx = useTeamFixture();
let core: Core;

async function setUp() {
  const { seed, pc, core: c, trainer, token } = await fx.trainerPc({ name: '李老师', email: 'li@example.test' });
  core = c;
  const learner = await core.createProfile({ name: '小王', roleId: 'customer-service', pin: '1111' });
  return { seed, pc, trainer, learner, token };
}

describe('team API', () => {
  it('reports status, syncs on "Check now", and lists what changed for a profile until it was seen', async () => {
    const { seed, pc, learner } = await setUp();
    expect(await core.getTeamStatus({})).toMatchObject({ joined: true, state: 'up_to_date', hasCredentials: true });
    const refunds = read(seed.dir, 'articles/cs/refunds.md');
    seed.commit({ 'articles/cs/refunds.md': refunds.replace(/\n$/, '') + '\n\n新增：运费险说明。\n' }, '更新 退款 SOP');
    const r = await core.syncTeam({});
    expect(r).toMatchObject({ outcome: 'updated', pulled: 1, conflicts: [] });
    expect(read(pc.contentDir, 'articles/cs/refunds.md')).toContain('运费险');
    const changes = await core.listTeamChanges({ profileId: learner.id });
    expect(changes.changes).toHaveLength(1);
    expect(changes.changes[0]).toMatchObject({ path: 'articles/cs/refunds.md', articleId: 'cs/refunds', kind: 'changed', author: 'Server Seed', message: '更新 退款 SOP' });
    expect(changes.changes[0].diff).toContainEqual({ op: '+', text: '新增：运费险说明。' });
    await core.markTeamChangesSeen({ profileId: learner.id });
    expect((await core.listTeamChanges({ profileId: learner.id })).changes).toEqual([]);
  });

  it('keeps conflicts and joining for trainers: without a live session they are refused', async () => {
    const { seed, pc, token } = await setUp();
    write(pc.contentDir, 'articles/cs/presales.md', 'MINE\n');
    seed.commit({ 'articles/cs/presales.md': 'THEIRS\n' }, 'Theirs');
    expect((await core.syncTeam({ token })).outcome).toBe('conflict');
    const badToken = 'x'.repeat(32);
    await expect(core.getTeamConflict({ token: badToken, path: 'articles/cs/presales.md' })).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(core.resolveTeamConflict({ token: badToken, path: 'articles/cs/presales.md', choice: 'theirs' })).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(core.joinTeam({ token: badToken, url: fx.url, name: 'x', email: 'x@x', username: '', password: '', contentDir: fx.pc().contentDir })).rejects.toMatchObject({ code: 'unauthorized' });
    expect(await core.getTeamConflict({ token, path: 'articles/cs/presales.md' })).toMatchObject({ mine: 'MINE\n', theirs: 'THEIRS\n' });
    expect(await core.resolveTeamConflict({ token, path: 'articles/cs/presales.md', choice: 'theirs' })).toEqual({ waiting: 0 });
    expect((await core.syncTeam({ token })).outcome).toBe('merged');
    expect(read(pc.contentDir, 'articles/cs/presales.md')).toBe('THEIRS\n');
  });

  it('joins from the app into an empty folder; errors carry a key the UI translates', async () => {
    const { token } = await setUp();
    const target = fx.pc('joined-from-app').contentDir;
    const r = await core.joinTeam({ token, url: fx.url, name: '李老师', email: 'li@example.test', username: TRAINER.username, password: TRAINER.password, contentDir: target });
    expect(r).toEqual({ contentDir: target, switched: false });
    expect(fs.existsSync(path.join(target, 'handbook.yaml'))).toBe(true);
    const err = await core.joinTeam({ token, url: fx.url, name: 'a', email: 'a@b.c', username: 'trainer', password: 'wrong', contentDir: fx.pc().contentDir }).catch((e) => e);
    expect(err).toMatchObject({ code: 'forbidden', key: 'team.reason.auth' });
  });

  it('says "not joined" for a plain content folder', async () => {
    const pc = fx.pc();
    fs.mkdirSync(pc.contentDir, { recursive: true });
    for (const [f, body] of Object.entries(contractPackFiles())) write(pc.contentDir, f, body);
    core = await fx.openCore({ contentDir: pc.contentDir, dataDir: pc.dataDir });
    expect(await core.getTeamStatus({})).toEqual({ joined: false });
    await expect(core.syncTeam({})).rejects.toMatchObject({ key: 'team.reason.not_joined' });
  });
});
