import type { Charts, CompletionSeries, MissedQuestionStat, OverdueStepStat } from '../../contract.js';
import type { Pack } from '../content/pack.js';
import type { Quiz } from '../content/quizFile.js';
import { addDays, localDayOf, localToday, weekStart } from '../onboarding/dates.js';
import { learnerView, takesPart, type LearnerView } from '../onboarding/learnerView.js';
import { attemptOutcome, isCorrect } from '../onboarding/quizRecords.js';
import type { Data } from '../store/schema.js';
import type { Store } from '../store/store.js';
import { keySetOf } from '../trust/verify.js';

type Source = Pick<Store, 'shared' | 'records'>;
type Attempt = Data['quizAttempts'][number];

export const DEFAULT_WEEKS = 12;
const TOP = 10;

/** The last `n` weeks (Mondays), oldest first, the week of `today` last. */
export function weeksUpTo(today: string, n: number): string[] {
  const last = weekStart(today);
  return Array.from({ length: n }, (_, i) => addDays(last, -7 * (n - 1 - i)));
}

/**
 * Per role, the average share of required steps of the learner's own track done by the end of each
 * week, over the learners who had started by then. Steps count from when they were (last) done.
 */
export function completionByRole(learners: LearnerView[], weeks: string[]): CompletionSeries[] {
  const ends = weeks.map((w) => addDays(w, 6));
  const byRole = new Map<string, { sum: number[]; count: number[] }>();
  for (const v of learners) {
    const track = v.tracks[0];
    if (!track || track.total === 0) continue;
    const steps = track.phases.flatMap((p) => p.steps);
    const required = steps.some((s) => s.required) ? steps.filter((s) => s.required) : steps;
    const doneDays = required.filter((s) => s.done && s.completedAt).map((s) => localDayOf(s.completedAt!)).sort();
    let acc = byRole.get(v.profile.roleId);
    if (!acc) byRole.set(v.profile.roleId, (acc = { sum: ends.map(() => 0), count: ends.map(() => 0) }));
    let i = 0;
    ends.forEach((end, w) => {
      if (v.profile.startDate > end) return;
      while (i < doneDays.length && doneDays[i] <= end) i++;
      acc!.sum[w] += (i / track.total) * 100;
      acc!.count[w] += 1;
    });
  }
  return [...byRole].sort(([a], [b]) => a.localeCompare(b)).map(([roleId, { sum, count }]) => ({
    roleId,
    percent: sum.map((s, w) => (count[w] ? Math.round(s / count[w]) : null)),
    learners: count,
  }));
}

/** Required steps overdue now, and required steps finished after their phase's due date, per step. */
export function overdueSteps(learners: LearnerView[]): OverdueStepStat[] {
  const stats = new Map<string, OverdueStepStat>();
  for (const v of learners) {
    for (const t of v.tracks) {
      for (const p of t.phases) {
        for (const s of p.steps) {
          if (!s.required) continue;
          const now = p.overdue && !s.done;
          const late = s.done && !!s.completedAt && localDayOf(s.completedAt) > p.dueDate;
          if (!now && !late) continue;
          const k = `${t.trackId}\u0000${s.id}`;
          let stat = stats.get(k);
          if (!stat) stats.set(k, (stat = { trackId: t.trackId, stepId: s.id, title: s.title, ...(s.titleEn ? { titleEn: s.titleEn } : {}), overdueNow: 0, doneLate: 0 }));
          if (now) stat.overdueNow++; else stat.doneLate++;
        }
      }
    }
  }
  return [...stats.values()].sort((a, b) => (b.overdueNow + b.doneLate) - (a.overdueNow + a.doneLate) || b.overdueNow - a.overdueNow || a.title.localeCompare(b.title)).slice(0, TOP);
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

export function missedQuestions(learners: LearnerView[], pack: Pack): MissedQuestionStat[] {
  const stats = new Map<string, MissedQuestionStat>();
  for (const v of learners) {
    for (const a of v.records.quizAttempts) {
      const quiz = pack.quizzes.get(a.quizId);
      if (!quiz) continue;
      for (const { questionId, correct } of answeredQuestions(a, quiz)) {
        const k = `${quiz.id}\u0000${questionId}`;
        let stat = stats.get(k);
        if (!stat) stats.set(k, (stat = { quizId: quiz.id, questionId, prompt: quiz.questions.find((q) => q.id === questionId)!.prompt, wrong: 0, asked: 0 }));
        stat.asked++;
        if (!correct) stat.wrong++;
      }
    }
  }
  return [...stats.values()].filter((s) => s.wrong > 0).sort((a, b) => b.wrong - a.wrong || b.wrong / b.asked - a.wrong / a.asked || a.prompt.localeCompare(b.prompt)).slice(0, TOP);
}

/** Searches that found nothing per week; a row from before weekly counts counts in the week it was last seen. */
export function failedSearchesByWeek(rows: Data['failedSearches'], weeks: string[]): Charts['failedSearches'] {
  const per = new Map(weeks.map((w) => [w, new Map<string, number>()]));
  for (const r of rows) {
    const counts = r.weeks ?? { [weekStart(localDayOf(r.lastAt))]: r.count };
    for (const [w, n] of Object.entries(counts)) per.get(w)?.set(r.query, n);
  }
  return weeks.map((week) => {
    const queries = [...per.get(week)!];
    const top = queries.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    return { week, searches: queries.reduce((n, [, c]) => n + c, 0), queries: queries.length, top: top ? top[0] : null };
  });
}

/** Every chart of the trainer dashboard, over the learners of `role` (everyone by default). */
export function getCharts(store: Source, pack: Pack, opts: { role?: string; weeks?: number } = {}, now = new Date()): Charts {
  const today = localToday(now);
  const keys = keySetOf(store.shared, pack);
  const weeks = weeksUpTo(today, opts.weeks ?? DEFAULT_WEEKS);
  const learners = store.shared.profiles
    .filter((p) => !opts.role || p.roleId === opts.role)
    .map((p) => learnerView(store.records(p.id), pack, p, today, keys))
    .filter(takesPart);
  return {
    today, weeks,
    completionByRole: completionByRole(learners, weeks),
    overdueSteps: overdueSteps(learners),
    missedQuestions: missedQuestions(learners, pack),
    failedSearches: failedSearchesByWeek(store.shared.failedSearches, weeks),
  };
}
