/**
 * The trainer's charts (issue 16 item 5): aggregates over every learner's records, computed in the
 * core so the renderer draws small series only, however many learners there are.
 */
import { z } from 'zod';
import { RoleId, SessionToken } from './primitives.js';

export const chartsRequests = {
  /** Every chart of the trainer dashboard at once (trainers). */
  getCharts: z.object({
    token: SessionToken,
    /** Only learners of this role. */
    role: RoleId.optional(),
    /** How many weeks back the weekly charts go, this week included (4–26, default 12). */
    weeks: z.number().int().min(4).max(26).optional(),
  }).strict(),
};

/** A week as its Monday, `YYYY-MM-DD` (local calendar). */
export type WeekStart = string;

export interface CompletionSeries {
  roleId: string;
  /** One per week of `Charts.weeks`: the average share (0–100) of required steps done by that week's end, over the role's learners who had started; null before anyone had. */
  percent: Array<number | null>;
  /** Learners counted in each week. */
  learners: number[];
}

export interface OverdueStepStat {
  trackId: string; stepId: string; title: string; titleEn?: string;
  /** Learners for whom it is overdue now. */
  overdueNow: number;
  /** Learners who finished it after its due date. */
  doneLate: number;
}

export interface MissedQuestionStat {
  quizId: string; questionId: string; prompt: string;
  /** Answers to it that were wrong, over all attempts. */
  wrong: number;
  /** Attempts that asked it (a quiz that draws N of its questions asks only the ones drawn). */
  asked: number;
}

export interface Charts {
  today: string;
  /** Week starts, oldest first, this week last. */
  weeks: WeekStart[];
  completionByRole: CompletionSeries[];
  /** Most often overdue first (at most 10). */
  overdueSteps: OverdueStepStat[];
  /** Most often missed first (at most 10). */
  missedQuestions: MissedQuestionStat[];
  /** Searches that found nothing, per week of `weeks`. */
  failedSearches: Array<{ week: WeekStart; searches: number; queries: number; top: string | null }>;
}

export interface ChartsResponses {
  getCharts: Charts;
}
