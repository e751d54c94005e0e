import type { Charts, CompletionSeries, MissedQuestionStat, OverdueStepStat } from '../../contract.js';
import type { Pack } from '../content/pack.js';
import { addDays, localDayOf, localToday, weekStart } from '../onboarding/dates.js';
import type { Data } from '../store/schema.js';
import type { KeySet } from '../trust/signing.js';
import { keySetOf } from '../trust/verify.js';
import { learnerCharts, type ChartSource, type LearnerCharts } from './learnerCharts.js';

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
export function completionByRole(learners: readonly LearnerCharts[], weeks: number): CompletionSeries[] {
  const byRole = new Map<string, { sum: number[]; count: number[] }>();
  for (const l of learners) {
    if (!l.completion) continue;
    let acc = byRole.get(l.roleId);
    if (!acc) byRole.set(l.roleId, (acc = { sum: new Array(weeks).fill(0), count: new Array(weeks).fill(0) }));
    l.completion.forEach((p, w) => {
      if (p === null) return;
      acc!.sum[w] += p;
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
export function overdueSteps(learners: readonly LearnerCharts[]): OverdueStepStat[] {
  const stats = new Map<string, OverdueStepStat>();
  for (const l of learners) {
    for (const s of l.overdue) {
      let stat = stats.get(s.key);
      if (!stat) stats.set(s.key, (stat = { trackId: s.trackId, stepId: s.stepId, title: s.title, ...(s.titleEn ? { titleEn: s.titleEn } : {}), overdueNow: 0, doneLate: 0 }));
      if (s.now) stat.overdueNow++; else stat.doneLate++;
    }
  }
  return [...stats.values()].sort((a, b) => (b.overdueNow + b.doneLate) - (a.overdueNow + a.doneLate) || b.overdueNow - a.overdueNow || a.title.localeCompare(b.title)).slice(0, TOP);
}

/** Per question: answers that were wrong over the attempts that asked it; most missed first. */
export function missedQuestions(learners: readonly LearnerCharts[], pack: Pack): MissedQuestionStat[] {
  const stats = new Map<string, MissedQuestionStat>();
  for (const l of learners) {
    for (const m of l.missed) {
      let stat = stats.get(m.key);
      if (!stat) {
        const prompt = pack.quizzes.get(m.quizId)?.questions.find((q) => q.id === m.questionId)?.prompt;
        if (prompt === undefined) continue;
        stats.set(m.key, (stat = { quizId: m.quizId, questionId: m.questionId, prompt, wrong: 0, asked: 0 }));
      }
      stat.asked += m.asked;
      stat.wrong += m.wrong;
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

/**
 * Each learner's part, kept per pack and learner while their digest object (which changes with
 * their records), profile, the trainers' keys, the day and the weeks are the same: after one
 * learner's write the next call recomputes that learner only, and sums the rest as they were.
 */
interface Cached { digest: object; keys: KeySet; profile: string; span: string; value: LearnerCharts }
const partCache = new WeakMap<Pack, Map<string, Cached>>();
/** Work done in one go before other requests get their turn (as the dashboard does). */
const SLICE_MS = 10;
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The charts summed from the learners' parts, kept while every part is the very same object as in
 * the last call with the same pack, filter and weeks: then nobody's records changed and the sums
 * are reused. (Failed searches are not learners' records: they are counted on every call.)
 */
type Summed = Pick<Charts, 'completionByRole' | 'overdueSteps' | 'missedQuestions'>;
const summedCache = new WeakMap<Pack, Map<string, { parts: LearnerCharts[]; summed: Summed }>>();

function summed(pack: Pack, filter: string, parts: LearnerCharts[], weeks: number): Summed {
  let cache = summedCache.get(pack);
  if (!cache) summedCache.set(pack, (cache = new Map()));
  const last = cache.get(filter);
  if (last && last.parts.length === parts.length && last.parts.every((p, i) => p === parts[i])) return last.summed;
  const value = { completionByRole: completionByRole(parts, weeks), overdueSteps: overdueSteps(parts), missedQuestions: missedQuestions(parts, pack) };
  cache.set(filter, { parts, summed: value });
  return value;
}

/** Every chart of the trainer dashboard, over the learners of `role` (everyone by default). */
export async function getCharts(store: ChartSource, pack: Pack, opts: { role?: string; weeks?: number } = {}, now = new Date()): Promise<Charts> {
  const today = localToday(now);
  const keys = keySetOf(store.shared, pack);
  const weeks = weeksUpTo(today, opts.weeks ?? DEFAULT_WEEKS);
  const span = `${today}/${weeks.length}`;
  let cache = partCache.get(pack);
  if (!cache) partCache.set(pack, (cache = new Map()));
  const parts: LearnerCharts[] = [];
  let sliceStart = performance.now();
  for (const profile of store.shared.profiles) {
    if (opts.role && profile.roleId !== opts.role) continue;
    const digest = store.digest(profile.id);
    const key = JSON.stringify([profile.roleId, profile.startDate, profile.trainer]);
    let hit = cache.get(profile.id);
    if (!hit || hit.digest !== digest || hit.keys !== keys || hit.profile !== key || hit.span !== span) {
      hit = { digest, keys, profile: key, span, value: learnerCharts(store, pack, profile, today, weeks, keys) };
      cache.set(profile.id, hit);
    }
    if (hit.value.takesPart) parts.push(hit.value);
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToOthers();
      sliceStart = performance.now();
    }
  }
  return {
    today, weeks,
    ...structuredClone(summed(pack, `${opts.role ?? ''}\u0000${span}`, parts, weeks.length)),
    failedSearches: failedSearchesByWeek(store.shared.failedSearches, weeks),
  };
}

/**
 * On a PC where a trainer works, computes every learner's part of the charts in the background
 * after start-up (after the dashboard's warm-up), so a trainer's first click on Charts sums parts
 * instead of reading 500 learners' quiz records then. A learners-only PC skips it: nobody there
 * may open the charts.
 */
export function warmCharts(store: ChartSource, pack: () => Pack, afterMs = 2000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      if (!store.shared.profiles.some((p) => p.trainer)) return resolve();
      getCharts(store, pack()).then(() => resolve(), () => resolve() /* the real request will say */);
    }, afterMs);
    timer.unref?.();
  });
}
