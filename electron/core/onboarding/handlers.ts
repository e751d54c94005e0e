import type { Dashboard, Handlers } from '../../contract.js';
import type { EditSessions } from '../profiles/sessions.js';
import type { Pack } from '../content/pack.js';
import type { Store } from '../store/store.js';
import { getDashboard } from './dashboard.js';
import { exportProgress, importProgress } from './exchange.js';
import { completeStep, getProgress, uncompleteStep } from './progress.js';
import { requestSignoff, signOff } from './signoff.js';

export type OnboardingMethods =
  | 'listTracks' | 'getProgress' | 'completeStep' | 'uncompleteStep' | 'requestSignoff'
  | 'signOff' | 'getDashboard' | 'exportProgress' | 'importProgress';

/** What the onboarding methods need from the core. */
export interface OnboardingContext {
  /** The pack as loaded now (it changes on every reload). */
  pack(): Pack;
  store: Store;
  sessions: EditSessions;
  /** The store as the trainer's dashboard and CSV see it: in a team, with the learners of the team's roster too. */
  teamStore: Store;
  /** Adds what only the team knows to a dashboard (each learner's PCs and when each last synced). */
  withTeamDetails(dashboard: Dashboard): Dashboard;
}

/**
 * Tracks, progress, quizzes, sign-offs and the dashboard. A learner reads and writes only their own
 * records; a trainer reads everyone's but writes a learner's facts only by signing them off.
 */
export function onboardingHandlers({ pack, store, sessions, teamStore, withTeamDetails }: OnboardingContext): Pick<Handlers, OnboardingMethods> {
  return {
    async listTracks() { return [...pack().tracks.values()]; },
    async getProgress({ token, profileId }) { sessions.self(token, profileId, true); return getProgress(store, pack(), profileId); },
    async completeStep({ token, ...ref }) { sessions.self(token, ref.profileId, false); return completeStep(store, pack(), ref); },
    async uncompleteStep({ token, ...ref }) { sessions.self(token, ref.profileId, false); return uncompleteStep(store, pack(), ref); },
    async requestSignoff({ token, ...req }) { sessions.self(token, req.profileId, false); return requestSignoff(store, pack(), req); },
    async signOff(req) { return signOff(store, pack(), sessions, req); },
    async getDashboard({ token, role }) { sessions.require(token); return withTeamDetails(await getDashboard(teamStore, pack(), role)); },
    async exportProgress({ token, ...req }) {
      // Everyone's records: a trainer only. One learner's: that learner, or a trainer.
      if (req.profileId) sessions.self(token, req.profileId, true);
      else sessions.require(token);
      return exportProgress(teamStore, pack(), req);
    },
    async importProgress({ token, data }) { sessions.require(token); return importProgress(store, pack(), data); },
  };
}
