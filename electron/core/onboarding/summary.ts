import type { NextStep, PhaseProgress, StepProgress, Track, TrackProgress } from '../../contract.js';
import type { Pack } from '../content/pack.js';
import type { Quiz } from '../content/quizFile.js';
import type { RecordsDigest } from '../store/digest.js';
import type { Data } from '../store/schema.js';
import type { KeySet } from '../trust/signing.js';
import { claimsTrainer, signerName, signoffVerifies } from '../trust/verify.js';
import { daysBetween, dueDate, DUE_SOON_DAYS } from './dates.js';

type Row = Data['profiles'][number];
const NEXT_LIMIT = 5;

/** The learner's facts, indexed once so a dashboard of many learners stays cheap. */
export interface Facts {
  completions: Map<string, Data['completions'][number]>;
  requests: Map<string, Data['signoffRequests'][number]>;
  /** Sign-offs whose signature does not check: shown as such, counted as nothing. */
  unverified: Map<string, Data['completions'][number]>;
  lastActivity: string | null;
  /** Per quiz step: attempts, best score and whether any passed, so a step's progress is found, not computed. */
  quizStats: Map<string, { trackId: string; attempts: number; best: number; passed: boolean }>;
  /** Per track: the latest fact (completion, attempt, request). */
  trackActivity: Map<string, string>;
}
const key = (trackId: string, stepId: string) => `${trackId}\u0000${stepId}`;
const later = (a: string | null, b: string | null | undefined) => (!b ? a : !a || b > a ? b : a);

/**
 * A learner's digest stays the same object until their records change (`store.digest(profileId)`),
 * and so does the trainers' key set, so their facts are indexed once per change of either.
 */
const indexed = new WeakMap<RecordsDigest, { keys: KeySet; facts: Facts }>();

/** One learner's facts, from that learner's digest (`store.digest(profileId)`), checked against the trainers' keys. */
export function factsOf(digest: RecordsDigest, keys: KeySet): Facts {
  const cached = indexed.get(digest);
  if (cached && cached.keys === keys) return cached.facts;
  const facts: Facts = { completions: new Map(), requests: new Map(), unverified: new Map(), lastActivity: null, quizStats: new Map(), trackActivity: new Map() };
  const touch = (trackId: string, at: string) => {
    facts.lastActivity = later(facts.lastActivity, at);
    facts.trackActivity.set(trackId, later(facts.trackActivity.get(trackId) ?? null, at)!);
  };
  for (const c of digest.completions) {
    if (claimsTrainer(c) && !signoffVerifies(c, keys)) {
      facts.unverified.set(key(c.trackId, c.stepId), c);
      continue;
    }
    // A verified sign-off names its trainer as the trusted keys do, not as the (unsigned) record says.
    const name = c.signedBy ? signerName(keys, c.signedBy.id) : null;
    facts.completions.set(key(c.trackId, c.stepId), name && name !== c.signedBy!.name ? { ...c, signedBy: { id: c.signedBy!.id, name } } : c);
    touch(c.trackId, c.completedAt);
  }
  for (const q of digest.quizzes) {
    facts.quizStats.set(key(q.trackId, q.stepId), { trackId: q.trackId, attempts: q.attempts, best: q.best, passed: q.passed });
    touch(q.trackId, q.lastAt);
  }
  for (const r of digest.signoffRequests) {
    facts.requests.set(key(r.trackId, r.stepId), r);
    touch(r.trackId, r.requestedAt);
  }
  facts.lastActivity = later(facts.lastActivity, digest.lastOther);
  indexed.set(digest, { keys, facts });
  return facts;
}

/** The learner's own track(s) first (by role), then every other track they have touched. */
export function tracksFor(pack: Pack, profile: Row, facts: Facts): Track[] {
  const roleTrack = pack.roles.get(profile.roleId)?.summary.trackId;
  const own = [...pack.tracks.values()].filter((t) => t.roleId === profile.roleId || t.id === roleTrack);
  const others = [...pack.tracks.values()].filter((t) => !own.includes(t) && touched(facts, t.id));
  return [...own, ...others];
}

/** A track the learner completed a step of or took a quiz in. */
function touched(facts: Facts, trackId: string): boolean {
  for (const c of facts.completions.values()) if (c.trackId === trackId) return true;
  for (const q of facts.quizStats.values()) if (q.trackId === trackId) return true;
  return false;
}

function stepProgress(pack: Pack, track: Track, step: Track['phases'][number]['steps'][number], facts: Facts): StepProgress {
  const k = key(track.id, step.id);
  let c = facts.completions.get(k);
  let unverified = facts.unverified.get(k);
  // A sign-off step is done only by a trainer's signed fact; a bare completion of it is a claim.
  if (c && step.type === 'signoff' && !c.signedBy) [unverified, c] = [c, undefined];
  const stats = facts.quizStats.get(k);
  const current = step.articleId ? pack.articles.get(step.articleId)?.source.hash : undefined;
  const request = facts.requests.get(k);
  // A quiz step without its own title is named after its quiz, not its file name.
  const quiz = step.type === 'quiz' && step.quizId ? pack.quizzes.get(step.quizId) : undefined;
  const titleEn = stepTitleEn(step, quiz);
  return {
    ...step,
    ...(quiz && step.title === step.quizId ? { title: quiz.title } : {}),
    ...(titleEn ? { titleEn } : {}),
    done: !!c,
    completedAt: c?.completedAt ?? null,
    // Only a hash recorded at completion can tell an edit happened; a deleted article asks nothing.
    needsReread: !!c && step.type === 'read' && !!c.contentHash && !!current && current !== c.contentHash,
    signedBy: c?.signedBy ?? null,
    unverified: !c && unverified ? { claimedBy: unverified.signedBy?.name ?? null, at: unverified.completedAt } : null,
    signoffRequestedAt: step.type === 'signoff' && !c && request ? request.requestedAt : null,
    quiz: step.type === 'quiz'
      ? { attempts: stats?.attempts ?? 0, bestScore: stats ? stats.best : null, passed: !!stats?.passed || !!c }
      : null,
  };
}

/**
 * A step's English title: its own `title_en`, else its quiz's (only a real `title_en`: a quiz
 * without one repeats its Chinese title), else none and the UI shows `title`. Articles have no
 * English title in the pack format, so a `read` step has one only of its own.
 */
export function stepTitleEn(step: Track['phases'][number]['steps'][number], quiz: Pick<Quiz, 'title' | 'titleEn'> | undefined): string | undefined {
  if (step.titleEn) return step.titleEn;
  if (quiz && quiz.titleEn !== quiz.title) return quiz.titleEn;
  return undefined;
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
    lastActivity: facts.trackActivity.get(track.id) ?? null,
    phases,
    next: next.slice(0, NEXT_LIMIT),
  };
}
