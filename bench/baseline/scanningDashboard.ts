// The dashboard as it was before the per-learner index: each learner's facts found by scanning
// every collection of the whole database. Rows are built by today's code, so only the data access differs.
import type { Dashboard } from '../../electron/contract.js';
import type { Pack } from '../../electron/core/content/pack.js';
import { toRow } from '../../electron/core/onboarding/dashboard.js';
import { localToday } from '../../electron/core/onboarding/dates.js';
import { factsOf as indexFacts, trackProgress, tracksFor, type Facts } from '../../electron/core/onboarding/summary.js';
import { digestOf } from '../../electron/core/store/digest.js';
import type { Data } from '../../electron/core/store/schema.js';
import { localKeySet } from '../../electron/core/trust/verify.js';

/** The old access path: this learner's rows found by scanning every collection of the whole database. */
function factsOf(data: Data, profileId: string): Facts {
  const mine = <T extends { profileId: string }>(rows: T[]) => rows.filter((r) => r.profileId === profileId);
  return indexFacts(digestOf({
    completions: mine(data.completions), uncompletions: mine(data.uncompletions), quizAttempts: mine(data.quizAttempts),
    signoffRequests: mine(data.signoffRequests), views: mine(data.views),
  }), localKeySet(data));
}

export function scanningDashboard(data: Data, pack: Pack, now = new Date()): Dashboard {
  const today = localToday(now);
  const rows = [];
  for (const profile of data.profiles) {
    const facts = factsOf(data, profile.id);
    if (profile.trainer && facts.completions.size === 0 && facts.quizStats.size === 0) continue;
    for (const t of tracksFor(pack, profile, facts)) rows.push(toRow({ profile, facts, track: trackProgress(pack, t, profile.startDate, today, facts) }));
  }
  return { today, rows };
}
