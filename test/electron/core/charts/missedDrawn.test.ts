import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, openCore, people } from '../onboarding/fixture';
import { answersFor, attempt, bankPack, STEP } from '../quizbank/bankFixture';

afterEach(closeAll);

describe('questions most often missed, with a quiz that draws 3 of its 6 questions', () => {
  it('counts a question as asked only in the attempts that drew it', async () => {
    const core = await openCore(bankPack('draw: 3\nshuffle_options: true\nreveal_on_fail: wrong'));
    const { learner, lt, tt } = await people(core, '2025-01-01');
    const asked = new Map<string, number>();
    const wrong = new Map<string, number>();
    const take = async (right: (id: string, i: number) => boolean) => {
      const view = await attempt(core, lt, learner.id);
      view.quiz.questions.forEach((q, i) => {
        asked.set(q.id, (asked.get(q.id) ?? 0) + 1);
        if (!right(q.id, i)) wrong.set(q.id, (wrong.get(q.id) ?? 0) + 1);
      });
      const ids = view.quiz.questions.map((q) => q.id);
      await core.submitQuiz({ token: lt, profileId: learner.id, ...STEP, attemptId: view.attemptId, answers: answersFor(view, (id) => right(id, ids.indexOf(id))) });
    };
    await take(() => false); // all three wrong
    await take((_, i) => i > 0); // the first one drawn wrong
    await take(() => true);

    const missed = (await core.getCharts({ token: tt })).missedQuestions;
    // Three attempts of three questions: nine asked in all, not eighteen (the whole bank each time).
    expect([...asked.values()].reduce((a, b) => a + b, 0)).toBe(9);
    const expected = [...wrong].map(([questionId, n]) => ({ quizId: 'bank', questionId, wrong: n, asked: asked.get(questionId)! }));
    expect(missed.map(({ prompt: _, ...m }) => m).sort((a, b) => a.questionId.localeCompare(b.questionId)))
      .toEqual(expected.sort((a, b) => a.questionId.localeCompare(b.questionId)));
    // A question no attempt drew is not in the chart at all.
    for (const id of ['b1', 'b2', 'b3', 'b4', 'b5', 'b6'].filter((x) => !asked.has(x))) expect(missed.some((m) => m.questionId === id)).toBe(false);
    expect(missed.every((m) => m.prompt === `第 ${m.questionId.slice(1)} 题？`)).toBe(true);
  });
});
