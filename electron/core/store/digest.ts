import type { Records } from './layout.js';
import type { Data } from './schema.js';

/** Per quiz step: what a progress summary needs of its attempts, not the attempts (the bulk of a learner's file). */
export interface QuizDigest {
  trackId: string;
  stepId: string;
  attempts: number;
  /** The best score of any attempt. */
  best: number;
  passed: boolean;
  /** The latest attempt's time. */
  lastAt: string;
}

/**
 * What progress and the dashboard read of one learner's records, a few KB however many they read or
 * tried: the completions and sign-off requests as they are (sign-offs are verified from these rows),
 * each quiz step's attempts counted, and the time of the latest fact that moves no step. Kept in the
 * records index, so start-up and the first dashboard need not parse every learner's file.
 */
export interface RecordsDigest {
  completions: Data['completions'];
  signoffRequests: Data['signoffRequests'];
  quizzes: QuizDigest[];
  /** The latest un-tick or article view. */
  lastOther: string | null;
  /** Per article, the confirmation (阅读确认) that counts: see `latestConfirmations`. */
  acknowledgements: Data['acknowledgements'];
}

/**
 * Per article the confirmation of its highest version, the first one made of that version: what
 * "confirmed" and "overdue" read. A handful of rows however often someone re-confirms.
 */
export function latestConfirmations(rows: Data['acknowledgements']): Data['acknowledgements'] {
  const best = new Map<string, Data['acknowledgements'][number]>();
  for (const r of rows) {
    const kept = best.get(r.articleId);
    if (!kept || r.version > kept.version || (r.version === kept.version && r.at < kept.at)) best.set(r.articleId, r);
  }
  return [...best.values()];
}

const later = (a: string | null, b: string | undefined) => (!b ? a : !a || b > a ? b : a);

export function digestOf(records: Pick<Records, 'completions' | 'signoffRequests' | 'quizAttempts' | 'uncompletions' | 'views' | 'acknowledgements'>): RecordsDigest {
  const quizzes = new Map<string, QuizDigest>();
  for (const a of records.quizAttempts) {
    const k = `${a.trackId}\u0000${a.stepId}`;
    const q = quizzes.get(k);
    if (!q) quizzes.set(k, { trackId: a.trackId, stepId: a.stepId, attempts: 1, best: a.score, passed: a.passed, lastAt: a.at });
    else {
      q.attempts++;
      q.best = Math.max(q.best, a.score);
      q.passed ||= a.passed;
      q.lastAt = later(q.lastAt, a.at)!;
    }
  }
  let lastOther: string | null = null;
  for (const u of records.uncompletions) lastOther = later(lastOther, u.at);
  for (const v of records.views) lastOther = later(lastOther, v.at);
  return { completions: records.completions, signoffRequests: records.signoffRequests, quizzes: [...quizzes.values()], lastOther, acknowledgements: latestConfirmations(records.acknowledgements ?? []) };
}

/** Whether a value read from the index has a digest's shape (a damaged or foreign index is ignored, never trusted blindly). */
export function isDigest(v: unknown): v is RecordsDigest {
  const d = v as RecordsDigest;
  return !!d && typeof d === 'object' && Array.isArray(d.completions) && Array.isArray(d.signoffRequests) && Array.isArray(d.quizzes)
    && (d.lastOther === null || typeof d.lastOther === 'string') && Array.isArray(d.acknowledgements)
    && d.quizzes.every((q) => !!q && typeof q.trackId === 'string' && typeof q.stepId === 'string' && typeof q.attempts === 'number' && typeof q.best === 'number' && typeof q.lastAt === 'string');
}
