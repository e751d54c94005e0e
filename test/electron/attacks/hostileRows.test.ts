import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/index.js';
import { PASS, shareTeam, step } from './shareFixture.js';

/**
 * Another PC of the team (or anyone with write access to the share or the records branch) hands
 * this PC a records file of a real learner whose rows have the wrong types. Every trainer and
 * learner read must keep answering, and the junk must count for nothing.
 */
let team: ReturnType<typeof shareTeam>;
beforeEach(() => { team = shareTeam(); });
afterEach(async () => { await team.dispose(); });

const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
const HOSTILE: Record<string, unknown> = {
  completions: [{ trackId: 1, stepId: {}, completedAt: [] }, { trackId: 'customer-service', stepId: 'signoff-day1', completedAt: '2026-01-01T00:00:00Z', signedBy: 'x', signature: 5 }],
  uncompletions: [{ trackId: 'customer-service', stepId: 'task-login', at: 5 }],
  quizAttempts: [{ id: 7, trackId: 'customer-service', stepId: 'quiz-basics', quizId: {}, answers: 'x', score: 'lots', passed: 'yes', at: null, asked: 'b1', wrong: {} }],
  quizPractice: [{ quizId: 3, questionId: [], correct: 'true', at: {} }],
  recognitions: [{ id: [], title: {}, note: 4, givenAt: null, trainer: null, signature: {} }],
  acknowledgements: [{ articleId: 5, version: 'x', contentHash: null, at: [] }],
  articleReviews: [{ articleId: null, contentHash: 1, at: {}, signature: [] }],
  bookmarks: [{ articleId: {}, at: {} }],
  views: [{ articleId: ['cs/refunds'], at: 1 }],
  signoffRequests: [{ trackId: null, stepId: 'signoff-day1', requestedAt: {}, note: {} }],
};

/** PC a of the team: a trainer (unlocked) and a learner who finished one step. */
async function learnerWithAStep() {
  const a = await team.pc('a');
  const trainer = await a.core.createProfile({ name: '李老师', roleId: 'customer-service', trainer: true, passphrase: PASS });
  const token = (await a.core.openEditSession({ profileId: trainer.id, passphrase: PASS })).token;
  const ming = await a.core.createProfile({ name: '小明', roleId: 'customer-service' });
  const mt = (await a.core.openProfileSession({ profileId: ming.id })).token;
  await a.core.completeStep({ token: mt, ...step(ming.id, 'task-login') });
  return { a, trainer, token, ming, mt };
}

async function everyRead(core: Core, token: string, learnerToken: string, profileId: string) {
  const calls: Record<string, () => Promise<unknown>> = {
    getDashboard: () => core.getDashboard({ token }),
    exportProgressCsv: () => core.exportProgress({ token, format: 'csv', language: 'en' }),
    exportProgressJson: () => core.exportProgress({ token, format: 'json' }),
    getCharts: () => core.getCharts({ token }),
    getTeamBoard: () => core.getTeamBoard({ token }),
    getAcknowledgementReport: () => core.getAcknowledgementReport({ token }),
    exportAcknowledgements: () => core.exportAcknowledgements({ token }),
    getReviewQueue: () => core.getReviewQueue({ token, scope: 'all' }),
    listArticles: () => core.listArticles({}),
    getProgress: () => core.getProgress({ token: learnerToken, profileId }),
    getRecognition: () => core.getRecognition({ token: learnerToken, profileId }),
    getMistakes: () => core.getMistakes({ token: learnerToken, profileId }),
    listMyAcknowledgements: () => core.listMyAcknowledgements({ token: learnerToken, profileId }),
    getReadingList: () => core.getReadingList({ token: learnerToken, profileId }),
    startQuizAttempt: () => core.startQuizAttempt({ token: learnerToken, ...step(profileId, 'quiz-basics') }),
  };
  const failed: string[] = [];
  for (const [name, call] of Object.entries(calls)) {
    await call().catch((err: Error & { code?: string }) => failed.push(`${name}: ${err.code ?? ''} ${err.message}`));
  }
  return failed;
}

describe('hostile rows in another PC\'s records file', () => {
  it('wrong types in every collection: every read still answers and nothing extra counts', async () => {
    const { a, trainer, token, ming, mt } = await learnerWithAStep();
    const before = (await a.core.getDashboard({ token })).rows.find((r) => r.profileId === ming.id)!;
    const points = (await a.core.getRecognition({ token: mt, profileId: ming.id })).points;

    const rows = Object.fromEntries(Object.entries(HOSTILE).map(([k, v]) => [k, (v as object[]).map((r) => ({ profileId: ming.id, ...r }))]));
    team.plant(`records/${ming.id}/evil-pc.json`, JSON.stringify({ profileId: ming.id, deviceId: 'evil-pc', ...rows }));
    await a.core.syncTeam({});

    expect(await everyRead(a.core, token, mt, ming.id)).toEqual([]);
    const after = (await a.core.getDashboard({ token })).rows.find((r) => r.profileId === ming.id)!;
    expect(after.done).toBe(before.done);
    expect((await a.core.getRecognition({ token: mt, profileId: ming.id })).points).toEqual(points);
  });

  it('a row nested 100,000 deep (under 2 MB): every read still answers', async () => {
    const { a, trainer, token, ming, mt } = await learnerWithAStep();
    const body = `{"profileId":"${ming.id}","views":[{"profileId":"${ming.id}","articleId":"cs/refunds","at":"2026-01-01T00:00:00Z","x":${deep(100_000)}}],`
      + `"completions":[{"profileId":"${ming.id}","trackId":"customer-service","stepId":"read-refunds","completedAt":"2026-01-01T00:00:00Z","contentHash":${deep(100_000)}}]}`;
    team.plant(`records/${ming.id}/deep-pc.json`, body);
    await a.core.syncTeam({});
    expect(await everyRead(a.core, token, mt, ming.id)).toEqual([]);
    // The learner's own writes keep landing.
    await a.core.completeStep({ token: mt, ...step(ming.id, 'quiz-basics') }).catch(() => {});
    await a.core.recordView({ token: mt, profileId: ming.id, articleId: 'cs/refunds' });
    // And the PC starts again with the file in its data folder.
    await a.core.close();
    const again = await team.pc('a');
    const t2 = (await again.core.openEditSession({ profileId: trainer.id, passphrase: PASS })).token;
    expect((await again.core.getDashboard({ token: t2 })).rows.find((r) => r.profileId === ming.id)).toMatchObject({ done: 1 });
  });
});
