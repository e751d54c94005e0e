import type { Progress, Track, TrackStep } from '../../contract.js';
import { badRequest, notFound } from '../api/errors.js';
import type { Pack } from '../content/pack.js';
import { requireProfile } from '../profiles/profiles.js';
import type { Data } from '../store/schema.js';
import type { Store } from '../store/store.js';
import { keySetOf } from '../trust/verify.js';
import { localToday } from './dates.js';
import { factsOf, trackProgress, tracksFor } from './summary.js';

export interface StepRef { profileId: string; trackId: string; stepId: string }

export function getProgress(store: Store, pack: Pack, profileId: string, now = new Date()): Progress {
  const profile = requireProfile(store, profileId);
  const records = store.records(profileId);
  const today = localToday(now);
  const facts = factsOf(store.digest(profileId), keySetOf(store.shared, pack));
  const completed = records.completions
    .map(({ trackId, stepId, completedAt, contentHash, signedBy }) => ({
      trackId, stepId, completedAt, ...(contentHash ? { contentHash } : {}),
      ...(signedBy ? { signedBy, verified: !facts.unverified.has(`${trackId}\u0000${stepId}`) } : {}),
    }));
  const tracks = tracksFor(pack, profile, facts).map((t) => trackProgress(pack, t, profile.startDate, today, facts));
  return { profileId, completed, today, startDate: profile.startDate, tracks };
}

export function findStep(pack: Pack, trackId: string, stepId: string): { track: Track; step: TrackStep } {
  const track = pack.tracks.get(trackId);
  if (!track) throw notFound(`track "${trackId}"`);
  const step = track.phases.flatMap((p) => p.steps).find((s) => s.id === stepId);
  if (!step) throw notFound(`step "${stepId}" in track "${trackId}"`);
  return { track, step };
}

const same = (ref: StepRef) => (r: StepRef) => r.profileId === ref.profileId && r.trackId === ref.trackId && r.stepId === ref.stepId;
const other = (ref: StepRef) => (r: StepRef) => !same(ref)(r);

/** Replaces the step's completion (inside a `store.updateRecords`); an earlier un-tick no longer applies. */
export function markDone(d: Pick<Data, 'completions' | 'uncompletions'>, row: Data['completions'][number]): void {
  d.completions = d.completions.filter(other(row));
  d.uncompletions = d.uncompletions.filter(other(row));
  d.completions.push(row);
}

/**
 * Marks a step done. A `read` step remembers the article's hash, so a later edit can ask for a
 * re-read. Completing again refreshes the record (that is how a re-read is confirmed).
 */
export async function completeStep(store: Store, pack: Pack, req: StepRef): Promise<Progress> {
  requireProfile(store, req.profileId);
  const { step } = findStep(pack, req.trackId, req.stepId);
  if (step.type === 'signoff') throw badRequest('a sign-off step is completed by a trainer with their PIN');
  if (step.type === 'quiz') throw badRequest('a quiz step is completed by passing its quiz');
  const contentHash = step.articleId ? pack.articles.get(step.articleId)?.source.hash : undefined;
  await store.updateRecords(req.profileId, (d) => markDone(d, { ...req, completedAt: new Date().toISOString(), ...(contentHash ? { contentHash } : {}) }));
  return getProgress(store, pack, req.profileId);
}

/**
 * Un-ticks a task or read step. The un-tick is kept as a dated fact, so merging an older export
 * from another PC (where the step was still done) does not tick it again.
 */
export async function uncompleteStep(store: Store, pack: Pack, req: StepRef): Promise<Progress> {
  requireProfile(store, req.profileId);
  const { step } = findStep(pack, req.trackId, req.stepId);
  if (step.type === 'quiz' || step.type === 'signoff') throw badRequest(`a ${step.type} step cannot be un-ticked`);
  if (store.records(req.profileId).completions.some(same(req))) {
    await store.updateRecords(req.profileId, (d) => {
      d.completions = d.completions.filter(other(req));
      d.uncompletions = [...d.uncompletions.filter(other(req)), { ...req, at: new Date().toISOString() }];
    });
  }
  return getProgress(store, pack, req.profileId);
}
