import type { NextStep, PhaseProgress, StepProgress, Track, TrackProgress } from '../../contract.js';
import type { Pack } from '../content/pack.js';
import type { Data } from '../store/schema.js';
import { daysBetween, dueDate, DUE_SOON_DAYS } from './dates.js';

type Row = Data['profiles'][number];
const NEXT_LIMIT = 5;

/** The learner's facts, indexed once so a dashboard of many learners stays cheap. */
export interface Facts {
  completions: Map<string, Data['completions'][number]>;
  attempts: Map<string, Data['quizAttempts']>;
  requests: Map<string, Data['signoffRequests'][number]>;
  lastActivity: string | null;
}
const key = (trackId: string, stepId: string) => `${trackId}\u0000${stepId}`;
const later = (a: string | null, b: string | null | undefined) => (!b ? a : !a || b > a ? b : a);

export function factsOf(data: Data, profileId: string): Facts {
  const facts: Facts = { completions: new Map(), attempts: new Map(), requests: new Map(), lastActivity: null };
  for (const c of data.completions) {
    if (c.profileId !== profileId) continue;
    facts.completions.set(key(c.trackId, c.stepId), c);
    facts.lastActivity = later(facts.lastActivity, c.completedAt);
  }
  for (const a of data.quizAttempts) {
    if (a.profileId !== profileId) continue;
    const k = key(a.trackId, a.stepId);
    facts.attempts.set(k, [...(facts.attempts.get(k) ?? []), a]);
    facts.lastActivity = later(facts.lastActivity, a.at);
  }
  for (const r of data.signoffRequests) {
    if (r.profileId !== profileId) continue;
    facts.requests.set(key(r.trackId, r.stepId), r);
    facts.lastActivity = later(facts.lastActivity, r.requestedAt);
  }
  for (const u of data.uncompletions) if (u.profileId === profileId) facts.lastActivity = later(facts.lastActivity, u.at);
  for (const v of data.views) if (v.profileId === profileId) facts.lastActivity = later(facts.lastActivity, v.at);
  return facts;
}

/** The learner's own track(s) first (by role), then every other track they have touched. */
export function tracksFor(pack: Pack, profile: Row, facts: Facts): Track[] {
  const roleTrack = pack.roles.get(profile.roleId)?.summary.trackId;
  const own = [...pack.tracks.values()].filter((t) => t.roleId === profile.roleId || t.id === roleTrack);
  const touched = new Set([...facts.completions.values()].map((c) => c.trackId).concat([...facts.attempts.values()].flat().map((a) => a.trackId)));
  const others = [...pack.tracks.values()].filter((t) => !own.includes(t) && touched.has(t.id));
  return [...own, ...others];
}

function stepProgress(pack: Pack, track: Track, step: Track['phases'][number]['steps'][number], facts: Facts): StepProgress {
  const k = key(track.id, step.id);
  const c = facts.completions.get(k);
  const attempts = facts.attempts.get(k) ?? [];
  const current = step.articleId ? pack.articles.get(step.articleId)?.source.hash : undefined;
  const request = facts.requests.get(k);
  // A quiz step without its own title is named after its quiz, not its file name.
  const quiz = step.type === 'quiz' && step.quizId && step.title === step.quizId ? pack.quizzes.get(step.quizId) : undefined;
  return {
    ...step,
    ...(quiz ? { title: quiz.title, ...(quiz.titleEn ? { titleEn: quiz.titleEn } : {}) } : {}),
    done: !!c,
    completedAt: c?.completedAt ?? null,
    // Only a hash recorded at completion can tell an edit happened; a deleted article asks nothing.
    needsReread: !!c && step.type === 'read' && !!c.contentHash && !!current && current !== c.contentHash,
    signedBy: c?.signedBy ?? null,
    signoffRequestedAt: step.type === 'signoff' && !c && request ? request.requestedAt : null,
    quiz: step.type === 'quiz'
      ? { attempts: attempts.length, bestScore: attempts.length ? Math.max(...attempts.map((a) => a.score)) : null, passed: attempts.some((a) => a.passed) || !!c }
      : null,
  };
}

/** Counts required steps; a phase or track with only optional steps counts them all instead. */
function counted(steps: StepProgress[]): StepProgress[] {
  const required = steps.filter((s) => s.required);
  return required.length ? required : steps;
}

export function trackProgress(pack: Pack, track: Track, startDate: string, today: string, facts: Facts): TrackProgress {
  const phases: PhaseProgress[] = track.phases.map((p) => {
    const steps = p.steps.map((s) => stepProgress(pack, track, s, facts));
    const due = dueDate(startDate, p.dueDay);
    const scored = counted(steps);
    const done = scored.filter((s) => s.done).length;
    const complete = done === scored.length;
    const left = daysBetween(today, due);
    return {
      id: p.id, title: p.title, titleEn: p.titleEn, dueDay: p.dueDay, dueDate: due, done, total: scored.length, complete,
      overdue: !complete && left < 0,
      dueSoon: !complete && left >= 0 && left < DUE_SOON_DAYS,
      steps,
    };
  });
  const all = phases.flatMap((p) => p.steps);
  const scored = counted(all);
  const done = scored.filter((s) => s.done).length;
  const complete = scored.length > 0 && done === scored.length;
  const overdueSteps = phases.filter((p) => p.overdue).flatMap((p) => p.steps.filter((s) => s.required && !s.done)).length;
  const next: NextStep[] = [];
  const toNext = (p: PhaseProgress, s: StepProgress, reread: boolean): NextStep => ({
    trackId: track.id, stepId: s.id, phaseId: p.id, title: s.title, ...(s.titleEn ? { titleEn: s.titleEn } : {}), type: s.type, dueDate: p.dueDate, overdue: p.overdue && !s.done, reread,
    ...(s.articleId ? { articleId: s.articleId } : {}), ...(s.quizId ? { quizId: s.quizId } : {}),
  });
  for (const p of phases) for (const s of p.steps) if (s.needsReread) next.push(toNext(p, s, true));
  for (const p of phases) for (const s of p.steps) if (!s.done && s.required) next.push(toNext(p, s, false));
  for (const p of phases) for (const s of p.steps) if (!s.done && !s.required) next.push(toNext(p, s, false));
  next.sort((a, b) => Number(b.reread) - Number(a.reread) || Number(b.overdue) - Number(a.overdue));
  return {
    trackId: track.id, roleId: track.roleId, title: track.title, titleEn: track.titleEn,
    percent: scored.length ? Math.floor((done / scored.length) * 100) : 0, done, total: scored.length, complete,
    completedAt: complete ? scored.map((s) => s.completedAt ?? '').sort().at(-1) ?? null : null,
    overdueSteps,
    needsReread: all.filter((s) => s.needsReread).length,
    lastActivity: trackActivity(track.id, facts),
    phases,
    next: next.slice(0, NEXT_LIMIT),
  };
}

function trackActivity(trackId: string, facts: Facts): string | null {
  let last: string | null = null;
  for (const c of facts.completions.values()) if (c.trackId === trackId) last = later(last, c.completedAt);
  for (const list of facts.attempts.values()) for (const a of list) if (a.trackId === trackId) last = later(last, a.at);
  for (const r of facts.requests.values()) if (r.trackId === trackId) last = later(last, r.requestedAt);
  return last;
}
