import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, openCore, people, TRACK, writePack } from './fixture';
import { STEP_TITLES_PACK } from './stepTitlesPack';

afterEach(closeAll);

/** Every step's English title by id, absent ones as null. */
const titlesEn = (steps: Array<{ id?: string; stepId?: string; titleEn?: string }>) => Object.fromEntries(steps.map((s) => [s.id ?? s.stepId, s.titleEn ?? null]));

describe('progress: a step\'s English title', () => {
  it('is the step\'s own title_en, else its quiz\'s, else absent; Home\'s next steps carry the same', async () => {
    const core = await openCore(writePack(STEP_TITLES_PACK));
    const { learner, lt } = await people(core, '2025-01-01');
    const progress = await core.getProgress({ token: lt, profileId: learner.id });
    const track = progress.tracks.find((t) => t.trackId === TRACK)!;
    const steps = track.phases.flatMap((p) => p.steps);
    expect(titlesEn(steps)).toEqual({
      'read-refunds': 'Refunds SOP', // own, over the article (which has no English title)
      'task-login': 'Log in to the service desk',
      'quiz-basics': 'CS basics', // the quiz's
      'signoff-day1': 'Trainer confirms day 1',
      'read-presales': null,
      'task-shadow': null,
      'quiz-again': 'Basics once more', // own, over the quiz's
      'quiz-plain': null, // its quiz has no title_en: not its Chinese title again
      'task-solo': null,
    });
    // Chinese titles stay as they were.
    expect(Object.fromEntries(steps.map((s) => [s.id, s.title]))).toMatchObject({ 'quiz-basics': '客服基础', 'quiz-again': '再测一次', 'quiz-plain': '只有中文', 'read-refunds': '退款处理' });
    expect(track.next.length).toBeGreaterThan(0);
    for (const n of track.next) expect(n.titleEn ?? null).toBe(titlesEn(steps)[n.stepId]);
    expect(track.next.map((n) => n.stepId)).toContain('task-login');
  });

  it('is on the trainer\'s dashboard rows: overdue steps, quizzes and pending sign-offs', async () => {
    const core = await openCore(writePack(STEP_TITLES_PACK));
    const { learner, lt, tt } = await people(core, '2025-01-01');
    await core.requestSignoff({ token: lt, profileId: learner.id, trackId: TRACK, stepId: 'signoff-day1' });
    const row = (await core.getDashboard({ token: tt })).rows.find((r) => r.profileId === learner.id && r.trackId === TRACK)!;
    expect(titlesEn(row.overdue)).toMatchObject({ 'task-login': 'Log in to the service desk', 'read-presales': null, 'quiz-basics': 'CS basics' });
    expect(titlesEn(row.quizzes)).toEqual({ 'quiz-basics': 'CS basics', 'quiz-again': 'Basics once more', 'quiz-plain': null });
    expect(row.pendingSignoffs).toEqual([{ stepId: 'signoff-day1', title: '带教确认', titleEn: 'Trainer confirms day 1', requestedAt: expect.any(String) }]);
  });
});
