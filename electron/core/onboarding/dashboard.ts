import type { Dashboard, DashboardRow, TrackProgress } from '../../contract.js';
import type { Pack } from '../content/pack.js';
import type { Data } from '../store/schema.js';
import type { Store } from '../store/store.js';
import { localToday } from './dates.js';
import { factsOf, trackProgress, tracksFor, type Facts } from './summary.js';

type Row = Data['profiles'][number];

/** Trainers appear only when they are following a track themselves. */
const isLearner = (p: Row, facts: Facts) => !p.trainer || facts.completions.size > 0 || facts.attempts.size > 0;

export interface LearnerTrack { profile: Row; facts: Facts; track: TrackProgress }

/** Every learner × track, oldest profile first, in track order: shared by the dashboard and the CSV. */
export function learnerTracks(data: Data, pack: Pack, today: string, role?: string): LearnerTrack[] {
  const out: LearnerTrack[] = [];
  for (const profile of data.profiles) {
    if (role && profile.roleId !== role) continue;
    const facts = factsOf(data, profile.id);
    if (!isLearner(profile, facts)) continue;
    for (const t of tracksFor(pack, profile, facts)) out.push({ profile, facts, track: trackProgress(pack, t, profile.startDate, today, facts) });
  }
  return out;
}

export function toRow({ profile, facts, track }: LearnerTrack): DashboardRow {
  const steps = track.phases.flatMap((p) => p.steps.map((s) => ({ ...s, phase: p })));
  return {
    profileId: profile.id, name: profile.name, roleId: profile.roleId, startDate: profile.startDate,
    trackId: track.trackId, trackTitle: track.title, trackTitleEn: track.titleEn,
    percent: track.percent, done: track.done, total: track.total, complete: track.complete,
    overdue: steps.filter((s) => s.phase.overdue && s.required && !s.done).map((s) => ({ stepId: s.id, title: s.title, dueDate: s.phase.dueDate })),
    lastActivity: facts.lastActivity,
    quizzes: steps.filter((s) => s.quiz).map((s) => ({ stepId: s.id, quizId: s.quizId ?? '', title: s.title, bestScore: s.quiz!.bestScore, attempts: s.quiz!.attempts, passed: s.quiz!.passed })),
    pendingSignoffs: steps.filter((s) => s.signoffRequestedAt).map((s) => ({ stepId: s.id, title: s.title, requestedAt: s.signoffRequestedAt! })),
    needsReread: steps.filter((s) => s.needsReread).map((s) => ({ stepId: s.id, articleId: s.articleId ?? '', title: s.title })),
    unverifiedSignoffs: steps.filter((s) => s.unverified).map((s) => ({ stepId: s.id, title: s.title, claimedBy: s.unverified!.claimedBy })),
  };
}

export function getDashboard(store: Store, pack: Pack, role?: string, now = new Date()): Dashboard {
  const today = localToday(now);
  return { today, rows: learnerTracks(store.data, pack, today, role).map(toRow) };
}
