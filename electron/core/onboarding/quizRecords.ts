import type { Question, Quiz } from '../content/quizFile.js';
import type { Data } from '../store/schema.js';

/*
 * Pure readings of the quiz records, for the 错题本, charts ("questions most often missed") and
 * recognition (more points for a first-try pass). They take rows and quizzes, never the store.
 */

type Attempt = Data['quizAttempts'][number];
type Practice = Data['quizPractice'][number];
export interface StepKey { profileId: string; trackId: string; stepId: string }

/** Exact match only: a multiple-choice answer with one option missing or extra is wrong. */
export function isCorrect(q: Question, given: number | number[] | boolean | undefined): boolean {
  if (given === undefined) return false;
  if (q.type === 'truefalse') return given === q.answer;
  if (q.type === 'single') return typeof given === 'number' && given === q.answer;
  if (!Array.isArray(given)) return false;
  const want = q.answer as number[];
  const got = [...new Set(given)].sort((a, b) => a - b);
  return got.length === want.length && got.every((n, i) => n === want[i]);
}

export interface AttemptOutcome {
  id: string; profileId: string; trackId: string; stepId: string; quizId: string;
  at: string; score: number; passed: boolean;
  /** Every question asked in the attempt, in the order asked, with whether it was answered right. */
  questions: Array<{ questionId: string; correct: boolean }>;
}

/**
 * Which questions an attempt asked and which it got right. Attempts recorded with the bank carry
 * both; older ones asked the whole quiz and are graded again against it (null when the quiz is gone).
 */
export function attemptOutcome(a: Attempt, quiz: Quiz | undefined): AttemptOutcome | null {
  const base = { id: a.id, profileId: a.profileId, trackId: a.trackId, stepId: a.stepId, quizId: a.quizId, at: a.at, score: a.score, passed: a.passed };
  if (a.asked && a.wrong) {
    const wrong = new Set(a.wrong);
    return { ...base, questions: a.asked.map((questionId) => ({ questionId, correct: !wrong.has(questionId) })) };
  }
  if (!quiz) return null;
  return { ...base, questions: quiz.questions.map((q) => ({ questionId: q.id, correct: isCorrect(q, Object.hasOwn(a.answers, q.id) ? a.answers[q.id] : undefined) })) };
}

/** Every attempt with per-question correctness, oldest first (attempts of vanished old quizzes left out). */
export function attemptOutcomes(attempts: readonly Attempt[], quizzes: ReadonlyMap<string, Quiz>): AttemptOutcome[] {
  return [...attempts].sort((x, y) => x.at.localeCompare(y.at))
    .map((a) => attemptOutcome(a, quizzes.get(a.quizId)))
    .filter((o): o is AttemptOutcome => o !== null);
}

/** Whether the step's first attempt passed; null before any attempt. */
export function firstTryPass(attempts: readonly Attempt[], step: StepKey): boolean | null {
  let first: Attempt | null = null;
  for (const a of attempts) {
    if (a.profileId !== step.profileId || a.trackId !== step.trackId || a.stepId !== step.stepId) continue;
    if (!first || a.at < first.at) first = a;
  }
  return first ? first.passed : null;
}

export interface QuestionMisses { quizId: string; questionId: string; asked: number; missed: number }

/** Per question: how often it was asked and missed across the given attempts, most missed first. */
export function questionMisses(outcomes: readonly AttemptOutcome[]): QuestionMisses[] {
  const byKey = new Map<string, QuestionMisses>();
  for (const o of outcomes) {
    for (const q of o.questions) {
      const key = `${o.quizId}\n${q.questionId}`;
      let row = byKey.get(key);
      if (!row) byKey.set(key, (row = { quizId: o.quizId, questionId: q.questionId, asked: 0, missed: 0 }));
      row.asked++;
      if (!q.correct) row.missed++;
    }
  }
  return [...byKey.values()].sort((a, b) => b.missed - a.missed || b.asked - a.asked || a.quizId.localeCompare(b.quizId) || a.questionId.localeCompare(b.questionId));
}

export interface Mistake { quizId: string; questionId: string; trackId: string; stepId: string; wrongCount: number; lastWrongAt: string }

/**
 * One learner's 错题本: each question answered wrong — in an attempt whose result showed it (a pass,
 * or a quiz that reveals at least which were wrong) or in practice — and not answered right since
 * (in any attempt or practice). Newest miss first.
 */
export function mistakeBook(attempts: readonly Attempt[], practice: readonly Practice[], quizzes: ReadonlyMap<string, Quiz>, profileId: string): Mistake[] {
  type Event = { at: string; quizId: string; questionId: string; correct: boolean; shown: boolean; step?: { trackId: string; stepId: string } };
  const events: Event[] = [];
  for (const o of attemptOutcomes(attempts.filter((a) => a.profileId === profileId), quizzes)) {
    const shown = o.passed || quizzes.get(o.quizId)?.revealOnFail !== 'none';
    for (const q of o.questions) events.push({ at: o.at, quizId: o.quizId, questionId: q.questionId, correct: q.correct, shown, step: { trackId: o.trackId, stepId: o.stepId } });
  }
  for (const p of practice) if (p.profileId === profileId) events.push({ at: p.at, quizId: p.quizId, questionId: p.questionId, correct: p.correct, shown: true });
  // Stable sort: an attempt and a practice answer at the same instant keep attempts first.
  events.sort((a, b) => a.at.localeCompare(b.at));
  const book = new Map<string, Mistake>();
  const counts = new Map<string, number>();
  for (const e of events) {
    const key = `${e.quizId}\n${e.questionId}`;
    if (e.correct) { book.delete(key); continue; }
    counts.set(key, (counts.get(key) ?? 0) + 1);
    const prev = book.get(key);
    if (!e.shown && !prev) continue;
    const step = e.step ?? (prev ? { trackId: prev.trackId, stepId: prev.stepId } : null);
    if (!step) continue; // practised without ever being in the book: nothing to go back to
    book.set(key, { quizId: e.quizId, questionId: e.questionId, ...step, wrongCount: counts.get(key)!, lastWrongAt: e.at });
  }
  const quizHas = (m: Mistake) => quizzes.get(m.quizId)?.questions.some((q) => q.id === m.questionId) ?? false;
  return [...book.values()].filter(quizHas).sort((a, b) => b.lastWrongAt.localeCompare(a.lastWrongAt));
}
