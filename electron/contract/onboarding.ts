/** Onboarding: tracks, a learner's progress, quizzes, sign-offs, the trainer's dashboard, progress files. */
import { z } from 'zod';

import { NoArgs, ProfileId, QuizAnswer, RoleId, SessionToken, StepId, TrackId } from './primitives.js';

export const onboardingRequests = {
  /** Onboarding tracks, one per role, with phases and steps. */
  listTracks: NoArgs,
  /** Steps a profile has completed. */
  getProgress: z.object({ token: SessionToken, profileId: ProfileId }).strict(),
  completeStep: z.object({ token: SessionToken, profileId: ProfileId, trackId: z.string().min(1).max(100), stepId: z.string().min(1).max(100) }).strict(),
  /** Un-ticks a `task` or `read` step (quizzes are passed, sign-offs are given: neither is un-ticked). */
  uncompleteStep: z.object({ token: SessionToken, profileId: ProfileId, trackId: TrackId, stepId: StepId }).strict(),
  /** A quiz to take: questions and options, never the answers or explanations. */
  getQuiz: z.object({ quizId: z.string().min(1).max(100) }).strict(),
  /** Scores one attempt at a track's quiz step; a pass completes the step. Retries are allowed. */
  submitQuiz: z.object({
    token: SessionToken, profileId: ProfileId, trackId: TrackId, stepId: StepId,
    /** Question id → answer; a missing answer counts as wrong. */
    answers: z.record(z.string().max(100), QuizAnswer),
    /** From `startQuizAttempt`: answers are then option positions as shown. Required when the quiz draws or shuffles. */
    attemptId: z.string().min(1).max(60).optional(),
  }).strict(),
  /** Asks a trainer to confirm a `signoff` step. */
  requestSignoff: z.object({ token: SessionToken, profileId: ProfileId, trackId: TrackId, stepId: StepId, note: z.string().trim().max(500).optional() }).strict(),
  /** A trainer (unlocked with `openEditSession`) confirms a `signoff` step; the fact is signed with their key. */
  signOff: z.object({ token: SessionToken, profileId: ProfileId, trackId: TrackId, stepId: StepId }).strict(),
  /** Every learner × track for trainers, optionally only one role. */
  getDashboard: z.object({ token: SessionToken, role: RoleId.optional() }).strict(),
  /** Progress as a file: CSV (UTF-8 with BOM, for Excel) or JSON (for `importProgress` on another PC). */
  exportProgress: z.object({
    /** A learner's session exports only that learner; a trainer's may export everyone. */
    token: SessionToken,
    format: z.enum(['csv', 'json']),
    /** Only this learner (what a learner takes to the trainer); default everyone. */
    profileId: ProfileId.optional(),
    /** Language of CSV headings and values; default the pack's, zh-CN. */
    language: z.enum(['zh-CN', 'en']).optional(),
  }).strict(),
  /** Merges a JSON export from another PC: idempotent, newer facts win, nothing is dropped. */
  importProgress: z.object({ token: SessionToken, data: z.string().min(1).max(5_000_000) }).strict(),
} as const;

export type StepType = 'read' | 'task' | 'quiz' | 'signoff';
export interface TrackStep {
  id: string;
  type: StepType;
  title: string;
  /**
   * The track file's `title_en` for this step (any type), when it has one. For `read` and `quiz`
   * steps it wins over the article's or quiz's English title.
   */
  titleEn?: string;
  required: boolean;
  /** For `read` steps. */
  articleId?: string;
  /** For `quiz` steps. */
  quizId?: string;
}
export interface TrackPhase { id: string; title: string; titleEn: string; dueDay: number; steps: TrackStep[] }
export interface Track { id: string; roleId: string; title: string; titleEn: string; description: string; phases: TrackPhase[] }

export interface CompletedStep {
  trackId: string; stepId: string; completedAt: string; contentHash?: string; signedBy?: { id: string; name: string };
  /** Sign-offs: whether the signature checks against a known trainer's key. An unverified one counts for nothing. */
  verified?: boolean;
}

/** One step as one learner stands with it. */
export interface StepProgress extends TrackStep {
  /**
   * The English title: the step's own `title_en`, else its quiz's `title_en`, else absent (show
   * `title`). Articles have no English title in the pack format.
   */
  titleEn?: string;
  done: boolean;
  completedAt: string | null;
  /** A done `read` step whose article changed since: "updated since you read it". */
  needsReread: boolean;
  /** For `signoff` steps: the trainer who confirmed it. */
  signedBy: { id: string; name: string } | null;
  /**
   * A sign-off is recorded but its signature does not check against a known trainer's key (an
   * imported or hand-edited record): shown as "unverified", the step is not done. `claimedBy` is the
   * name the record gives, not a proven one.
   */
  unverified: { claimedBy: string | null; at: string } | null;
  /** For `signoff` steps: pending request, while not signed off. */
  signoffRequestedAt: string | null;
  /** For `quiz` steps. */
  quiz: { attempts: number; bestScore: number | null; passed: boolean } | null;
}
export interface PhaseProgress {
  id: string; title: string; titleEn: string; dueDay: number;
  /** Start date + dueDay − 1 (day 1 is the start date), calendar days, weekends included. */
  dueDate: string;
  /** Required steps done / required steps (all steps when none is required). */
  done: number; total: number;
  complete: boolean;
  /** Past its due date with required steps open. */
  overdue: boolean;
  /** Due within the next 3 days with required steps open. */
  dueSoon: boolean;
  steps: StepProgress[];
}
export interface NextStep {
  trackId: string; stepId: string; phaseId: string; title: string; type: StepType;
  /** As on `StepProgress`. */
  titleEn?: string;
  dueDate: string; overdue: boolean;
  /** The step is done but its article changed. */
  reread: boolean;
  articleId?: string; quizId?: string;
}
export interface TrackProgress {
  trackId: string; roleId: string; title: string; titleEn: string;
  /** 0–100, required steps only (all steps when none is required). */
  percent: number; done: number; total: number;
  complete: boolean;
  /** When the last required step was done, once the track is complete. */
  completedAt: string | null;
  overdueSteps: number;
  needsReread: number;
  lastActivity: string | null;
  phases: PhaseProgress[];
  /** What to do next: re-reads and overdue first, then in track order (at most 5). */
  next: NextStep[];
}
export interface Progress {
  profileId: string;
  completed: CompletedStep[];
  /** The local calendar day the summaries were computed for. */
  today: string;
  startDate: string;
  /** The learner's role track first, then any other track they have progress in. */
  tracks: TrackProgress[];
}

export interface SourceRef {
  articleId: string; anchor: string | null; title: string | null;
  /** The text of the section's heading as it is now (null when the section is gone). */
  heading?: string | null;
}
export interface QuizQuestionView { id: string; type: 'single' | 'multiple' | 'truefalse'; prompt: string; options: string[]; source: SourceRef | null }
export interface QuizView { id: string; title: string; titleEn: string; passMark: number; questions: QuizQuestionView[] }
export type QuizAnswer = number | number[] | boolean;
/**
 * What a failed attempt shows (quiz file `reveal_on_fail`): `none` the score only; `wrong` which
 * questions were wrong and the section to reread; `explain` also the explanations (the default, as
 * before); `answers` also the right answers. A passed attempt shows everything.
 */
export type RevealOnFail = 'none' | 'wrong' | 'explain' | 'answers';
export interface QuestionResult {
  id: string; correct: boolean; given: QuizAnswer | null;
  /** Revealed once the quiz is passed, so a retry is still a test. */
  correctAnswer: QuizAnswer | null;
  explanation: string; source: SourceRef | null;
}
export interface QuizResult {
  quizId: string; score: number; passed: boolean; passMark: number; correct: number; total: number;
  questions: QuestionResult[];
  /** 1-based number of this attempt. */
  attempt: number;
  bestScore: number;
  stepCompleted: boolean;
  /** What this result shows: `all` after a pass, else the quiz's `reveal_on_fail` (`none`: `questions` is empty). */
  revealed?: RevealOnFail | 'all';
}

export interface DashboardRow {
  profileId: string; name: string; roleId: string; startDate: string;
  trackId: string; trackTitle: string; trackTitleEn: string;
  percent: number; done: number; total: number; complete: boolean;
  /** Each step's `titleEn` here and in the lists below is as on `StepProgress`. */
  overdue: Array<{ stepId: string; title: string; titleEn?: string; dueDate: string }>;
  lastActivity: string | null;
  quizzes: Array<{ stepId: string; quizId: string; title: string; titleEn?: string; bestScore: number | null; attempts: number; passed: boolean }>;
  pendingSignoffs: Array<{ stepId: string; title: string; titleEn?: string; requestedAt: string }>;
  needsReread: Array<{ stepId: string; articleId: string; title: string; titleEn?: string }>;
  /** Sign-offs recorded without a signature that checks: they count for nothing until a trainer signs again. */
  unverifiedSignoffs: Array<{ stepId: string; title: string; titleEn?: string; claimedBy: string | null }>;
  /** Team mode: the PCs holding this learner's records, and when each last synced (null: not known yet). */
  devices?: Array<{ name: string; lastSyncedAt: string | null }>;
  /** Policies (阅读确认) this learner has not confirmed in their current version past their due day; the same on each of the learner's rows. */
  overdueConfirmations: OverdueConfirmation[];
  /** Overdue required steps on this row's track, or any overdue confirmation. */
  behind: boolean;
}
/** A policy someone has not confirmed in its current version by their due day (theirs: the policy's, or later for someone who started later). */
export interface OverdueConfirmation { articleId: string; title: string; version: number; due: string }
export interface Dashboard {
  today: string;
  rows: DashboardRow[];
  /** Learners with at least one row behind (each counted once). */
  behind: number;
}
export interface ProgressFile { filename: string; mimeType: string; content: string }
export interface ImportResult {
  profilesAdded: number; profilesMatched: number;
  /** Facts added or replaced by newer ones. */
  changes: number;
  /** True when the file brought nothing new (e.g. imported twice). */
  unchanged: boolean;
}

export interface OnboardingResponses {
  listTracks: Track[];
  getProgress: Progress;
  completeStep: Progress;
  uncompleteStep: Progress;
  getQuiz: QuizView;
  submitQuiz: QuizResult;
  requestSignoff: Progress;
  signOff: Progress;
  getDashboard: Dashboard;
  exportProgress: ProgressFile;
  importProgress: ImportResult;
}
