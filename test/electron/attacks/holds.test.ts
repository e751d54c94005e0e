import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeAll, openCore, people } from '../core/onboarding/fixture';
import { answersFor, attempt, bankPack, STEP } from '../core/quizbank/bankFixture';
import { PASS, shareTeam } from './shareFixture.js';

/**
 * Attacks of a learner at a shared PC that the core already refuses, kept here so they stay
 * refused (the permission scenario covers each method × caller; these are the tricks between).
 */
describe('a learner replaying a quiz attempt', () => {
  afterEach(closeAll);

  it('ten parallel submits of one attempt are graded once; the others are stale', async () => {
    const core = await openCore(bankPack());
    const { learner, lt } = await people(core);
    const view = await attempt(core, lt, learner.id);
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) =>
      core.submitQuiz({ token: lt, profileId: learner.id, ...STEP, attemptId: view.attemptId, answers: answersFor(view, (id) => i === 9 || id !== view.quiz.questions[0].id) })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.key)).toEqual(Array(9).fill('quizAttemptStale'));
    expect((await attempt(core, lt, learner.id)).attempt).toBe(2);
  });

  it('cannot practise (and so learn the answer of) a question that is not in the 错题本', async () => {
    const core = await openCore(bankPack());
    const { learner, lt } = await people(core);
    for (let answer = 0; answer < 4; answer++) {
      await expect(core.answerPractice({ token: lt, profileId: learner.id, quizId: 'bank', questionId: 'b1', answer })).rejects.toMatchObject({ code: expect.stringMatching(/not_found|bad_request|conflict/) });
    }
    expect((await core.getMistakes({ token: lt, profileId: learner.id })).entries).toEqual([]);
  });
});

describe('trainer facts carried to another learner through the share', () => {
  let team: ReturnType<typeof shareTeam>;
  beforeEach(() => { team = shareTeam(); });
  afterEach(async () => { await team.dispose(); });

  it('a genuine 表彰 (and the trainer\'s "still valid" row) copied into another learner\'s file counts for nothing', async () => {
    const a = await team.pc('a');
    const trainer = await a.core.createProfile({ name: '李老师', roleId: 'customer-service', trainer: true, passphrase: PASS });
    const token = (await a.core.openEditSession({ profileId: trainer.id, passphrase: PASS })).token;
    const star = await a.core.createProfile({ name: '小红', roleId: 'customer-service' });
    const thief = await a.core.createProfile({ name: '小黑', roleId: 'customer-service' });
    await a.core.giveRecognition({ token, profileId: star.id, title: '本月服务之星', note: '耐心' });
    const article = await a.core.getArticle({ id: 'cs/refunds' });
    await a.core.verifyArticle({ token, articleId: 'cs/refunds', contentHash: article.hash });
    await a.core.syncTeam({});
    const st = (await a.core.openProfileSession({ profileId: star.id })).token;
    const tt = (await a.core.openProfileSession({ profileId: thief.id })).token;
    const genuine = (await a.core.getRecognition({ token: st, profileId: star.id })).recognitions;
    expect(genuine).toHaveLength(1);
    const before = await a.core.getRecognition({ token: tt, profileId: thief.id });

    // The thief's PC "sends" the star's signed rows, and the trainer's review row, as the thief's own.
    const fs = await import('node:fs');
    const path = await import('node:path');
    const starFile = fs.readdirSync(path.join(team.dataDirOf('a'), 'records', star.id)).find((n) => n.endsWith('.json'))!;
    const starRows = JSON.parse(fs.readFileSync(path.join(team.dataDirOf('a'), 'records', star.id, starFile), 'utf8'));
    const trainerDir = path.join(team.dataDirOf('a'), 'records', trainer.id);
    const reviewRows = JSON.parse(fs.readFileSync(path.join(trainerDir, fs.readdirSync(trainerDir).find((n) => n.endsWith('.json'))!), 'utf8')).articleReviews;
    expect(reviewRows).toHaveLength(1);
    const as = (rows: { profileId: string }[]) => rows.map((r) => ({ ...r, profileId: thief.id }));
    team.plant(`records/${thief.id}/thief-pc.json`, JSON.stringify({ profileId: thief.id, recognitions: as(starRows.recognitions), articleReviews: as(reviewRows) }));
    await a.core.syncTeam({});

    const after = await a.core.getRecognition({ token: tt, profileId: thief.id });
    expect(after.recognitions).toEqual([]);
    expect(after.points).toEqual(before.points);
    expect(after.unverifiedRecognitions).toBe(1);
    expect((await a.core.getRecognition({ token: st, profileId: star.id })).recognitions).toEqual(genuine);
  });
});
