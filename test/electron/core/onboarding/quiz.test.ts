import { afterEach, describe, expect, it } from 'vitest';
import { isCorrect, scoreQuiz } from '../../../../electron/core/onboarding/quizPlay';
import type { Quiz } from '../../../../electron/core/content/quizFile';
import { ALL_RIGHT, closeAll, openCore, people, TRACK } from './fixture';

afterEach(closeAll);

const quiz: Quiz = {
  id: 'q', title: 'q', titleEn: 'q', passMark: 67, hash: 'h', draw: null, shuffleOptions: false, revealOnFail: 'explain',
  questions: [
    { id: 'single', type: 'single', prompt: 'p', options: ['a', 'b', 'c'], answer: 1, explanation: '', source: null },
    { id: 'multi', type: 'multiple', prompt: 'p', options: ['a', 'b', 'c'], answer: [0, 2], explanation: '', source: null },
    { id: 'tf', type: 'truefalse', prompt: 'p', options: [], answer: false, explanation: '', source: null },
  ],
};
const [single, multi, tf] = quiz.questions;

describe('quiz scoring', () => {
  it('single choice: only the right index', () => {
    expect(isCorrect(single, 1)).toBe(true);
    expect(isCorrect(single, 0)).toBe(false);
    expect(isCorrect(single, [1])).toBe(false);
    expect(isCorrect(single, true)).toBe(false);
    expect(isCorrect(single, undefined)).toBe(false);
  });

  it('multiple choice: exactly the right set, in any order; partial or extra is wrong', () => {
    expect(isCorrect(multi, [0, 2])).toBe(true);
    expect(isCorrect(multi, [2, 0, 2])).toBe(true);
    expect(isCorrect(multi, [0])).toBe(false);
    expect(isCorrect(multi, [0, 1, 2])).toBe(false);
    expect(isCorrect(multi, [])).toBe(false);
    expect(isCorrect(multi, 0)).toBe(false);
  });

  it('true/false: a boolean, not a truthy number', () => {
    expect(isCorrect(tf, false)).toBe(true);
    expect(isCorrect(tf, true)).toBe(false);
    expect(isCorrect(tf, 0)).toBe(false);
  });

  it('passes when the shown whole-percent score reaches the pass mark; unanswered counts as wrong', () => {
    expect(scoreQuiz(quiz, { single: 1, multi: [0, 2], tf: false })).toMatchObject({ correct: 3, score: 100, passed: true });
    expect(scoreQuiz(quiz, { single: 1, multi: [0, 2] })).toMatchObject({ correct: 2, score: 67, passed: true });
    expect(scoreQuiz({ ...quiz, passMark: 67.5 }, { single: 1, multi: [0, 2] })).toMatchObject({ score: 67, passed: false });
    expect(scoreQuiz(quiz, { single: 1 })).toMatchObject({ correct: 1, score: 33, passed: false, perQuestion: [true, false, false] });
  });
});

describe('quiz player', () => {
  it('serves a quiz without answers or explanations, with source links', async () => {
    const core = await openCore();
    const view = await core.getQuiz({ quizId: 'cs-basics' });
    expect(view.questions.map((q) => q.type)).toEqual(['single', 'multiple', 'truefalse']);
    const text = JSON.stringify(view);
    expect(text).not.toMatch(/answer|explanation|15 秒内/);
    expect(view.questions[0].source).toEqual({ articleId: 'cs/presales', anchor: '响应时限', title: '售前接待', heading: '响应时限' });
    await expect(core.getQuiz({ quizId: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('records every attempt, keeps the best score, completes the step on the first pass', async () => {
    const core = await openCore();
    const { learner, lt } = await people(core);
    const ref = { token: lt, profileId: learner.id, trackId: TRACK, stepId: 'quiz-basics' };
    const fail = await core.submitQuiz({ ...ref, answers: { q1: 1, q2: [0], q3: true } });
    expect(fail).toMatchObject({ score: 33, passed: false, attempt: 1, bestScore: 33, stepCompleted: false, correct: 1, total: 3 });
    expect(fail.questions.map((q) => q.correct)).toEqual([true, false, false]);
    expect(fail.questions[1]).toMatchObject({ given: [0], correctAnswer: null, explanation: '绝对化用语与站外导流都禁止。' });
    expect(fail.questions[2].source).toMatchObject({ articleId: 'cs/refunds', anchor: '处理步骤' });

    const pass = await core.submitQuiz({ ...ref, answers: ALL_RIGHT });
    expect(pass).toMatchObject({ score: 100, passed: true, attempt: 2, bestScore: 100, stepCompleted: true });
    expect(pass.questions[1].correctAnswer).toEqual([0, 2]);
    const doneAt = (await core.getProgress({ token: lt, profileId: learner.id })).completed.find((c) => c.stepId === 'quiz-basics')!.completedAt;

    const worse = await core.submitQuiz({ ...ref, answers: {} });
    expect(worse).toMatchObject({ score: 0, passed: false, attempt: 3, bestScore: 100, stepCompleted: true });
    const p = await core.getProgress({ token: lt, profileId: learner.id });
    expect(p.completed.find((c) => c.stepId === 'quiz-basics')!.completedAt).toBe(doneAt);
    expect(p.tracks[0].phases[0].steps[2].quiz).toEqual({ attempts: 3, bestScore: 100, passed: true });
  });

  it('refuses a quiz on a step that is not a quiz, and bad answer shapes', async () => {
    const core = await openCore();
    const { learner, lt } = await people(core);
    await expect(core.submitQuiz({ token: lt, profileId: learner.id, trackId: TRACK, stepId: 'task-login', answers: {} })).rejects.toMatchObject({ code: 'bad_request' });
    await expect(core.submitQuiz({ token: lt, profileId: learner.id, trackId: TRACK, stepId: 'quiz-basics', answers: { q1: 'b' as any } })).rejects.toMatchObject({ code: 'bad_request' });
  });
});
