import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ALL_RIGHT, closeAll, openCore, own, PACK, PASSPHRASE, people, tempDir, TRACK, writePack } from './fixture';

afterEach(closeAll);

describe('dashboard index (rows kept per learner, recomputed when that learner changes)', () => {
  it('after every kind of change, the kept rows equal rows computed from scratch on a fresh start', async () => {
    const content = writePack();
    const dataDir = tempDir();
    const core = await openCore(content, dataDir);
    const { learner, trainer, lt, tt } = await people(core);
    const other = await core.createProfile({ name: 'Anna', roleId: 'customer-service', startDate: '2026-03-09' });
    const ot = await own(core, other.id);
    const first = await core.getDashboard({ token: tt });
    expect(first.rows.map((r) => r.profileId)).toEqual([learner.id, other.id]);

    await core.completeStep({ token: lt, profileId: learner.id, trackId: TRACK, stepId: 'task-login' });
    await core.submitQuiz({ token: ot, profileId: other.id, trackId: TRACK, stepId: 'quiz-basics', answers: { q1: 0 } });
    await core.submitQuiz({ token: ot, profileId: other.id, trackId: TRACK, stepId: 'quiz-basics', answers: ALL_RIGHT });
    await core.requestSignoff({ token: lt, profileId: learner.id, trackId: TRACK, stepId: 'signoff-day1' });
    expect((await core.getDashboard({ token: tt })).rows[0].pendingSignoffs).toHaveLength(1);
    await core.signOff({ token: tt, profileId: learner.id, trackId: TRACK, stepId: 'signoff-day1' });
    await core.uncompleteStep({ token: lt, profileId: learner.id, trackId: TRACK, stepId: 'task-login' });
    await core.completeStep({ token: lt, profileId: learner.id, trackId: TRACK, stepId: 'read-refunds' });
    const kept = await core.getDashboard({ token: tt });
    expect(kept.rows[0]).toMatchObject({ done: 2, pendingSignoffs: [] });
    expect(kept.rows[1].quizzes[0]).toMatchObject({ attempts: 2, bestScore: 100, passed: true });

    // An edited article asks for a re-read: a new pack, so its rows are computed anew (tests run without the watcher: the next start reads it).
    fs.writeFileSync(path.join(content, 'articles/cs/refunds.md'), PACK['articles/cs/refunds.md'] + '\n补充：先安抚情绪。\n');
    await core.close();

    const fresh = await openCore(content, dataDir);
    const ftt = (await fresh.openEditSession({ profileId: trainer.id, passphrase: PASSPHRASE })).token;
    const scratch = await fresh.getDashboard({ token: ftt });
    expect(scratch.rows.find((r) => r.profileId === learner.id)!.needsReread).toEqual([{ stepId: 'read-refunds', articleId: 'cs/refunds', title: '退款处理' }]);
    await fresh.completeStep({ token: await own(fresh, learner.id), profileId: learner.id, trackId: TRACK, stepId: 'read-refunds' });
    const again = await fresh.getDashboard({ token: ftt });
    expect(again.rows.find((r) => r.profileId === learner.id)!.needsReread).toEqual([]);
    expect(again.rows.find((r) => r.profileId === other.id)).toEqual(scratch.rows.find((r) => r.profileId === other.id));
    await fresh.close();

    const third = await openCore(content, dataDir);
    const ttt = (await third.openEditSession({ profileId: trainer.id, passphrase: PASSPHRASE })).token;
    expect(await third.getDashboard({ token: ttt })).toEqual(again);
  });
});
