import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { POINTS } from '../../../../electron/core/recognition/points';
import { createCore } from '../../../../electron/core/index';
import { ALL_RIGHT, closeAll, openCore, PACK, people, tempDir, TRACK, writePack } from '../onboarding/fixture';

afterEach(closeAll);

const WRONG = { q1: 0, q2: [1], q3: true };

describe('points from the records', () => {
  it('counts finished steps, quizzes (more on the first try) and finished tracks; nothing before that', async () => {
    const core = await openCore();
    const { learner, lt, tt } = await people(core);
    const me = { token: lt, profileId: learner.id };
    const empty = await core.getRecognition(me);
    expect(empty.points).toMatchObject({ total: 0, thisMonth: 0 });
    expect(empty.badges).toEqual([]);

    await core.completeStep({ ...me, trackId: TRACK, stepId: 'task-login' });
    await core.submitQuiz({ ...me, trackId: TRACK, stepId: 'quiz-basics', answers: ALL_RIGHT });
    let s = await core.getRecognition(me);
    expect(s.points.bySource).toEqual({ step: POINTS.step, quiz: 0, quizFirstTry: POINTS.quizFirstTry, track: 0, confirmation: 0 });
    expect(s.points.total).toBe(POINTS.step + POINTS.quizFirstTry);
    expect(s.points.thisMonth).toBe(s.points.total);
    expect(s.badges.map((b) => b.id)).toEqual(['first-step', 'first-try']);
    expect(s.recent[0]).toMatchObject({ source: 'quizFirstTry', stepId: 'quiz-basics', title: '客服基础' });

    // Un-ticking takes the step's points away again: points follow the records, they are not kept.
    await core.uncompleteStep({ ...me, trackId: TRACK, stepId: 'task-login' });
    s = await core.getRecognition(me);
    expect(s.points.bySource.step).toBe(0);

    // Finish the whole track: every remaining step, the sign-off from the trainer.
    for (const stepId of ['task-login', 'read-refunds', 'read-presales', 'task-solo']) await core.completeStep({ ...me, trackId: TRACK, stepId });
    await core.signOff({ token: tt, profileId: learner.id, trackId: TRACK, stepId: 'signoff-day1' });
    s = await core.getRecognition(me);
    expect(s.points.bySource).toEqual({ step: 5 * POINTS.step, quiz: 0, quizFirstTry: POINTS.quizFirstTry, track: POINTS.track, confirmation: 0 });
    expect(s.badges.map((b) => b.id)).toContain('first-track');
    // A trainer reads anyone's; the summary is the same.
    expect((await core.getRecognition({ token: tt, profileId: learner.id })).points).toEqual(s.points);
  });

  it('gives a quiz passed on a later attempt fewer points than one passed at once', async () => {
    const core = await openCore();
    const { learner, lt } = await people(core);
    const me = { token: lt, profileId: learner.id };
    await core.submitQuiz({ ...me, trackId: TRACK, stepId: 'quiz-basics', answers: WRONG });
    expect((await core.getRecognition(me)).points.total).toBe(0);
    await core.submitQuiz({ ...me, trackId: TRACK, stepId: 'quiz-basics', answers: ALL_RIGHT });
    await core.submitQuiz({ ...me, trackId: TRACK, stepId: 'quiz-basics', answers: ALL_RIGHT });
    const s = await core.getRecognition(me);
    expect(s.points.bySource).toMatchObject({ quiz: POINTS.quiz, quizFirstTry: 0 });
    expect(s.badges.map((b) => b.id)).toEqual(['first-step']);
    expect(s.nextBadges.find((b) => b.id === 'first-try')).toEqual({ id: 'first-try', have: 0, need: 1 });
  });

  it('gives points for each policy version confirmed: again after a material change, not twice for one version, none once the policy is gone', async () => {
    const core = await openCore();
    const { learner, lt, tt } = await people(core);
    const me = { token: lt, profileId: learner.id };
    const policy = { roles: 'all' as const, due: '2099-01-31' };
    const v1 = await core.setAcknowledgementPolicy({ token: tt, articleId: 'cs/refunds', baseHash: (await core.getAcknowledgementPolicy({ token: tt, articleId: 'cs/refunds' })).hash, policy, material: false });
    await core.confirmAcknowledgement({ ...me, articleId: 'cs/refunds', version: 1, contentHash: v1.hash });
    await core.confirmAcknowledgement({ ...me, articleId: 'cs/refunds', version: 1, contentHash: v1.hash });
    let s = await core.getRecognition(me);
    expect(s.points.bySource).toMatchObject({ confirmation: POINTS.confirmation, step: 0 });
    expect(s.recent[0]).toMatchObject({ source: 'confirmation', articleId: 'cs/refunds', version: 1, title: '退款处理', points: POINTS.confirmation });
    // A confirmation is neither a step nor a track for the milestones.
    expect(s.badges).toEqual([]);
    expect(s.pointValues.confirmation).toBe(POINTS.confirmation);

    // A typo fix keeps the version: nothing to confirm, nothing more earned. A material change asks again, and pays again.
    const typo = await core.setAcknowledgementPolicy({ token: tt, articleId: 'cs/refunds', baseHash: v1.hash, policy: { ...policy, due: '2099-02-28' }, material: false });
    expect((await core.getRecognition(me)).points.bySource.confirmation).toBe(POINTS.confirmation);
    const v2 = await core.setAcknowledgementPolicy({ token: tt, articleId: 'cs/refunds', baseHash: typo.hash, policy, material: true });
    await core.confirmAcknowledgement({ ...me, articleId: 'cs/refunds', version: 2, contentHash: v2.hash });
    s = await core.getRecognition(me);
    expect(s.points.bySource.confirmation).toBe(2 * POINTS.confirmation);
    expect(s.points.total).toBe(2 * POINTS.confirmation);

    // Points come from the records as the pack reads them: a policy taken away takes its points too.
    await core.setAcknowledgementPolicy({ token: tt, articleId: 'cs/refunds', baseHash: v2.hash, policy: null, material: false });
    expect((await core.getRecognition(me)).points.bySource.confirmation).toBe(0);
  });

  it('cannot be raised by editing the records file: an unsigned sign-off earns nothing', async () => {
    const dataDir = tempDir();
    const contentDir = writePack();
    let core = await openCore(contentDir, dataDir);
    const { learner } = await people(core);
    await core.close();
    // The learner writes a sign-off completion into their own file by hand.
    const folder = path.join(dataDir, 'records', learner.id);
    fs.mkdirSync(folder, { recursive: true });
    const file = path.join(folder, fs.readFileSync(path.join(dataDir, 'device-id'), 'utf8').trim() + '.json');
    fs.writeFileSync(file, JSON.stringify({ profileId: learner.id, completions: [{ profileId: learner.id, trackId: TRACK, stepId: 'signoff-day1', completedAt: new Date().toISOString(), signedBy: { id: 'x', name: 'Boss' }, signature: 'A'.repeat(88) }] }));
    core = await openCore(contentDir, dataDir);
    const lt = (await core.openProfileSession({ profileId: learner.id })).token;
    expect((await core.getRecognition({ token: lt, profileId: learner.id })).points.total).toBe(0);
  });
});

describe('named recognition (表彰)', () => {
  it('a trainer gives one; it is signed, in the learner\'s records on disk, and shows with the giver\'s name', async () => {
    const dataDir = tempDir();
    const contentDir = writePack();
    const core = await openCore(contentDir, dataDir);
    const { learner, trainer, lt, tt } = await people(core);
    const given = await core.giveRecognition({ token: tt, profileId: learner.id, title: '  本月服务之星 ', note: '耐心安抚了一位生气的买家' });
    expect(given).toMatchObject({ title: '本月服务之星', note: '耐心安抚了一位生气的买家', givenBy: { id: trainer.id, name: '李老师' } });
    const s = await core.getRecognition({ token: lt, profileId: learner.id });
    expect(s.recognitions).toEqual([given]);
    expect(s.unverifiedRecognitions).toBe(0);
    expect(s.badges.map((b) => b.id)).toEqual(['recognized']);
    await core.close();
    const files = fs.readdirSync(path.join(dataDir, 'records', learner.id));
    const onDisk = JSON.parse(fs.readFileSync(path.join(dataDir, 'records', learner.id, files[0]), 'utf8'));
    expect(onDisk.recognitions[0]).toMatchObject({ id: given.id, signature: expect.any(String) });

    // A hand-edited recognition (the note changed) no longer verifies, and a forged one never did.
    onDisk.recognitions[0].note = '全年最佳';
    onDisk.recognitions.push({ ...onDisk.recognitions[0], id: 'forged', title: '总经理特别奖' });
    fs.writeFileSync(path.join(dataDir, 'records', learner.id, files[0]), JSON.stringify(onDisk));
    const again = await createCore({ contentDir, dataDir });
    try {
      const token = (await again.openProfileSession({ profileId: learner.id })).token;
      const after = await again.getRecognition({ token, profileId: learner.id });
      expect(after.recognitions).toEqual([]);
      expect(after.unverifiedRecognitions).toBe(2);
      expect(after.badges).toEqual([]);
    } finally {
      await again.close();
    }
  });

  it('only a trainer gives one, never to themselves, and a name is required', async () => {
    const core = await openCore();
    const { learner, trainer, lt, tt } = await people(core);
    await expect(core.giveRecognition({ token: lt, profileId: learner.id, title: '自己夸自己', note: '' })).rejects.toMatchObject({ code: 'forbidden', key: 'trainerOnly' });
    await expect(core.giveRecognition({ token: tt, profileId: trainer.id, title: '我最棒', note: '' })).rejects.toMatchObject({ code: 'forbidden', key: 'ownRecognition' });
    await expect(core.giveRecognition({ token: tt, profileId: learner.id, title: '   ', note: '' })).rejects.toMatchObject({ code: 'bad_request' });
    await expect(core.giveRecognition({ token: tt, profileId: learner.id, title: 'x', note: 'y'.repeat(281) })).rejects.toMatchObject({ code: 'bad_request' });
    await expect(core.giveRecognition({ token: tt, profileId: 'ghost', title: 'x', note: '' })).rejects.toMatchObject({ code: 'not_found' });
    // Another learner cannot read this learner's points.
    const other = await core.createProfile({ name: 'B', roleId: 'customer-service' });
    const ot = (await core.openProfileSession({ profileId: other.id })).token;
    await expect(core.getRecognition({ token: ot, profileId: learner.id })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await core.getRecognition({ token: lt, profileId: learner.id })).recognitions).toEqual([]);
  });

  it('survives a backup and restore', async () => {
    const core = await openCore();
    const { learner, lt, tt } = await people(core);
    await core.giveRecognition({ token: tt, profileId: learner.id, title: '新人之星', note: '' });
    const { content } = await core.backupDatabase({ token: tt });
    expect(JSON.parse(content).recognitions).toHaveLength(1);
    await core.restoreDatabase({ token: tt, content, confirm: true });
    const token = (await core.openProfileSession({ profileId: learner.id })).token;
    expect((await core.getRecognition({ token, profileId: learner.id })).recognitions.map((r) => r.title)).toEqual(['新人之星']);
    void lt;
  });
});

describe('team board', () => {
  it('is off by default: learners are refused, a trainer previews; once on, everyone with a session sees this month by role', async () => {
    const core = await openCore(writePack({ ...PACK, 'roles/operations.md': '---\ntitle: 运营\n---\n# 运营\n' }));
    const { learner, lt, tt } = await people(core);
    const ops = await core.createProfile({ name: '赵运营', roleId: 'operations' });
    await core.completeStep({ token: lt, profileId: learner.id, trackId: TRACK, stepId: 'task-login' });
    expect((await core.getSettings({})).teamBoard).toBe(false);
    await expect(core.getTeamBoard({ token: lt })).rejects.toMatchObject({ code: 'forbidden', key: 'teamBoardOff' });
    const preview = await core.getTeamBoard({ token: tt });
    expect(preview.enabled).toBe(false);

    await expect(core.setTeamBoard({ token: lt, enabled: true })).rejects.toMatchObject({ code: 'forbidden' });
    await core.setTeamBoard({ token: tt, enabled: true });
    expect((await core.getSettings({})).teamBoard).toBe(true);
    const board = await core.getTeamBoard({ token: lt });
    expect(board.enabled).toBe(true);
    expect(board.roles[0]).toMatchObject({ roleId: 'customer-service', points: POINTS.step, people: [{ profileId: learner.id, name: '王小明', points: POINTS.step, badges: 1 }] });
    // A trainer who follows no track is not on the board; a learner without points is, with 0.
    expect(board.roles.flatMap((r) => r.people.map((p) => p.name)).sort()).toEqual(['王小明', '赵运营'].sort());
    expect(board.roles.find((r) => r.roleId === 'operations')!.people[0]).toMatchObject({ profileId: ops.id, points: 0 });

    await core.setTeamBoard({ token: tt, enabled: false });
    await expect(core.getTeamBoard({ token: lt })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
