import type { TrackProgress } from '../../contract.js';
import type { Pack } from '../content/pack.js';
import type { Data } from '../store/schema.js';
import { digestOf } from '../store/digest.js';
import type { Records } from '../store/store.js';
import type { KeySet } from '../trust/signing.js';
import { confirmedVersions } from './confirmations.js';
import { factsOf, trackProgress, tracksFor, type Facts } from './summary.js';

type Profile = Data['profiles'][number];

/** One learner as every summary over many learners reads them: their records, indexed facts and tracks. */
export interface LearnerView {
  profile: Profile;
  records: Records;
  facts: Facts;
  /** The learner's own track(s) first, then others they took part in. */
  tracks: TrackProgress[];
  /** Each policy version (阅读确认) confirmed, of articles that still ask for it, oldest first. */
  confirmedPolicies: ReturnType<typeof confirmedVersions>;
}

interface Cached { pack: Pack; keys: KeySet; profile: string; today: string; view: LearnerView }
/** Keyed by the records object, which stays the same until that learner's records change. */
const cache = new WeakMap<Records, Cached>();

/**
 * A learner's view for `today`, computed once per change of their records, profile, the pack, the
 * trainers' keys or the day: points, the team board and the charts read hundreds of these at once.
 */
export function learnerView(records: Records, pack: Pack, profile: Profile, today: string, keys: KeySet): LearnerView {
  const profileKey = JSON.stringify([profile.name, profile.roleId, profile.startDate, profile.trainer]);
  const hit = cache.get(records);
  if (hit && hit.pack === pack && hit.keys === keys && hit.profile === profileKey && hit.today === today) return hit.view;
  const facts = factsOf(digestOf(records), keys);
  const tracks = tracksFor(pack, profile, facts).map((t) => trackProgress(pack, t, profile.startDate, today, facts));
  const view = { profile, records, facts, tracks, confirmedPolicies: confirmedVersions(pack, records.acknowledgements ?? []) };
  cache.set(records, { pack, keys, profile: profileKey, today, view });
  return view;
}

/** Trainers count as learners only once they follow a track themselves (as on the dashboard). */
export const takesPart = (v: Pick<LearnerView, 'profile' | 'facts'>) => !v.profile.trainer || v.facts.completions.size > 0 || v.facts.quizStats.size > 0;
