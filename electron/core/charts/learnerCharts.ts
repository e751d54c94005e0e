import type { Pack } from '../content/pack.js';
import type { Quiz } from '../content/quizFile.js';
import { addDays, localDayOf } from '../onboarding/dates.js';
import { attemptOutcome, isCorrect } from '../onboarding/quizRecords.js';
import { factsOf, trackProgress, tracksFor } from '../onboarding/summary.js';
import type { Data } from '../store/schema.js';
import type { Store } from '../store/store.js';
import type { KeySet } from '../trust/signing.js';

type Profile = Data['profiles'][number];
type Attempt = Data['quizAttempts'][number];
export type ChartSource = Pick<Store, 'shared' | 'records' | 'digest'>;

/** What one learner adds to the charts: small, so summing 500 of them costs next to nothing. */
export interface LearnerCharts {
  roleId: string;
  /** Trainers count only once they follow a track themselves (as on the dashboard). */
  takesPart: boolean;
  /** Per week: the share (0–100, unrounded) of their own track's required steps done by its end; null before they started. Null without a track. */
  completion: Array<number | null> | null;
  /** Required steps overdue now (`now`) or finished after their phase's due date. */
  overdue: Array<{ key: string; trackId: string; stepId: string; title: string; titleEn?: string; now: boolean }>;
  /** Per question of their attempts: how often it was asked (drawn) and answered wrong. */
  missed: Array<{ key: string; quizId: string; questionId: string; asked: number; wrong: number }>;
}

/**
 * The questions one attempt asked and whether each was answered right. A drawn attempt (question
 * bank) recorded what it drew and what was wrong: only those count, so a question never drawn is
 * never "missed". An older attempt made against the quiz as it is now asked every question (a
 * missing answer is wrong, as when it was scored); one made against an older version is judged only
 * on the questions it answered that still exist. Questions gone from the quiz are left out.
 */
export function answeredQuestions(attempt: Attempt, quiz: Quiz): Array<{ questionId: string; correct: boolean }> {
  if (attempt.asked && attempt.wrong) {
    const still = new Set(quiz.questions.map((q) => q.id));
    return attemptOutcome(attempt, quiz)!.questions.filter((q) => still.has(q.questionId));
  }
  const current = attempt.quizHash === quiz.hash;
  return quiz.questions
    .filter((q) => current || Object.hasOwn(attempt.answers, q.id))
    .map((q) => ({ questionId: q.id, correct: isCorrect(q, Object.hasOwn(attempt.answers, q.id) ? attempt.answers[q.id] : undefined) }));
}

function missedOf(attempts: readonly Attempt[], pack: Pack): LearnerCharts['missed'] {
  const byKey = new Map<string, LearnerCharts['missed'][number]>();
  for (const a of attempts) {
    const quiz = pack.quizzes.get(a.quizId);
    if (!quiz) continue;
    for (const { questionId, correct } of answeredQuestions(a, quiz)) {
      const k = `${quiz.id}\u0000${questionId}`;
      let row = byKey.get(k);
      if (!row) byKey.set(k, (row = { key: k, quizId: quiz.id, questionId, asked: 0, wrong: 0 }));
      row.asked++;
      if (!correct) row.wrong++;
    }
  }
  return [...byKey.values()];
}

/**
 * One learner's part of the charts. Progress comes from their digest (indexed facts the dashboard
 * has usually built already); only a learner who tried a quiz has their records file read, for the
 * answers per question.
 */
export function learnerCharts(source: ChartSource, pack: Pack, profile: Profile, today: string, weeks: readonly string[], keys: KeySet): LearnerCharts {
  const digest = source.digest(profile.id);
  const facts = factsOf(digest, keys);
  const takesPart = !profile.trainer || facts.completions.size > 0 || facts.quizStats.size > 0;
  const empty: LearnerCharts = { roleId: profile.roleId, takesPart, completion: null, overdue: [], missed: [] };
  if (!takesPart) return empty;
  const tracks = tracksFor(pack, profile, facts).map((t) => trackProgress(pack, t, profile.startDate, today, facts));

  const own = tracks[0];
  let completion: LearnerCharts['completion'] = null;
  if (own && own.total > 0) {
    const steps = own.phases.flatMap((p) => p.steps);
    const required = steps.some((s) => s.required) ? steps.filter((s) => s.required) : steps;
    const doneDays = required.filter((s) => s.done && s.completedAt).map((s) => localDayOf(s.completedAt!)).sort();
    let i = 0;
    completion = weeks.map((w) => {
      const end = addDays(w, 6);
      if (profile.startDate > end) return null;
      while (i < doneDays.length && doneDays[i] <= end) i++;
      return (i / own.total) * 100;
    });
  }

  const overdue: LearnerCharts['overdue'] = [];
  for (const t of tracks) {
    for (const p of t.phases) {
      for (const s of p.steps) {
        if (!s.required) continue;
        const now = p.overdue && !s.done;
        const late = s.done && !!s.completedAt && localDayOf(s.completedAt) > p.dueDate;
        if (now || late) overdue.push({ key: `${t.trackId}\u0000${s.id}`, trackId: t.trackId, stepId: s.id, title: s.title, ...(s.titleEn ? { titleEn: s.titleEn } : {}), now });
      }
    }
  }

  const missed = digest.quizzes.length ? missedOf(source.records(profile.id).quizAttempts, pack) : [];
  return { ...empty, completion, overdue, missed };
}
