import { afterEach, describe, expect, it, vi } from 'vitest';
import { ALL_RIGHT, closeAll, openCore, people, TRACK } from './fixture';

afterEach(async () => {
  vi.useRealTimers();
  await closeAll();
});
/** Noon local time on a given day: far from any midnight. */
const at = (day: string) => vi.useFakeTimers({ toFake: ['Date'], now: new Date(`${day}T12:00:00`) });

describe('progress rules', () => {
  it('loads the fixture pack without problems', async () => {
    const core = await openCore();
    expect(core.pack().problems).toEqual([]);
  });

  it('summarises the role track with due dates per phase from the start date', async () => {
    at('2026-03-02');
    const core = await openCore();
    const { learner, lt } = await people(core, '2026-03-02');
    const p = await core.getProgress({ token: lt, profileId: learner.id });
    expect(p.today).toBe('2026-03-02');
    expect(p.completed).toEqual([]);
    expect(p.tracks.map((t) => t.trackId)).toEqual([TRACK]);
    const [t] = p.tracks;
    expect(t.phases.map((ph) => [ph.id, ph.dueDate])).toEqual([['day1', '2026-03-02'], ['week1', '2026-03-08'], ['month1', '2026-03-31']]);
    // Optional steps are not counted: 4 + 1 + 1 required.
    expect(t).toMatchObject({ percent: 0, done: 0, total: 6, complete: false, overdueSteps: 0 });
    expect(t.phases[0]).toMatchObject({ dueSoon: true, overdue: false });
    expect(t.next.map((n) => n.stepId)).toEqual(['read-refunds', 'task-login', 'quiz-basics', 'signoff-day1', 'read-presales']);
  });

  it('marks a phase overdue the day after its due date, not on it', async () => {
    const core = await openCore();
    const { learner, lt } = await people(core, '2026-03-02');
    at('2026-03-08');
    let t = (await core.getProgress({ token: lt, profileId: learner.id })).tracks[0];
    expect(t.phases[0].overdue).toBe(true);
    expect(t.phases[1]).toMatchObject({ overdue: false, dueSoon: true });
    expect(t.overdueSteps).toBe(4);
    at('2026-03-09');
    t = (await core.getProgress({ token: lt, profileId: learner.id })).tracks[0];
    expect(t.phases[1].overdue).toBe(true);
    expect(t.overdueSteps).toBe(5); // the optional step in week 1 is never overdue
    expect(t.next[0]).toMatchObject({ overdue: true });
  });

  it('ticks and un-ticks tasks; percent counts required steps only', async () => {
    const core = await openCore();
    const { learner, lt } = await people(core);
    const ref = { token: lt, profileId: learner.id, trackId: TRACK };
    await core.completeStep({ ...ref, stepId: 'task-shadow' });
    let t = (await core.getProgress({ token: lt, profileId: learner.id })).tracks[0];
    expect(t.done).toBe(0);
    await core.completeStep({ ...ref, stepId: 'task-login' });
    t = (await core.getProgress({ token: lt, profileId: learner.id })).tracks[0];
    expect(t).toMatchObject({ done: 1, total: 6, percent: 16 });
    const after = await core.uncompleteStep({ ...ref, stepId: 'task-login' });
    expect(after.completed.map((c) => c.stepId)).toEqual(['task-shadow']);
    expect(after.tracks[0].done).toBe(0);
  });

  it('refuses to tick quizzes and sign-offs directly, and to un-tick them', async () => {
    const core = await openCore();
    const { learner, lt } = await people(core);
    const ref = { token: lt, profileId: learner.id, trackId: TRACK };
    await expect(core.completeStep({ ...ref, stepId: 'quiz-basics' })).rejects.toMatchObject({ code: 'bad_request' });
    await expect(core.completeStep({ ...ref, stepId: 'signoff-day1' })).rejects.toMatchObject({ code: 'bad_request' });
    await expect(core.uncompleteStep({ ...ref, stepId: 'quiz-basics' })).rejects.toMatchObject({ code: 'bad_request' });
    await expect(core.completeStep({ ...ref, stepId: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(core.uncompleteStep({ ...ref, trackId: 'nope', stepId: 'task-login' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('completes the track when every required step is done, optional ones aside', async () => {
    const core = await openCore();
    const { learner, trainer, lt, tt } = await people(core);
    const ref = { token: lt, profileId: learner.id, trackId: TRACK };
    for (const stepId of ['read-refunds', 'task-login', 'read-presales', 'task-solo']) await core.completeStep({ ...ref, stepId });
    await core.submitQuiz({ ...ref, stepId: 'quiz-basics', answers: ALL_RIGHT });
    let t = (await core.getProgress({ token: lt, profileId: learner.id })).tracks[0];
    expect(t).toMatchObject({ percent: 83, complete: false, completedAt: null });
    await core.signOff({ ...ref, stepId: 'signoff-day1', token: tt });
    t = (await core.getProgress({ token: lt, profileId: learner.id })).tracks[0];
    expect(t).toMatchObject({ percent: 100, complete: true });
    expect(t.completedAt).toBe(t.phases[0].steps[3].completedAt);
    expect(t.next.map((n) => n.stepId)).toEqual(['task-shadow']);
  });

  it('keeps each learner to their own facts, and their own records to them', async () => {
    const core = await openCore();
    const { learner, lt } = await people(core);
    const other = await core.createProfile({ name: 'Amy', roleId: 'customer-service' });
    const ot = (await core.openProfileSession({ profileId: other.id })).token;
    await core.completeStep({ token: lt, profileId: learner.id, trackId: TRACK, stepId: 'task-login' });
    expect((await core.getProgress({ token: ot, profileId: other.id })).tracks[0].done).toBe(0);
    await expect(core.getProgress({ token: ot, profileId: learner.id })).rejects.toMatchObject({ code: 'forbidden', key: 'notYourRecords' });
    await expect(core.completeStep({ token: ot, profileId: learner.id, trackId: TRACK, stepId: 'task-solo' })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
