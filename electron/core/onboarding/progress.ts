import type { Progress } from '../../contract.js';
import { badRequest, notFound } from '../api/errors.js';
import type { Pack } from '../content/pack.js';
import { requireProfile } from '../profiles/profiles.js';
import type { Store } from '../store/store.js';

export function getProgress(store: Store, profileId: string): Progress {
  requireProfile(store, profileId);
  const completed = store.data.completions
    .filter((c) => c.profileId === profileId)
    .map(({ trackId, stepId, completedAt, contentHash }) => ({ trackId, stepId, completedAt, ...(contentHash ? { contentHash } : {}) }));
  return { profileId, completed };
}

/**
 * Marks a step done. A `read` step remembers the article's hash, so a later edit can ask for a
 * re-read. Completing again refreshes the record (that is how a re-read is confirmed).
 */
export async function completeStep(store: Store, pack: Pack, req: { profileId: string; trackId: string; stepId: string }): Promise<Progress> {
  requireProfile(store, req.profileId);
  const track = pack.tracks.get(req.trackId);
  if (!track) throw notFound(`track "${req.trackId}"`);
  const step = track.phases.flatMap((p) => p.steps).find((s) => s.id === req.stepId);
  if (!step) throw notFound(`step "${req.stepId}" in track "${req.trackId}"`);
  if (step.type === 'signoff') throw badRequest('a sign-off step is completed by a trainer with their PIN');
  const contentHash = step.articleId ? pack.articles.get(step.articleId)?.source.hash : undefined;
  await store.update((d) => {
    d.completions = d.completions.filter((c) => !(c.profileId === req.profileId && c.trackId === req.trackId && c.stepId === req.stepId));
    d.completions.push({ profileId: req.profileId, trackId: req.trackId, stepId: req.stepId, completedAt: new Date().toISOString(), ...(contentHash ? { contentHash } : {}) });
  });
  return getProgress(store, req.profileId);
}
