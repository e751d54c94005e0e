import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, openCore, people, tempDir } from '../onboarding/fixture';
import { answersFor, attempt, bankPack, rightText, STEP } from './bankFixture';

afterEach(closeAll);

describe('drawn attempts (the core draws, the learner cannot choose)', () => {
  it('asks 3 of the 6 questions, the same until submitted, with options in a shown order graded by position', async () => {
    const core = await openCore(bankPack());
    const { learner, lt } = await people(core);
    const first = await attempt(core, lt, learner.id);
    expect(first).toMatchObject({ attempt: 1, bankSize: 6, shuffled: true, revealOnFail: 'wrong' });
    expect(first.quiz.questions).toHaveLength(3);
    expect(JSON.stringify(first)).not.toMatch(/answer|explanation|解释/);
    // Asking again (a reload, another tab) gives the very same draw: no re-rolling for easier questions.
    expect(await attempt(core, lt, learner.id)).toEqual(first);
    // The bank is not listed by getQuiz either.
    expect((await core.getQuiz({ quizId: 'bank' })).questions).toEqual([]);

    const r = await core.submitQuiz({ token: lt, profileId: learner.id, ...STEP, attemptId: first.attemptId, answers: answersFor(first, () => true) });
    expect(r).toMatchObject({ score: 100, passed: true, total: 3, attempt: 1, revealed: 'all' });
    // A pass shows everything, in the positions the learner saw.
    for (const q of r.questions) {
      const shown = first.quiz.questions.find((x) => x.id === q.id)!;
      expect(shown.options[q.correctAnswer as number]).toBe(rightText(q.id));
      expect(q.explanation).toBe('解释' + q.id);
    }
    const second = await attempt(core, lt, learner.id);
    expect(second.attempt).toBe(2);
    expect(second.attemptId).not.toBe(first.attemptId);
  });

  it('refuses a submit without the attempt, a replayed attempt, and ignores answers to questions not drawn', async () => {
    const core = await openCore(bankPack());
    const { learner, lt } = await people(core);
    const view = await attempt(core, lt, learner.id);
    const drawn = new Set(view.quiz.questions.map((q) => q.id));
    const notDrawn = ['b1', 'b2', 'b3', 'b4', 'b5', 'b6'].filter((id) => !drawn.has(id));
    await expect(core.submitQuiz({ token: lt, profileId: learner.id, ...STEP, answers: {} })).rejects.toMatchObject({ code: 'bad_request', key: 'quizAttemptRequired' });
    await expect(core.submitQuiz({ token: lt, profileId: learner.id, ...STEP, attemptId: '1-0000000000000000', answers: {} })).rejects.toMatchObject({ code: 'conflict', key: 'quizAttemptStale' });
    // Answering the questions the learner would rather have had (right, from the file) scores nothing.
    const picked = Object.fromEntries(notDrawn.map((id) => [id, 0]));
    const r = await core.submitQuiz({ token: lt, profileId: learner.id, ...STEP, attemptId: view.attemptId, answers: picked });
    expect(r).toMatchObject({ score: 0, correct: 0, total: 3, passed: false });
    expect(r.questions.map((q) => q.id).sort()).toEqual([...drawn].sort());
    await expect(core.submitQuiz({ token: lt, profileId: learner.id, ...STEP, attemptId: view.attemptId, answers: answersFor(view, () => true) }))
      .rejects.toMatchObject({ code: 'conflict', key: 'quizAttemptStale' });
    expect((await core.getProgress({ token: lt, profileId: learner.id })).tracks[0]).toBeDefined();
  });

  it('keeps the draw across a restart (the key is in the data folder) and for another learner draws apart', async () => {
    const pack = bankPack('draw: 2\nshuffle_options: true');
    const data = tempDir();
    const core = await openCore(pack, data);
    const { learner, lt } = await people(core);
    const before = await attempt(core, lt, learner.id);
    await core.close();
    const again = await openCore(pack, data);
    const lt2 = (await again.openProfileSession({ profileId: learner.id })).token;
    expect(await attempt(again, lt2, learner.id)).toEqual(before);
    // Many learners: the draws are not all the same (the key and the learner seed it).
    const seen = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const p = await again.createProfile({ name: `学员${i}`, roleId: 'customer-service' });
      const t = (await again.openProfileSession({ profileId: p.id })).token;
      seen.add((await attempt(again, t, p.id)).quiz.questions.map((q) => q.id + q.options.join()).join('|'));
    }
    expect(seen.size).toBeGreaterThan(1);
  });
});

describe('what a failed attempt reveals (reveal_on_fail)', () => {
  const fail = async (setting: string) => {
    const core = await openCore(bankPack(`draw: 3\n${setting}`));
    const { learner, lt } = await people(core);
    const view = await attempt(core, lt, learner.id);
    const firstId = view.quiz.questions[0].id;
    return core.submitQuiz({ token: lt, profileId: learner.id, ...STEP, attemptId: view.attemptId, answers: answersFor(view, (id) => id === firstId) });
  };

  it('none: the score only', async () => {
    const r = await fail('reveal_on_fail: none');
    expect(r).toMatchObject({ passed: false, correct: 1, total: 3, revealed: 'none', questions: [] });
  });

  it('wrong: which were wrong and where to reread, no explanation, no right answer', async () => {
    const r = await fail('reveal_on_fail: wrong');
    expect(r.revealed).toBe('wrong');
    expect(r.questions.map((q) => q.correct)).toEqual([true, false, false]);
    for (const q of r.questions) {
      expect(q).toMatchObject({ correctAnswer: null, explanation: '' });
      expect(q.source).toMatchObject({ articleId: 'cs/refunds', anchor: '处理步骤' });
    }
  });

  it('explain (the default, as before): explanations, no right answer', async () => {
    const r = await fail('');
    expect(r.revealed).toBe('explain');
    expect(r.questions.every((q) => q.correctAnswer === null && q.explanation.startsWith('解释'))).toBe(true);
  });

  it('answers: the right answers and explanations', async () => {
    const r = await fail('reveal_on_fail: answers');
    expect(r.questions.every((q) => q.correctAnswer !== null && q.explanation.startsWith('解释'))).toBe(true);
  });
});
