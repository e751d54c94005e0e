import type { Dashboard, DashboardRow, OverdueConfirmation, StepProgress, TrackProgress } from '../../contract.js';
import type { Pack } from '../content/pack.js';
import type { Data } from '../store/schema.js';
import type { Store } from '../store/store.js';
import type { KeySet } from '../trust/signing.js';
import { keySetOf } from '../trust/verify.js';
import { overdueConfirmations } from './confirmations.js';
import { localToday } from './dates.js';
import { factsOf, trackProgress, tracksFor, type Facts } from './summary.js';

type Row = Data['profiles'][number];

/** Trainers appear only when they are following a track themselves. */
const isLearner = (p: Row, facts: Facts) => !p.trainer || facts.completions.size > 0 || facts.quizStats.size > 0;

export interface LearnerTrack { profile: Row; facts: Facts; track: TrackProgress; overdueConfirmations: OverdueConfirmation[] }
/** What the dashboard reads: the profiles and each learner's digest (never the whole records, which start-up leaves unread). */
export type LearnerSource = Pick<Store, 'shared' | 'digest'>;

function tracksOf(source: LearnerSource, pack: Pack, profile: Row, today: string, keys: KeySet): LearnerTrack[] {
  const digest = source.digest(profile.id);
  const facts = factsOf(digest, keys);
  if (!isLearner(profile, facts)) return [];
  const overdue = overdueConfirmations(pack, profile, digest.acknowledgements, today);
  return tracksFor(pack, profile, facts).map((t) => ({ profile, facts, track: trackProgress(pack, t, profile.startDate, today, facts), overdueConfirmations: overdue }));
}

/** Every learner × track, oldest profile first, in track order: shared by the dashboard and the CSV. */
export function learnerTracks(source: LearnerSource, pack: Pack, today: string, role?: string): LearnerTrack[] {
  const keys = keySetOf(source.shared, pack);
  return source.shared.profiles.filter((p) => !role || p.roleId === role).flatMap((p) => tracksOf(source, pack, p, today, keys));
}
export function toRow({ profile, facts, track, overdueConfirmations }: LearnerTrack): DashboardRow {
  const steps = track.phases.flatMap((p) => p.steps.map((s) => ({ ...s, phase: p })));
  const named = (s: StepProgress) => ({ stepId: s.id, title: s.title, ...(s.titleEn ? { titleEn: s.titleEn } : {}) });
  const overdue = steps.filter((s) => s.phase.overdue && s.required && !s.done).map((s) => ({ ...named(s), dueDate: s.phase.dueDate }));
  return {
    profileId: profile.id, name: profile.name, roleId: profile.roleId, startDate: profile.startDate,
    trackId: track.trackId, trackTitle: track.title, trackTitleEn: track.titleEn,
    percent: track.percent, done: track.done, total: track.total, complete: track.complete,
    overdue,
    lastActivity: facts.lastActivity,
    quizzes: steps.filter((s) => s.quiz).map((s) => ({ ...named(s), quizId: s.quizId ?? '', bestScore: s.quiz!.bestScore, attempts: s.quiz!.attempts, passed: s.quiz!.passed })),
    pendingSignoffs: steps.filter((s) => s.signoffRequestedAt).map((s) => ({ ...named(s), requestedAt: s.signoffRequestedAt! })),
    needsReread: steps.filter((s) => s.needsReread).map((s) => ({ ...named(s), articleId: s.articleId ?? '' })),
    unverifiedSignoffs: steps.filter((s) => s.unverified).map((s) => ({ ...named(s), claimedBy: s.unverified!.claimedBy })),
    overdueConfirmations,
    behind: overdue.length > 0 || overdueConfirmations.length > 0,
  };
}

/**
 * Rows kept per pack and learner, valid while that learner's digest object, profile and day are
 * the same: after one learner's write the dashboard recomputes that learner only.
 */
interface CachedRows { digest: object; keys: KeySet; profile: string; today: string; rows: DashboardRow[] }
const rowCache = new WeakMap<Pack, Map<string, CachedRows>>();
/** Work done in one go before other requests get their turn. */
const SLICE_MS = 10;
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function getDashboard(store: LearnerSource, pack: Pack, role?: string, now = new Date()): Promise<Dashboard> {
  const today = localToday(now);
  let cache = rowCache.get(pack);
  if (!cache) rowCache.set(pack, (cache = new Map()));
  const rows: DashboardRow[] = [];
  const keys = keySetOf(store.shared, pack);
  let sliceStart = performance.now();
  for (const profile of store.shared.profiles) {
    if (role && profile.roleId !== role) continue;
    const digest = store.digest(profile.id);
    const key = JSON.stringify([profile.name, profile.roleId, profile.startDate, profile.trainer]);
    let hit = cache.get(profile.id);
    if (!hit || hit.digest !== digest || hit.keys !== keys || hit.profile !== key || hit.today !== today) {
      hit = { digest, keys, profile: key, today, rows: tracksOf(store, pack, profile, today, keys).map(toRow) };
      cache.set(profile.id, hit);
    }
    rows.push(...hit.rows);
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToOthers();
      sliceStart = performance.now();
    }
  }
  return { today, rows, behind: new Set(rows.filter((r) => r.behind).map((r) => r.profileId)).size };
}

/**
 * Builds every learner's rows in the background (in the same slices), so the first dashboard after
 * start-up reads them instead of computing them.
 */
export function warmDashboard(store: LearnerSource, pack: () => Pack, afterMs = 1000): void {
  const timer = setTimeout(() => { getDashboard(store, pack()).catch(() => { /* the real request will say */ }); }, afterMs);
  timer.unref?.();
}
