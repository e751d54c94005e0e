import crypto from 'node:crypto';
import type { QuestionResult, QuizAnswer, QuizResult, QuizView, SourceRef } from '../../contract.js';
import { badRequest, notFound } from '../api/errors.js';
import type { Pack } from '../content/pack.js';
import { requireProfile } from '../profiles/profiles.js';
import type { Store } from '../store/store.js';
import { findStep, markDone, type StepRef } from './progress.js';
import type { Question, Quiz } from '../content/quizFile.js';

function sourceRef(pack: Pack, source: string | null): SourceRef | null {
  if (!source) return null;
  const [articleId, anchor] = source.split('#');
  const article = pack.articles.get(articleId);
  const heading = anchor ? article?.source.analysis.headings.find((h) => h.anchor === anchor)?.text ?? null : null;
  return { articleId, anchor: anchor || null, title: article?.summary.title ?? null, heading };
}

export function requireQuiz(pack: Pack, quizId: string): Quiz {
  const quiz = pack.quizzes.get(quizId);
  if (!quiz) throw notFound(`quiz "${quizId}"`);
  return quiz;
}

/** The quiz as the player sees it: answers and explanations stay in the core. */
export function quizView(pack: Pack, quizId: string): QuizView {
  const q = requireQuiz(pack, quizId);
  return {
    id: q.id, title: q.title, titleEn: q.titleEn, passMark: q.passMark,
    questions: q.questions.map((x) => ({ id: x.id, type: x.type, prompt: x.prompt, options: x.options, source: sourceRef(pack, x.source) })),
  };
}

/** Exact match only: a multiple-choice answer with one option missing or extra is wrong. */
export function isCorrect(q: Question, given: QuizAnswer | undefined): boolean {
  if (given === undefined) return false;
  if (q.type === 'truefalse') return given === q.answer;
  if (q.type === 'single') return typeof given === 'number' && given === q.answer;
  if (!Array.isArray(given)) return false;
  const want = q.answer as number[];
  const got = [...new Set(given)].sort((a, b) => a - b);
  return got.length === want.length && got.every((n, i) => n === want[i]);
}

export interface Score { correct: number; total: number; score: number; passed: boolean; perQuestion: boolean[] }

/**
 * The score is a whole percentage (2 of 3 → 67) and the pass is decided on that same number, so
 * "67 %, pass mark 67 %" never reads as a fail.
 */
export function scoreQuiz(quiz: Quiz, answers: Record<string, QuizAnswer>): Score {
  const perQuestion = quiz.questions.map((q) => isCorrect(q, Object.hasOwn(answers, q.id) ? answers[q.id] : undefined));
  const correct = perQuestion.filter(Boolean).length;
  const total = quiz.questions.length;
  const score = Math.round((correct / total) * 100);
  return { correct, total, score, passed: score >= quiz.passMark, perQuestion };
}

export async function submitQuiz(store: Store, pack: Pack, req: StepRef & { answers: Record<string, QuizAnswer> }): Promise<QuizResult> {
  requireProfile(store, req.profileId);
  const { step } = findStep(pack, req.trackId, req.stepId);
  if (step.type !== 'quiz' || !step.quizId) throw badRequest(`step "${req.stepId}" is not a quiz`);
  const quiz = requireQuiz(pack, step.quizId);
  const s = scoreQuiz(quiz, req.answers);
  const ref = { profileId: req.profileId, trackId: req.trackId, stepId: req.stepId };
  const at = new Date().toISOString();
  const answers = Object.fromEntries(quiz.questions.filter((q) => Object.hasOwn(req.answers, q.id)).map((q) => [q.id, req.answers[q.id]]));
  const { attempt, best, completed } = await store.updateRecords(ref.profileId, (d) => {
    d.quizAttempts.push({ id: crypto.randomUUID(), ...ref, quizId: quiz.id, quizHash: quiz.hash, answers, score: s.score, passed: s.passed, at });
    const mine = d.quizAttempts.filter((a) => a.profileId === ref.profileId && a.trackId === ref.trackId && a.stepId === ref.stepId);
    const done = d.completions.some((c) => c.profileId === ref.profileId && c.trackId === ref.trackId && c.stepId === ref.stepId);
    // The first pass completes the step; later attempts (better or worse) only add to the record.
    if (s.passed && !done) markDone(d, { ...ref, completedAt: at });
    return { attempt: mine.length, best: Math.max(...mine.map((a) => a.score)), completed: s.passed || done };
  });
  const questions: QuestionResult[] = quiz.questions.map((q, i) => ({
    id: q.id,
    correct: s.perQuestion[i],
    given: Object.hasOwn(answers, q.id) ? answers[q.id] : null,
    correctAnswer: s.passed ? q.answer : null,
    explanation: q.explanation,
    source: sourceRef(pack, q.source),
  }));
  return { quizId: quiz.id, score: s.score, passed: s.passed, passMark: quiz.passMark, correct: s.correct, total: s.total, questions, attempt, bestScore: best, stepCompleted: completed };
}
