import crypto from 'node:crypto';
import { HandbookError } from '../api/errors.js';
import type { QuestionResult, QuizAnswer, QuizResult, QuizView, SourceRef } from '../../contract.js';
import { badRequest, notFound } from '../api/errors.js';
import type { Pack } from '../content/pack.js';
import { requireProfile } from '../profiles/profiles.js';
import type { Store } from '../store/store.js';
import { findStep, markDone, type StepRef } from './progress.js';
import type { Quiz } from '../content/quizFile.js';
import type { QuizAttemptView } from '../../contract.js';
import { drawAttempt, toFileAnswer, toShownAnswer, type Draw } from './quizDraw.js';
import { isCorrect } from './quizRecords.js';

export { isCorrect };

export function sourceRef(pack: Pack, source: string | null): SourceRef | null {
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

/**
 * The quiz as the player sees it: answers and explanations stay in the core. A quiz that draws or
 * shuffles is taken through `startQuizAttempt`, so its bank is not listed here.
 */
export function quizView(pack: Pack, quizId: string): QuizView {
  const q = requireQuiz(pack, quizId);
  const hidden = q.draw !== null || q.shuffleOptions;
  return {
    id: q.id, title: q.title, titleEn: q.titleEn, passMark: q.passMark,
    questions: hidden ? [] : q.questions.map((x) => ({ id: x.id, type: x.type, prompt: x.prompt, options: x.options, source: sourceRef(pack, x.source) })),
  };
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

/** The quiz step of a track, and its quiz. */
function quizOfStep(pack: Pack, ref: StepRef): Quiz {
  const { step } = findStep(pack, ref.trackId, ref.stepId);
  if (step.type !== 'quiz' || !step.quizId) throw badRequest(`step "${ref.stepId}" is not a quiz`);
  return requireQuiz(pack, step.quizId);
}

const attemptsAt = (store: Store, ref: StepRef) =>
  store.records(ref.profileId).quizAttempts.filter((a) => a.profileId === ref.profileId && a.trackId === ref.trackId && a.stepId === ref.stepId).length;

/** The attempt to take now: the same until it is submitted (see quizDraw.ts). */
export function startQuizAttempt(store: Store, pack: Pack, secret: Buffer, ref: StepRef): QuizAttemptView {
  requireProfile(store, ref.profileId);
  const quiz = quizOfStep(pack, ref);
  const draw = drawAttempt(secret, quiz, ref, attemptsAt(store, ref) + 1);
  return {
    attemptId: draw.attemptId,
    attempt: draw.attempt,
    quiz: {
      id: quiz.id, title: quiz.title, titleEn: quiz.titleEn, passMark: quiz.passMark,
      questions: draw.questions.map(({ question: x, order }) => ({
        id: x.id, type: x.type, prompt: x.prompt, options: order ? order.map((k) => x.options[k]) : x.options, source: sourceRef(pack, x.source),
      })),
    },
    bankSize: quiz.questions.length,
    shuffled: quiz.shuffleOptions,
    revealOnFail: quiz.revealOnFail,
  };
}

const stale = () => new HandbookError('conflict', 'this attempt was already submitted, or the quiz changed since it started: start the quiz again', 'quizAttemptStale');

/**
 * Grades one attempt against the draw the core recomputes, never against questions the caller names:
 * answers to questions outside the draw are ignored. Without `attemptId` (clients from before the
 * bank) only a quiz that neither draws nor shuffles can be submitted.
 */
export async function submitQuiz(store: Store, pack: Pack, secret: Buffer, req: StepRef & { answers: Record<string, QuizAnswer>; attemptId?: string }): Promise<QuizResult> {
  requireProfile(store, req.profileId);
  const quiz = quizOfStep(pack, req);
  if (req.attemptId === undefined && (quiz.draw !== null || quiz.shuffleOptions)) {
    throw badRequest('this quiz draws its questions for each attempt: start an attempt first (startQuizAttempt)', 'quizAttemptRequired');
  }
  const ref = { profileId: req.profileId, trackId: req.trackId, stepId: req.stepId };
  const at = new Date().toISOString();
  const { draw, attempt, best, completed, s, fileAnswers } = await store.updateRecords(ref.profileId, (d) => {
    const mine = () => d.quizAttempts.filter((a) => a.profileId === ref.profileId && a.trackId === ref.trackId && a.stepId === ref.stepId);
    const draw: Draw = drawAttempt(secret, quiz, ref, mine().length + 1);
    if (req.attemptId !== undefined && req.attemptId !== draw.attemptId) throw stale();
    const s = scoreDraw(draw, req.answers, quiz.passMark);
    const fileAnswers: Record<string, QuizAnswer> = {};
    draw.questions.forEach(({ question: q }, i) => { if (s.fileAnswers[i] !== undefined) fileAnswers[q.id] = s.fileAnswers[i]!; });
    d.quizAttempts.push({
      id: crypto.randomUUID(), ...ref, quizId: quiz.id, quizHash: quiz.hash, answers: fileAnswers, score: s.score, passed: s.passed, at,
      asked: draw.questions.map((x) => x.question.id), wrong: draw.questions.filter((_, i) => !s.perQuestion[i]).map((x) => x.question.id),
    });
    const done = d.completions.some((c) => c.profileId === ref.profileId && c.trackId === ref.trackId && c.stepId === ref.stepId);
    // The first pass completes the step; later attempts (better or worse) only add to the record.
    if (s.passed && !done) markDone(d, { ...ref, completedAt: at });
    const all = mine();
    return { draw, attempt: all.length, best: Math.max(...all.map((a) => a.score)), completed: s.passed || done, s, fileAnswers };
  });
  const revealed = s.passed ? 'all' as const : quiz.revealOnFail;
  const questions: QuestionResult[] = revealed === 'none' ? [] : draw.questions.map(({ question: q, order }, i) => ({
    id: q.id,
    correct: s.perQuestion[i],
    given: Object.hasOwn(req.answers, q.id) && Object.hasOwn(fileAnswers, q.id) ? req.answers[q.id] : null,
    correctAnswer: revealed === 'all' || revealed === 'answers' ? toShownAnswer(q.answer, order) : null,
    explanation: revealed === 'wrong' ? '' : q.explanation,
    source: sourceRef(pack, q.source),
  }));
  return { quizId: quiz.id, score: s.score, passed: s.passed, passMark: quiz.passMark, correct: s.correct, total: s.total, questions, attempt, bestScore: best, stepCompleted: completed, revealed };
}

/** Grades a draw: the answers are positions as shown, turned into the file's option numbers first. */
function scoreDraw(draw: Draw, answers: Record<string, QuizAnswer>, passMark: number) {
  const fileAnswers = draw.questions.map(({ question: q, order }) => (Object.hasOwn(answers, q.id) ? toFileAnswer(answers[q.id], order) : undefined));
  const perQuestion = draw.questions.map(({ question: q }, i) => isCorrect(q, fileAnswers[i]));
  const correct = perQuestion.filter(Boolean).length;
  const total = draw.questions.length;
  const score = Math.round((correct / total) * 100);
  return { fileAnswers, perQuestion, correct, total, score, passed: score >= passMark };
}
