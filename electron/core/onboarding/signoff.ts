import type { Progress } from '../../contract.js';
import { badRequest, HandbookError } from '../api/errors.js';
import type { Pack } from '../content/pack.js';
import type { EditSessions } from '../profiles/sessions.js';
import { signSignoff } from '../trust/signing.js';
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

/**
 * Only a trainer's session (unlocked with their passphrase), never for their own steps. The fact is
 * signed with the trainer's key over its canonical form; who and when is recorded.
 */
export async function signOff(store: Store, pack: Pack, sessions: EditSessions, req: StepRef & { token: string }): Promise<Progress> {
  const trainer = sessions.require(req.token);
  requireProfile(store, req.profileId);
  requireSignoffStep(pack, req);
  if (trainer.profileId === req.profileId) throw new HandbookError('forbidden', 'a trainer cannot sign off their own steps', 'ownSignoff');
  if (!trainer.signer) throw new HandbookError('forbidden', `${trainer.name} has no signing key yet: set a passphrase first`, 'mustSetPassphrase', { name: trainer.name });
  const ref = { profileId: req.profileId, trackId: req.trackId, stepId: req.stepId };
  const completedAt = new Date().toISOString();
  const signature = signSignoff({ ...ref, completedAt, trainerId: trainer.profileId }, trainer.signer);
  await store.updateRecords(ref.profileId, (d) => {
    markDone(d, { ...ref, completedAt, signedBy: { id: trainer.profileId, name: trainer.name }, signature });
    d.signoffRequests = d.signoffRequests.filter((r) => !(r.profileId === ref.profileId && r.trackId === ref.trackId && r.stepId === ref.stepId));
  });
  return getProgress(store, pack, ref.profileId);
}
