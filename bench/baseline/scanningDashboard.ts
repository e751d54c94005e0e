// The dashboard as it was before the per-learner index: each learner's facts found by scanning
// every collection of the whole database. Rows are built by today's code, so only the data access differs.
import type { Dashboard } from '../../electron/contract.js';
import type { Pack } from '../../electron/core/content/pack.js';
import { toRow } from '../../electron/core/onboarding/dashboard.js';
import { overdueConfirmations } from '../../electron/core/onboarding/confirmations.js';
import { localToday } from '../../electron/core/onboarding/dates.js';
import { factsOf as indexFacts, trackProgress, tracksFor, type Facts } from '../../electron/core/onboarding/summary.js';
import { digestOf } from '../../electron/core/store/digest.js';
import type { Data } from '../../electron/core/store/schema.js';
import { localKeySet } from '../../electron/core/trust/verify.js';

/** The old access path: this learner's rows found by scanning every collection of the whole database. */
function digestScanned(data: Data, profileId: string) {
  const mine = <T extends { profileId: string }>(rows: T[]) => rows.filter((r) => r.profileId === profileId);
  return digestOf({
    completions: mine(data.completions), uncompletions: mine(data.uncompletions), quizAttempts: mine(data.quizAttempts),
    signoffRequests: mine(data.signoffRequests), views: mine(data.views), acknowledgements: mine(data.acknowledgements ?? []),
  });
}

export function scanningDashboard(data: Data, pack: Pack, now = new Date()): Dashboard {
  const today = localToday(now);
  const rows = [];
  for (const profile of data.profiles) {
    const digest = digestScanned(data, profile.id);
    const facts: Facts = indexFacts(digest, localKeySet(data));
    if (profile.trainer && facts.completions.size === 0 && facts.quizStats.size === 0) continue;
    const overdue = overdueConfirmations(pack, profile, digest.acknowledgements, today);
    for (const t of tracksFor(pack, profile, facts)) rows.push(toRow({ profile, facts, track: trackProgress(pack, t, profile.startDate, today, facts), overdueConfirmations: overdue }));
  }
  return { today, rows, behind: new Set(rows.filter((r) => r.behind).map((r) => r.profileId)).size };
}
