// The dashboard as it was before the per-learner index: each learner's facts found by scanning
// every collection of the whole database. Rows are built by today's code, so only the data access differs.
import type { Dashboard } from '../../electron/contract.js';
import type { Pack } from '../../electron/core/content/pack.js';
import { toRow } from '../../electron/core/onboarding/dashboard.js';
import { localToday } from '../../electron/core/onboarding/dates.js';
import { trackProgress, tracksFor, type Facts } from '../../electron/core/onboarding/summary.js';
import type { Data } from '../../electron/core/store/schema.js';

const key = (trackId: string, stepId: string) => `${trackId}\u0000${stepId}`;
const later = (a: string | null, b: string | null | undefined) => (!b ? a : !a || b > a ? b : a);

function factsOf(data: Data, profileId: string): Facts {
  const facts: Facts = { completions: new Map(), attempts: new Map(), requests: new Map(), lastActivity: null };
  for (const c of data.completions) {
    if (c.profileId !== profileId) continue;
    facts.completions.set(key(c.trackId, c.stepId), c);
    facts.lastActivity = later(facts.lastActivity, c.completedAt);
  }
  for (const a of data.quizAttempts) {
    if (a.profileId !== profileId) continue;
    const k = key(a.trackId, a.stepId);
    facts.attempts.set(k, [...(facts.attempts.get(k) ?? []), a]);
    facts.lastActivity = later(facts.lastActivity, a.at);
  }
  for (const r of data.signoffRequests) {
    if (r.profileId !== profileId) continue;
    facts.requests.set(key(r.trackId, r.stepId), r);
    facts.lastActivity = later(facts.lastActivity, r.requestedAt);
  }
  for (const u of data.uncompletions) if (u.profileId === profileId) facts.lastActivity = later(facts.lastActivity, u.at);
  for (const v of data.views) if (v.profileId === profileId) facts.lastActivity = later(facts.lastActivity, v.at);
  return facts;
}

export function scanningDashboard(data: Data, pack: Pack, now = new Date()): Dashboard {
  const today = localToday(now);
  const rows = [];
  for (const profile of data.profiles) {
    const facts = factsOf(data, profile.id);
    if (profile.trainer && facts.completions.size === 0 && facts.attempts.size === 0) continue;
    for (const t of tracksFor(pack, profile, facts)) rows.push(toRow({ profile, facts, track: trackProgress(pack, t, profile.startDate, today, facts) }));
  }
  return { today, rows };
}
