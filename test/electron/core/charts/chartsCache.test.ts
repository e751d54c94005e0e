import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, openCore, people, tempDir, TRACK, writePack } from '../onboarding/fixture';

afterEach(closeAll);

/** q1 and q2 wrong: a fail. */
const FAIL = { q1: 0, q2: [1], q3: false };

describe('trainer charts kept per learner between calls', () => {
  it('follow each write: a step done, a quiz failed, a new learner, a role filter', async () => {
    const core = await openCore();
    const { learner, lt, tt } = await people(core, '2025-01-01');
    const first = await core.getCharts({ token: tt });
    expect(first.missedQuestions).toEqual([]);
    expect(first.completionByRole.find((s) => s.roleId === 'customer-service')!.percent.at(-1)).toBe(0);
    // Asking again with nothing written gives the same answer.
    const again = await core.getCharts({ token: tt });
    expect(again).toEqual(first);
    // What a caller does with an answer never reaches the sums kept for the next one.
    const overdue = structuredClone(first.overdueSteps);
    expect(overdue.length).toBeGreaterThan(0);
    again.overdueSteps.length = 0;
    expect((await core.getCharts({ token: tt })).overdueSteps).toEqual(overdue);

    await core.completeStep({ token: lt, profileId: learner.id, trackId: TRACK, stepId: 'task-login' });
    const afterStep = await core.getCharts({ token: tt });
    expect(afterStep.completionByRole.find((s) => s.roleId === 'customer-service')!.percent.at(-1)).toBe(17);
    expect(afterStep.overdueSteps.find((s) => s.stepId === 'task-login')).toMatchObject({ overdueNow: 0, doneLate: 1 });

    await core.submitQuiz({ token: lt, profileId: learner.id, trackId: TRACK, stepId: 'quiz-basics', answers: FAIL });
    expect((await core.getCharts({ token: tt })).missedQuestions.map((m) => [m.questionId, m.wrong, m.asked]).sort()).toEqual([['q1', 1, 1], ['q2', 1, 1]]);

    const other = await core.createProfile({ name: '新同学', roleId: 'customer-service', startDate: '2025-01-01' });
    const both = await core.getCharts({ token: tt });
    expect(both.completionByRole.find((s) => s.roleId === 'customer-service')!.learners.at(-1)).toBe(2);
    expect(both.overdueSteps.find((s) => s.stepId === 'read-refunds')).toMatchObject({ overdueNow: 2 });
    expect(other.id).toBeTruthy();
    expect((await core.getCharts({ token: tt, role: 'operations' })).overdueSteps).toEqual([]);
  });

  it('give the same charts after a restart, when learners are read from the records index', async () => {
    const pack = writePack();
    const data = tempDir();
    const core = await openCore(pack, data);
    const { learner, lt, tt } = await people(core, '2025-01-01');
    await core.completeStep({ token: lt, profileId: learner.id, trackId: TRACK, stepId: 'task-login' });
    await core.submitQuiz({ token: lt, profileId: learner.id, trackId: TRACK, stepId: 'quiz-basics', answers: FAIL });
    const before = await core.getCharts({ token: tt });
    const trainerId = (await core.listProfiles({})).find((p) => p.trainer)!.id;
    await core.close();

    const again = await openCore(pack, data);
    const tt2 = (await again.openEditSession({ profileId: trainerId, passphrase: 'correct horse 2468' })).token;
    expect(await again.getCharts({ token: tt2 })).toEqual(before);
    expect(before.missedQuestions).toHaveLength(2);
  });
});
