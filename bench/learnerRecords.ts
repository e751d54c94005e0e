/*
 * A team's worth of onboarding records, seeded: profiles spread over the pack's tracks with start
 * dates over the last three months, steps done (some late), quiz attempts scored against the real
 * quizzes, views, and searches that found nothing over the weeks. Written through the real store
 * (one file per learner), so the app reads it as it would read its own. Used by the charts
 * benchmark and the charts e2e test (500 learners).
 */
import type { Pack } from '../electron/core/content/pack.js';
import { addDays, localToday, weekStart } from '../electron/core/onboarding/dates.js';
import { scoreQuiz } from '../electron/core/onboarding/quizPlay.js';
import { openStore } from '../electron/core/store/store.js';

const idOf = (i: number) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;

export async function seedLearners(dataDir: string, pack: Pack, learners: number, today = localToday()): Promise<void> {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const at = (day: string, minute: number) => new Date(`${day}T09:00:00`).getTime() + minute * 60_000;
  const iso = (ms: number) => new Date(Math.min(ms, Date.now() - 60_000)).toISOString();
  const tracks = [...pack.tracks.values()];
  const articles = [...pack.articles.keys()];
  const store = await openStore(dataDir);
  try {
    await store.updateAll((d) => {
      for (let i = 0; i < learners; i++) {
        const profileId = idOf(i);
        const track = tracks[i % tracks.length];
        const startDate = addDays(today, -Math.floor(random() * 90));
        d.profiles.push({ id: profileId, name: `学员 ${i + 1}`, roleId: track.roleId, startDate, trainer: false, pinHash: null, createdAt: new Date(`${startDate}T08:00:00`).toISOString(), passphraseHash: null, publicKeys: [], sealedKey: null });
        let minute = 0;
        for (const phase of track.phases) {
          for (const step of phase.steps) {
            // Most learners keep up; some stop somewhere along the track.
            if (random() < 0.12) break;
            const day = addDays(startDate, Math.max(0, phase.dueDay - 1 + Math.floor(random() * 8) - 3));
            if (day > today) break;
            const time = at(day, minute++);
            if (step.type === 'signoff') continue; // unsigned sign-offs would only show as unverified
            if (step.type === 'quiz' && step.quizId) {
              const quiz = pack.quizzes.get(step.quizId);
              if (!quiz) continue;
              for (let attempt = 0; attempt < 3; attempt++) {
                const answers = Object.fromEntries(quiz.questions.map((q) => [q.id, random() < 0.8 ? q.answer : q.type === 'truefalse' ? !q.answer : q.type === 'multiple' ? [0] : (Number(q.answer) + 1) % q.options.length]));
                const s = scoreQuiz(quiz, answers);
                const when = iso(time + attempt * 600_000);
                d.quizAttempts.push({ id: `${profileId}-${step.id}-${attempt}`, profileId, trackId: track.id, stepId: step.id, quizId: quiz.id, quizHash: quiz.hash, answers, score: s.score, passed: s.passed, at: when });
                if (s.passed) {
                  d.completions.push({ profileId, trackId: track.id, stepId: step.id, completedAt: when });
                  break;
                }
              }
              continue;
            }
            d.completions.push({ profileId, trackId: track.id, stepId: step.id, completedAt: iso(time) });
            if (step.type === 'read' && step.articleId) d.views.push({ profileId, articleId: step.articleId, at: iso(time - 60_000) });
          }
        }
        for (let k = 0; k < 5; k++) d.views.push({ profileId, articleId: articles[Math.floor(random() * articles.length)], at: iso(at(addDays(startDate, k), 500 + k)) });
      }
      const words = ['发票抬头', '直播话术', '跨境退税', '仓库盘点', '达人合作', '差评申诉', '预售规则', 'invoice', '赠品', '保价'];
      for (const [k, query] of words.entries()) {
        const weeks: Record<string, number> = {};
        let count = 0;
        for (let w = 0; w < 12; w++) {
          const n = Math.floor(random() * (k + 2));
          if (!n) continue;
          weeks[weekStart(addDays(today, -7 * w))] = n;
          count += n;
        }
        if (count) d.failedSearches.push({ query, count, firstAt: new Date(`${addDays(today, -84)}T10:00:00`).toISOString(), lastAt: new Date(Date.now() - 3_600_000).toISOString(), weeks });
      }
    });
  } finally {
    await store.close();
  }
}
