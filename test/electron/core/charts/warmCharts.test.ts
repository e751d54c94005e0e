import { afterEach, describe, expect, it } from 'vitest';
import { loadPack } from '../../../../electron/core/index';
import { getCharts, warmCharts } from '../../../../electron/core/charts/charts';
import type { ChartSource } from '../../../../electron/core/charts/learnerCharts';
import { openStore, type Store } from '../../../../electron/core/store/store';
import { closeAll, openCore, people, tempDir, TRACK, writePack } from '../onboarding/fixture';

afterEach(closeAll);

/** The real store, counting how often a learner's whole records are read (the cost the warm-up moves to start-up). */
function counting(store: Store): ChartSource & { reads: number } {
  const source = {
    reads: 0,
    get shared() { return store.shared; },
    digest: (id: string) => store.digest(id),
    records: (id: string) => { source.reads++; return store.records(id); },
  };
  return source;
}

/** A PC with a trainer and a learner who failed a quiz (so the charts must read their records), closed again. */
async function dataWithQuizzes(): Promise<{ pack: string; data: string }> {
  const pack = writePack();
  const data = tempDir();
  const core = await openCore(pack, data);
  const { learner, lt } = await people(core, '2025-01-01');
  await core.submitQuiz({ token: lt, profileId: learner.id, trackId: TRACK, stepId: 'quiz-basics', answers: { q1: 0, q2: [1], q3: false } });
  await core.close();
  return { pack, data };
}

describe('charts warm-up after start-up', () => {
  it('on a trainer PC leaves every learner part computed, so the first Charts call reads no records', async () => {
    const { pack: dir, data } = await dataWithQuizzes();
    const store = await openStore(data);
    try {
      const pack = await loadPack(dir);
      const source = counting(store);
      await warmCharts(source, () => pack, 0);
      const warmedReads = source.reads;
      expect(warmedReads).toBeGreaterThan(0);
      const charts = await getCharts(source, pack);
      expect(source.reads).toBe(warmedReads);
      // The same answer as a cold computation on a fresh copy of the pack.
      expect(charts).toEqual(await getCharts(counting(store), await loadPack(dir)));
      expect(charts.missedQuestions.length).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });

  it('on a PC without a trainer reads nothing', async () => {
    const { pack: dir, data } = await dataWithQuizzes();
    const store = await openStore(data);
    try {
      const pack = await loadPack(dir);
      const source = counting(store);
      const learnersOnly = { ...source, get shared() { return { ...store.shared, profiles: store.shared.profiles.filter((p) => !p.trainer) }; } };
      await warmCharts(learnersOnly, () => pack, 0);
      expect(source.reads).toBe(0);
    } finally {
      await store.close();
    }
  });
});
