import { describe, expect, it } from 'vitest';
import type { Core } from '../../../../electron/core/index.js';
import { git } from '../../../support/gitServer.js';
import { LEARNER, read, TRAINER, useTeamFixture } from './teamFixture.js';

/** Saves become commits by the trainer; "Publish" pushes them, to the team branch or for review. */
const fx = useTeamFixture();

async function setUp(creds = TRAINER) {
  const { seed, pc, core, token } = await fx.trainerPc({ name: '李老师', email: 'li.laoshi@example.test' }, { credentials: creds });
  return { seed, pc, token, c: core };
}

const localLog = (dir: string) => git(dir, 'log', '--format=%an|%s', 'main').trim().split('\n');
const serverHas = (ref: string) => git(fx.server.repoDir('real'), 'for-each-ref', '--format=%(refname)', ref).trim();
const serverLog = (ref: string) => git(fx.server.repoDir('real'), 'log', '-1', '--format=%an|%s', ref).trim();

async function saveRefunds(c: Core, token: string, text: string) {
  const src = await c.getArticleSource({ token, id: 'cs/refunds' });
  return c.saveArticle({ token, id: 'cs/refunds', baseHash: src.hash, fields: {}, body: `# 退款流程\n\n${text}\n` });
}

describe('saves in a team checkout', () => {
  it('commit each save by the trainer in the pack language, and publish only on "Publish" (auto-publish off by default)', async () => {
    const { pc, token, c } = await setUp();
    expect(await c.getTeamPublishing({})).toMatchObject({ joined: true, autoPublish: false, review: false, unpublished: 0 });
    await saveRefunds(c, token, '七天内退款。');
    await expect.poll(() => localLog(pc.contentDir)[0], { timeout: 5000 }).toBe('李老师|更新 退款流程');
    expect(git(pc.contentDir, 'status', '--porcelain')).toBe('');
    expect(serverLog('main')).not.toContain('退款流程');
    expect(await c.getTeamPublishing({})).toMatchObject({ unpublished: 1 });
    expect(await c.publishTeam({ token })).toEqual({ outcome: 'published', branch: 'main', pulled: 0, conflicts: [] });
    expect(serverLog('main')).toBe('李老师|更新 退款流程');
    expect(await c.getTeamPublishing({})).toMatchObject({ unpublished: 0 });
    expect(await c.publishTeam({ token })).toMatchObject({ outcome: 'nothing' });
  });

  it('publish after every save when auto-publish is on, merging what the server has meanwhile', async () => {
    const { seed, token, c } = await setUp();
    await c.setTeamPublishing({ token, autoPublish: true, review: false });
    seed.commit({ 'articles/cs/presales.md': read(seed.dir, 'articles/cs/presales.md') + '\n另一位老师的修改。\n' }, 'Other trainer');
    await saveRefunds(c, token, '三天内退款。');
    await expect.poll(() => serverLog('main'), { timeout: 8000 }).toMatch(/^李老师\|Merge/);
    expect(git(fx.server.repoDir('real'), 'show', 'main:articles/cs/refunds.md')).toContain('三天内退款');
    expect(git(fx.server.repoDir('real'), 'show', 'main:articles/cs/presales.md')).toContain('另一位老师的修改');
  });

  it('with review on, publish to review/<name> and leave the team branch alone, also on a later sync', async () => {
    const { token, c } = await setUp();
    const mainBefore = git(fx.server.repoDir('real'), 'rev-parse', 'main').trim();
    expect(await c.setTeamPublishing({ token, autoPublish: false, review: true })).toMatchObject({ review: true, reviewBranch: 'review/li-laoshi' });
    await saveRefunds(c, token, '审核后发布。');
    await expect.poll(async () => (await c.getTeamPublishing({})).unpublished, { timeout: 5000 }).toBe(1);
    expect(await c.publishTeam({ token })).toMatchObject({ outcome: 'published', branch: 'review/li-laoshi' });
    expect(serverHas('refs/heads/review/li-laoshi')).toBe('refs/heads/review/li-laoshi');
    expect(serverLog('review/li-laoshi')).toBe('李老师|更新 退款流程');
    await c.syncTeam({});
    expect(git(fx.server.repoDir('real'), 'rev-parse', 'main').trim()).toBe(mainBefore);
    // Still waiting for a reviewer: the team branch does not have it.
    expect(await c.getTeamPublishing({})).toMatchObject({ unpublished: 1 });
  });

  it('refuses publishing and its settings without a trainer session, and says when the server refuses the push', async () => {
    const { token, c } = await setUp(LEARNER);
    const bad = 'x'.repeat(32);
    await expect(c.publishTeam({ token: bad })).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(c.setTeamPublishing({ token: bad, autoPublish: true, review: false })).rejects.toMatchObject({ code: 'unauthorized' });
    await saveRefunds(c, token, '学习者账号的修改。');
    await expect.poll(async () => (await c.getTeamPublishing({})).unpublished, { timeout: 5000 }).toBe(1);
    expect(await c.publishTeam({ token })).toMatchObject({ outcome: 'refused', branch: 'main' });
    expect(serverLog('main')).not.toContain('退款流程');
  });
});
