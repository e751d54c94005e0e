import { afterEach, describe, expect, it } from 'vitest';
import { failedSearchesByWeek, weeksUpTo } from '../../../../electron/core/charts/charts';
import { noteSearch } from '../../../../electron/core/health/failedSearches';
import { openStore } from '../../../../electron/core/store/store';
import { ALL_RIGHT, closeAll, openCore, people, tempDir, TRACK } from '../onboarding/fixture';

afterEach(closeAll);

/** q1 wrong, the rest right: 2 of 3 = 67 %, a pass (pass mark 67). */
const WRONG_Q1 = { q1: 0, q2: [0, 2], q3: false };
/** q1 and q2 wrong: a fail. */
const FAIL = { q1: 0, q2: [1], q3: false };

describe('trainer charts', () => {
  it('weeks run Monday to Sunday, oldest first, this week last', () => {
    // 2026-12-02 is a Wednesday.
    expect(weeksUpTo('2026-12-02', 4)).toEqual(['2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30']);
    expect(weeksUpTo('2026-11-30', 1)).toEqual(['2026-11-30']);
    expect(weeksUpTo('2026-12-06', 1)).toEqual(['2026-11-30']);
  });

  it('counts overdue steps, missed questions and completion by role from real records', async () => {
    const core = await openCore();
    // Started long ago: every phase is past its due date.
    const { learner, lt, tt } = await people(core, '2025-01-01');
    const late = await core.createProfile({ name: '迟到的', roleId: 'customer-service', startDate: '2025-01-01' });
    const lt2 = (await core.openProfileSession({ profileId: late.id })).token;
    await core.completeStep({ token: lt, profileId: learner.id, trackId: TRACK, stepId: 'task-login' });
    await core.submitQuiz({ token: lt, profileId: learner.id, trackId: TRACK, stepId: 'quiz-basics', answers: FAIL });
    await core.submitQuiz({ token: lt2, profileId: late.id, trackId: TRACK, stepId: 'quiz-basics', answers: WRONG_Q1 });
    await core.submitQuiz({ token: lt2, profileId: late.id, trackId: TRACK, stepId: 'quiz-basics', answers: ALL_RIGHT });

    const charts = await core.getCharts({ token: tt });
    expect(charts.weeks).toHaveLength(12);
    // Three attempts: q1 wrong in two, q2 in one; q3 never.
    expect(charts.missedQuestions).toEqual([
      { quizId: 'cs-basics', questionId: 'q1', prompt: '首次响应时限？', wrong: 2, asked: 3 },
      { quizId: 'cs-basics', questionId: 'q2', prompt: '哪些是禁止的？', wrong: 1, asked: 3 },
    ]);
    // The login task was done late by one learner and is overdue for the other; the quiz step was
    // passed late by one; reading the refunds SOP is overdue for both.
    const byStep = Object.fromEntries(charts.overdueSteps.map((s) => [s.stepId, s]));
    expect(byStep['task-login']).toMatchObject({ overdueNow: 1, doneLate: 1 });
    expect(byStep['read-refunds']).toMatchObject({ overdueNow: 2, doneLate: 0 });
    expect(byStep['quiz-basics']).toMatchObject({ overdueNow: 1, doneLate: 1, title: '客服基础' });
    expect(byStep['task-shadow']).toBeUndefined(); // optional steps are never "overdue"
    // One of six required steps each (the login; the quiz) by this week's end: 1/6 = 17 % on average.
    const cs = charts.completionByRole.find((s) => s.roleId === 'customer-service')!;
    expect(cs.learners.at(-1)).toBe(2);
    expect(cs.percent.at(-1)).toBe(17);
    // Before anything was done that week-end, 0 %, still with both learners (they had started).
    expect(cs.percent[0]).toBe(0);

    // Only a trainer; a role filter keeps other roles' learners out.
    await expect(core.getCharts({ token: lt })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await core.getCharts({ token: tt, role: 'operations' })).completionByRole).toEqual([]);
    await expect(core.getCharts({ token: tt, weeks: 2 })).rejects.toMatchObject({ code: 'bad_request' });
  });

  it('counts searches that found nothing per week, from the failed-search records on disk', async () => {
    const dataDir = tempDir();
    const store = await openStore(dataDir);
    try {
      const mon = new Date(2026, 10, 23, 10); // Monday 23 Nov 2026, local time
      await noteSearch(store, { query: '发票抬头' }, { total: 0 }, mon);
      await noteSearch(store, { query: '发票抬头' }, { total: 0 }, new Date(mon.getTime() + 60_000));
      await noteSearch(store, { query: '直播话术' }, { total: 0 }, new Date(2026, 10, 30, 9));
      // Typed as you go: "直播" then "直播话术" within seconds is one search, not two.
      await noteSearch(store, { query: '退货' }, { total: 0 }, new Date(2026, 11, 1, 9, 0, 0));
      await noteSearch(store, { query: '退货地址' }, { total: 0 }, new Date(2026, 11, 1, 9, 0, 3));
      const rows = store.shared.failedSearches;
      expect(rows.find((r) => r.query === '发票抬头')!.weeks).toEqual({ '2026-11-23': 2 });
      expect(rows.find((r) => r.query === '退货')).toBeUndefined();
      const weeks = failedSearchesByWeek(rows, ['2026-11-16', '2026-11-23', '2026-11-30']);
      expect(weeks).toEqual([
        { week: '2026-11-16', searches: 0, queries: 0, top: null },
        { week: '2026-11-23', searches: 2, queries: 1, top: '发票抬头' },
        { week: '2026-11-30', searches: 2, queries: 2, top: '直播话术' },
      ]);
      // A row from before weekly counts counts in the week it was last seen.
      expect(failedSearchesByWeek([{ query: 'old', count: 5, firstAt: '2026-01-01T00:00:00Z', lastAt: new Date(2026, 10, 24, 12).toISOString() }], ['2026-11-23'])).toEqual([{ week: '2026-11-23', searches: 5, queries: 1, top: 'old' }]);
    } finally {
      await store.close();
    }
  });
});
