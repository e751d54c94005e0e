import { describe, expect, it } from 'vitest';
import type { Quiz } from '../../../../electron/core/content/quizFile';
import { attemptOutcomes, firstTryPass, mistakeBook, questionMisses } from '../../../../electron/core/onboarding/quizRecords';
import type { Data } from '../../../../electron/core/store/schema';

const quiz: Quiz = {
  id: 'cs', title: '客服', titleEn: 'CS', passMark: 100, hash: 'h', draw: null, shuffleOptions: false, revealOnFail: 'wrong',
  questions: [
    { id: 'a', type: 'single', prompt: 'A', options: ['x', 'y'], answer: 1, explanation: '', source: null },
    { id: 'b', type: 'truefalse', prompt: 'B', options: [], answer: true, explanation: '', source: null },
  ],
};
const quizzes = new Map([['cs', quiz]]);
type Attempt = Data['quizAttempts'][number];
const row = (over: Partial<Attempt>): Attempt => ({
  id: over.at ?? 'x', profileId: 'p1', trackId: 't', stepId: 's', quizId: 'cs', quizHash: 'h', answers: {}, score: 0, passed: false, at: '2026-01-01T00:00:00Z', ...over,
});

describe('quiz records, read purely (for charts, recognition and the 错题本)', () => {
  it('per-question correctness: recorded for bank attempts, graded again for attempts from before', () => {
    const old = row({ answers: { a: 1, b: false }, at: '2026-01-01T00:00:00Z' });
    const drawn = row({ asked: ['b'], wrong: [], passed: true, score: 100, at: '2026-01-02T00:00:00Z' });
    expect(attemptOutcomes([drawn, old], quizzes).map((o) => o.questions)).toEqual([
      [{ questionId: 'a', correct: true }, { questionId: 'b', correct: false }],
      [{ questionId: 'b', correct: true }],
    ]);
    // An old attempt whose quiz is gone cannot be graded: left out, not guessed.
    expect(attemptOutcomes([row({ quizId: 'gone' })], quizzes)).toEqual([]);
  });

  it('first-try pass: the earliest attempt at the step decides, whatever the order of the rows', () => {
    const step = { profileId: 'p1', trackId: 't', stepId: 's' };
    expect(firstTryPass([], step)).toBeNull();
    expect(firstTryPass([row({ passed: true, at: '2026-01-02T00:00:00Z' }), row({ passed: false, at: '2026-01-01T00:00:00Z' })], step)).toBe(false);
    expect(firstTryPass([row({ passed: true, at: '2026-01-01T00:00:00Z' }), row({ passed: false, at: '2026-01-02T00:00:00Z' })], step)).toBe(true);
    expect(firstTryPass([row({ passed: true, profileId: 'p2' })], step)).toBeNull();
  });

  it('questions most often missed, across learners', () => {
    const outcomes = attemptOutcomes([
      row({ asked: ['a', 'b'], wrong: ['b'] }),
      row({ profileId: 'p2', asked: ['a', 'b'], wrong: ['a', 'b'] }),
      row({ profileId: 'p3', asked: ['b'], wrong: [] }),
    ], quizzes);
    expect(questionMisses(outcomes)).toEqual([
      { quizId: 'cs', questionId: 'b', asked: 3, missed: 2 },
      { quizId: 'cs', questionId: 'a', asked: 2, missed: 1 },
    ]);
  });

  it('the 错题本 follows the order of events: wrong, then right in practice, then wrong again', () => {
    const attempts = [row({ asked: ['a', 'b'], wrong: ['a'], at: '2026-01-01T00:00:00Z' })];
    const practice = [
      { profileId: 'p1', quizId: 'cs', questionId: 'a', correct: true, at: '2026-01-02T00:00:00Z' },
    ];
    expect(mistakeBook(attempts, practice, quizzes, 'p1')).toEqual([]);
    const later = [...attempts, row({ asked: ['a'], wrong: ['a'], at: '2026-01-03T00:00:00Z' })];
    expect(mistakeBook(later, practice, quizzes, 'p1')).toEqual([{ quizId: 'cs', questionId: 'a', trackId: 't', stepId: 's', wrongCount: 2, lastWrongAt: '2026-01-03T00:00:00Z' }]);
    // Someone else's rows never land in this book.
    expect(mistakeBook(later, practice, quizzes, 'p2')).toEqual([]);
  });
});
