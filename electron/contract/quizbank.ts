/**
 * The question bank: attempts drawn by the core, and each learner's 错题本 (the questions they got
 * wrong) with practice. Requests are zod schemas; `electron/contract.ts` spreads them into `requests`.
 */
import { z } from 'zod';
import type { QuizAnswer as QuizAnswerValue, QuizView, RevealOnFail, SourceRef } from './onboarding.js';
import { ProfileId, QuizAnswer, SessionToken, StepId, TrackId } from './primitives.js';

export const quizbankRequests = {
  /**
   * The attempt to take now at a track's quiz step: the questions drawn for it and their options in
   * the order shown. Asking again before submitting returns the same attempt; submitting (with its
   * `attemptId`) moves to the next one. The learner's own session only.
   */
  startQuizAttempt: z.object({ token: SessionToken, profileId: ProfileId, trackId: TrackId, stepId: StepId }).strict(),
  /** The learner's 错题本: questions answered wrong and not yet answered right since. Self or a trainer. */
  getMistakes: z.object({ token: SessionToken, profileId: ProfileId }).strict(),
  /**
   * Practice one question of the 错题本 (never counts as an attempt). A right answer takes it out of
   * the 错题本; only questions in it can be practised. The learner's own session only.
   */
  answerPractice: z.object({
    token: SessionToken, profileId: ProfileId,
    quizId: z.string().min(1).max(100),
    questionId: z.string().min(1).max(100),
    /** In the file's option order (practice shows options unshuffled). */
    answer: QuizAnswer,
  }).strict(),
};


export interface QuizAttemptView {
  /** Send back with `submitQuiz`; an attempt is graded once. */
  attemptId: string;
  /** 1-based number of this attempt at the step (recorded attempts + 1). */
  attempt: number;
  /** The drawn questions only, options in the order shown (answers refer to these positions). */
  quiz: QuizView;
  /** Questions in the whole bank; more than `quiz.questions.length` when the quiz draws. */
  bankSize: number;
  /** Options are shown in a different order in each attempt. */
  shuffled: boolean;
  revealOnFail: RevealOnFail;
}

export interface MistakeEntry {
  quizId: string;
  quizTitle: string;
  quizTitleEn: string;
  /** The track step of the attempt where it was last missed (to go back to the quiz). */
  trackId: string;
  stepId: string;
  /** The question as practice asks it: options in the file's order, no answer. */
  question: { id: string; type: 'single' | 'multiple' | 'truefalse'; prompt: string; options: string[]; source: SourceRef | null };
  /** Times answered wrong in attempts and practice. */
  wrongCount: number;
  /**
   * False after a wrong practice answer to a quiz that shows only which answers were wrong: it can be
   * practised again after the next attempt (else practice would give away the answer by elimination).
   */
  canPractise: boolean;
  lastWrongAt: string;
}
export interface MistakeBook { profileId: string; entries: MistakeEntry[] }

export interface PracticeResult {
  quizId: string;
  questionId: string;
  correct: boolean;
  /** As the quiz's `reveal_on_fail` allows for a wrong answer; always after a right one. */
  explanation: string | null;
  correctAnswer: QuizAnswerValue | null;
  source: SourceRef | null;
  /** Questions still in the 错题本 after this answer. */
  remaining: number;
}

export interface QuizbankResponses {
  startQuizAttempt: QuizAttemptView;
  getMistakes: MistakeBook;
  answerPractice: PracticeResult;
}
