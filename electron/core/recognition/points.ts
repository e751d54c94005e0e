import type { Badge, BadgeId, PointEvent, PointSource, Recognition } from '../../contract.js';
import type { LearnerView } from '../onboarding/learnerView.js';

/**
 * Points per fact. They are computed from the records on every read and never stored, so nobody can
 * edit a number: only the facts (a trainer's signature among them) make points.
 */
export const POINTS: Record<PointSource, number> = { step: 10, quiz: 20, quizFirstTry: 30, track: 100, confirmation: 10 };
export const POINT_SOURCE_NAMES = Object.keys(POINTS) as PointSource[];

/** Every finished step that is not a quiz (quizzes earn their own points): read, task, signed-off. */
export function stepPoints(v: LearnerView): PointEvent[] {
  return v.tracks.flatMap((t) => t.phases.flatMap((p) => p.steps
    .filter((s) => s.done && s.type !== 'quiz' && s.completedAt)
    .map((s): PointEvent => ({ source: 'step', points: POINTS.step, at: s.completedAt!, trackId: t.trackId, stepId: s.id, title: s.title, ...(s.titleEn ? { titleEn: s.titleEn } : {}) }))));
}

/** Every passed quiz step once: more when its first attempt passed. */
export function quizPoints(v: LearnerView): PointEvent[] {
  return v.tracks.flatMap((t) => t.phases.flatMap((p) => p.steps.filter((s) => s.type === 'quiz' && s.done).map((s): PointEvent => {
    const attempts = v.records.quizAttempts.filter((a) => a.trackId === t.trackId && a.stepId === s.id).sort((a, b) => a.at.localeCompare(b.at));
    const firstPass = attempts.find((a) => a.passed);
    const firstTry = !!attempts[0]?.passed;
    const source: PointSource = firstTry ? 'quizFirstTry' : 'quiz';
    return { source, points: POINTS[source], at: firstPass?.at ?? s.completedAt!, trackId: t.trackId, stepId: s.id, title: s.title, ...(s.titleEn ? { titleEn: s.titleEn } : {}) };
  })));
}

/** Every finished track. */
export function trackPoints(v: LearnerView): PointEvent[] {
  return v.tracks.filter((t) => t.complete && t.completedAt).map((t) => ({ source: 'track', points: POINTS.track, at: t.completedAt!, trackId: t.trackId, title: t.title, titleEn: t.titleEn }));
}

/**
 * Every policy version confirmed (阅读确认), once each: a re-confirmation after a material change
 * earns again (the trainer asked everyone to reread), a second click on the same version does not.
 */
export function confirmationPoints(v: LearnerView): PointEvent[] {
  return v.confirmedPolicies.map((c) => ({ source: 'confirmation', points: POINTS.confirmation, at: c.at, articleId: c.articleId, version: c.version, title: c.title }));
}

/**
 * Where points come from, one function per source. A new source (practice from the question bank)
 * is one more function here and one more `PointSource`.
 */
export const POINT_SOURCES: Array<(v: LearnerView) => PointEvent[]> = [stepPoints, quizPoints, trackPoints, confirmationPoints];

/** Every fact that earned points, oldest first. */
export function pointEvents(v: LearnerView): PointEvent[] {
  return POINT_SOURCES.flatMap((source) => source(v)).sort((a, b) => a.at.localeCompare(b.at));
}

type Metric = 'steps' | 'firstTry' | 'tracks' | 'recognitions' | 'points';
/** Milestones, in the order people meet them; names and descriptions are `badge.<id>` in the UI dictionaries. */
export const BADGES: ReadonlyArray<{ id: BadgeId; metric: Metric; need: number }> = [
  { id: 'first-step', metric: 'steps', need: 1 },
  { id: 'first-try', metric: 'firstTry', need: 1 },
  { id: 'first-track', metric: 'tracks', need: 1 },
  { id: 'recognized', metric: 'recognitions', need: 1 },
  { id: 'steps-25', metric: 'steps', need: 25 },
  { id: 'points-500', metric: 'points', need: 500 },
  { id: 'first-try-10', metric: 'firstTry', need: 10 },
];

/** What each source adds to the step and track milestones (a confirmation is neither). */
const STEP_LIKE: Record<PointSource, Partial<Record<Metric, number>>> = { step: { steps: 1 }, quiz: { steps: 1 }, quizFirstTry: { steps: 1 }, track: { tracks: 1 }, confirmation: {} };

/** Reached badges (when each was reached) and how far the learner is from the others. */
export function badgesOf(events: PointEvent[], recognitions: Recognition[]): { badges: Badge[]; next: Array<{ id: BadgeId; have: number; need: number }> } {
  const timeline: Array<{ at: string; add: Partial<Record<Metric, number>> }> = [
    ...events.map((e) => ({
      at: e.at,
      add: { points: e.points, ...STEP_LIKE[e.source], ...(e.source === 'quizFirstTry' ? { firstTry: 1 } : {}) },
    })),
    ...recognitions.map((r) => ({ at: r.givenAt, add: { recognitions: 1 } })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  const have: Record<Metric, number> = { steps: 0, firstTry: 0, tracks: 0, recognitions: 0, points: 0 };
  const earned = new Map<BadgeId, string>();
  for (const { at, add } of timeline) {
    for (const [m, n] of Object.entries(add) as Array<[Metric, number]>) have[m] += n;
    for (const b of BADGES) if (!earned.has(b.id) && have[b.metric] >= b.need) earned.set(b.id, at);
  }
  return {
    badges: BADGES.filter((b) => earned.has(b.id)).map((b) => ({ id: b.id, earnedAt: earned.get(b.id)! })).sort((a, b) => a.earnedAt.localeCompare(b.earnedAt)),
    next: BADGES.filter((b) => !earned.has(b.id)).map((b) => ({ id: b.id, have: have[b.metric], need: b.need })),
  };
}
