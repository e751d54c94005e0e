/*
 * A team's onboarding records for the benchmarks, seeded: learners spread over the pack's tracks,
 * each with `per` records (steps done, views, bookmarks, a sign-off request, quiz attempts).
 * Used by the records benchmark (one PC's store) and the team benchmark (the records branch).
 */
import type { Pack } from '../electron/core/content/pack.js';
import { localToday } from '../electron/core/onboarding/dates.js';
import { emptyData, type Data } from '../electron/core/store/schema.js';

let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
const idOf = (i: number) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
export const iso = (minutes: number) => new Date(Date.UTC(2026, 0, 5) + minutes * 60_000).toISOString();

/** Learners spread over the pack's tracks, each with `per` records: steps done, views, bookmarks, requests and quiz attempts. */
export function generate(pack: Pack, learners: number, per: number): Data {
  const d = emptyData();
  const tracks = [...pack.tracks.values()];
  const articles = [...pack.articles.keys()];
  for (let i = 0; i < learners; i++) {
    const profileId = idOf(i);
    const track = tracks[i % tracks.length];
    d.profiles.push({ id: profileId, name: `学员 ${i}`, roleId: track.roleId, startDate: localToday(new Date(Date.UTC(2026, 0, 5 + (i % 60)))), trainer: false, pinHash: null, createdAt: iso(i), passphraseHash: null, publicKeys: [], sealedKey: null });
    const steps = track.phases.flatMap((p) => p.steps);
    let t = i * 10;
    let left = per;
    for (const s of steps.slice(0, Math.floor(random() * steps.length))) {
      if (left-- <= 0) break;
      d.completions.push({ profileId, trackId: track.id, stepId: s.id, completedAt: iso(t++), ...(s.type === 'signoff' ? { signedBy: { id: 'trainer', name: '李老师' } } : {}) });
    }
    for (let k = 0; k < Math.min(60, per / 4) && left > 0; k++, left--) d.views.push({ profileId, articleId: pick(articles), at: iso(t++) });
    for (let k = 0; k < 3 && left > 0; k++, left--) d.bookmarks.push({ profileId, articleId: pick(articles), at: iso(t++) });
    const signoff = steps.find((s) => s.type === 'signoff');
    if (signoff && left-- > 0) d.signoffRequests.push({ profileId, trackId: track.id, stepId: signoff.id, requestedAt: iso(t++), note: '请确认' });
    const quizzes = steps.filter((s) => s.type === 'quiz');
    for (; left > 0 && quizzes.length; left--) {
      const s = pick(quizzes);
      const score = Math.floor(random() * 101);
      d.quizAttempts.push({ id: `${profileId}-${left}`, profileId, trackId: track.id, stepId: s.id, quizId: s.quizId ?? '', quizHash: 'bench', answers: { q1: 1, q2: [0, 2], q3: true }, score, passed: score >= 80, at: iso(t++) });
    }
  }
  return d;
}

