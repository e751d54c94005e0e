import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, openCore, people, writePack } from '../onboarding/fixture';
import { STEP_TITLES_PACK } from '../onboarding/stepTitlesPack';

afterEach(closeAll);

describe('charts: steps most often overdue', () => {
  it('carry the step\'s own English title, else the quiz\'s, else none', async () => {
    const core = await openCore(writePack(STEP_TITLES_PACK));
    // Started long ago: every required step is overdue.
    const { tt } = await people(core, '2025-01-01');
    const charts = await core.getCharts({ token: tt });
    const byStep = Object.fromEntries(charts.overdueSteps.map((s) => [s.stepId, s]));
    expect(byStep['task-login']).toMatchObject({ title: '登录客服工作台', titleEn: 'Log in to the service desk', overdueNow: 1 });
    expect(byStep['signoff-day1']).toMatchObject({ title: '带教确认', titleEn: 'Trainer confirms day 1' });
    expect(byStep['quiz-basics']).toMatchObject({ title: '客服基础', titleEn: 'CS basics' });
    expect(byStep['quiz-again']).toMatchObject({ title: '再测一次', titleEn: 'Basics once more' });
    expect(byStep['task-solo'].title).toBe('独立接待');
    expect(byStep['task-solo']).not.toHaveProperty('titleEn');
    expect(byStep['quiz-plain']).not.toHaveProperty('titleEn');
  });
});
