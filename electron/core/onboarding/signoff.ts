import type { Progress } from '../../contract.js';
import { badRequest, HandbookError } from '../api/errors.js';
import type { Pack } from '../content/pack.js';
import { checkPin, type PinGuard } from '../profiles/pin.js';
import { requireProfile } from '../profiles/profiles.js';
import type { Store } from '../store/store.js';
import { findStep, getProgress, markDone, type StepRef } from './progress.js';

function requireSignoffStep(pack: Pack, ref: StepRef) {
  const { step } = findStep(pack, ref.trackId, ref.stepId);
  if (step.type !== 'signoff') throw badRequest(`step "${ref.stepId}" is not a sign-off step`);
  return step;
}

/** The learner asks; the latest request per step is kept, and it is pending until signed off. */
export async function requestSignoff(store: Store, pack: Pack, req: StepRef & { note?: string }): Promise<Progress> {
  requireProfile(store, req.profileId);
  requireSignoffStep(pack, req);
  const ref = { profileId: req.profileId, trackId: req.trackId, stepId: req.stepId };
  await store.updateRecords(ref.profileId, (d) => {
    d.signoffRequests = d.signoffRequests.filter((r) => !(r.profileId === ref.profileId && r.trackId === ref.trackId && r.stepId === ref.stepId));
    d.signoffRequests.push({ ...ref, requestedAt: new Date().toISOString(), ...(req.note ? { note: req.note } : {}) });
  });
  return getProgress(store, pack, ref.profileId);
}

/** Only a trainer, with their own correct PIN, and never for their own steps; who and when is recorded. */
export async function signOff(store: Store, pack: Pack, guard: PinGuard, req: StepRef & { trainerId: string; pin: string }): Promise<Progress> {
  const trainer = requireProfile(store, req.trainerId);
  requireProfile(store, req.profileId);
  requireSignoffStep(pack, req);
  if (!trainer.trainer) throw new HandbookError('forbidden', `${trainer.name} is not a trainer`, 'notTrainer', { name: trainer.name });
  if (trainer.id === req.profileId) throw new HandbookError('forbidden', 'a trainer cannot sign off their own steps', 'ownSignoff');
  const wait = guard.lockedFor(trainer.id);
  if (wait > 0) throw new HandbookError('forbidden', `too many wrong PINs: try again in ${Math.ceil(wait / 1000)} s`, 'pinLocked', { seconds: Math.ceil(wait / 1000) });
  const ok = checkPin(req.pin, trainer.pinHash);
  guard.record(trainer.id, ok);
  if (!ok) throw new HandbookError('forbidden', 'wrong PIN', 'wrongPin');
  const ref = { profileId: req.profileId, trackId: req.trackId, stepId: req.stepId };
  await store.updateRecords(ref.profileId, (d) => {
    markDone(d, { ...ref, completedAt: new Date().toISOString(), signedBy: { id: trainer.id, name: trainer.name } });
    d.signoffRequests = d.signoffRequests.filter((r) => !(r.profileId === ref.profileId && r.trackId === ref.trackId && r.stepId === ref.stepId));
  });
  return getProgress(store, pack, ref.profileId);
}
