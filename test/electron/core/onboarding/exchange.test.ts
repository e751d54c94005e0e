import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { csvCell } from '../../../../electron/core/onboarding/csv';
import { trainerKeysText } from '../../../../electron/core/content/trainerKeysFile';
import { SHARED_FILE } from '../../../../electron/core/store/store';
import { ALL_RIGHT, closeAll, openCore, own, people, tempDir, TRACK, trainerOn, writePack } from './fixture';

afterEach(async () => {
  vi.useRealTimers();
  await closeAll();
});
/** Every database file of a data folder (shared and learner files) with its content. */
const snapshot = (dir: string) => Object.fromEntries([SHARED_FILE, ...fs.readdirSync(path.join(dir, 'records'), { recursive: true }).map((f) => path.join('records', String(f)))]
  .filter((f) => fs.statSync(path.join(dir, f)).isFile()).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
const clock = (iso: string) => vi.useFakeTimers({ toFake: ['Date'], now: new Date(iso) });

describe('export', () => {
  it('writes CSV as UTF-8 with a BOM, CRLF, Chinese intact, one row per learner × step', async () => {
    const core = await openCore();
    const { learner, trainer, lt, tt } = await people(core);
    await core.completeStep({ token: lt, profileId: learner.id, trackId: TRACK, stepId: 'task-login' });
    await core.submitQuiz({ token: lt, profileId: learner.id, trackId: TRACK, stepId: 'quiz-basics', answers: ALL_RIGHT });
    await core.signOff({ token: tt, profileId: learner.id, trackId: TRACK, stepId: 'signoff-day1' });
    const file = await core.exportProgress({ token: tt, format: 'csv' });
    expect(file.filename).toMatch(/^handbook-progress-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = Buffer.from(file.content, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = file.content.slice(1).split('\r\n').filter(Boolean);
    expect(lines[0].split(',')).toContain('学员');
    expect(lines).toHaveLength(1 + 7); // the trainer follows no track, so only the learner's 7 steps
    const login = lines.find((l) => l.includes('登录客服工作台'))!;
    expect(login).toMatch(/^王小明,客服,2026-03-02,客服入职,/);
    expect(login).toContain(',已完成,');
    expect(lines.find((l) => l.includes('带教确认'))).toContain('李老师');
    expect(lines.find((l) => l.includes('cs-basics') || l.includes('客服基础'))).toMatch(/,100,1,$/);

    const en = await core.exportProgress({ token: tt, format: 'csv', language: 'en' });
    expect(en.content.slice(1, 8)).toBe('Learner');
  });

  it('neutralises spreadsheet formulas and quotes what needs quoting', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('两行\n文字')).toBe('"两行\n文字"');
    expect(csvCell(null)).toBe('');
  });

  it('exports one learner as JSON without PIN or passphrase hashes or keys', async () => {
    const core = await openCore();
    const { learner, lt } = await people(core);
    await core.completeStep({ token: lt, profileId: learner.id, trackId: TRACK, stepId: 'task-login' });
    const file = await core.exportProgress({ token: lt, format: 'json', profileId: learner.id });
    expect(file.filename).toMatch(/^handbook-progress-王小明-.*\.json$/);
    const json = JSON.parse(file.content);
    expect(json).toMatchObject({ format: 'handbook-progress', version: 1, packId: 'onboarding-test' });
    expect(json.profiles.map((p: any) => p.name)).toEqual(['王小明']);
    expect(file.content).not.toMatch(/pinHash|passphraseHash|sealedKey|publicKeys/);
  });
});

describe('import', () => {
  it('brings a learner from another PC, and importing twice changes nothing', async () => {
    const content = writePack();
    const away = await openCore(content);
    const { learner, lt } = await people(away);
    await away.completeStep({ token: lt, profileId: learner.id, trackId: TRACK, stepId: 'task-login' });
    await away.submitQuiz({ token: lt, profileId: learner.id, trackId: TRACK, stepId: 'quiz-basics', answers: { q1: 1 } });
    await away.requestSignoff({ token: lt, profileId: learner.id, trackId: TRACK, stepId: 'signoff-day1' });
    const exported = (await away.exportProgress({ token: lt, format: 'json', profileId: learner.id })).content;

    const dataDir = tempDir();
    const home = await openCore(content, dataDir);
    const { token: tt } = await trainerOn(home);
    const first = await home.importProgress({ token: tt, data: exported });
    expect(first).toEqual({ profilesAdded: 1, profilesMatched: 0, changes: 3, unchanged: false });
    const [row] = (await home.getDashboard({ token: tt })).rows;
    expect(row).toMatchObject({ name: '王小明', done: 1, pendingSignoffs: [{ stepId: 'signoff-day1' }], quizzes: [{ bestScore: 33, attempts: 1 }] });
    expect((await home.listProfiles({}))[1]).toMatchObject({ id: learner.id, hasPin: false, trainer: false });

    const db = snapshot(dataDir);
    const second = await home.importProgress({ token: tt, data: exported });
    expect(second).toEqual({ profilesAdded: 0, profilesMatched: 1, changes: 0, unchanged: true });
    expect(snapshot(dataDir)).toEqual(db);
  });

  it('lets the newer fact win per step: a later un-tick beats an earlier tick and vice versa', async () => {
    const content = writePack();
    const a = await openCore(content);
    const b = await openCore(content);
    clock('2026-03-02T09:00:00Z');
    const away = await a.createProfile({ name: '王小明', roleId: 'customer-service', startDate: '2026-03-02' });
    // The same person set up on the shared PC too: matched by name and role, not duplicated.
    const home = await b.createProfile({ name: '王小明', roleId: 'customer-service', startDate: '2026-03-02' });
    const tokens = new Map([[away.id, await own(a, away.id)], [home.id, await own(b, home.id)]]);
    const step = (profileId: string, stepId: string) => ({ token: tokens.get(profileId)!, profileId, trackId: TRACK, stepId });
    const trainerB = await trainerOn(b);
    await b.completeStep(step(home.id, 'task-login'));
    await b.completeStep(step(home.id, 'task-solo'));
    await b.completeStep(step(home.id, 'read-presales'));
    await b.uncompleteStep(step(home.id, 'read-presales'));
    clock('2026-03-03T09:00:00Z');
    await a.completeStep(step(away.id, 'task-login'));
    await a.uncompleteStep(step(away.id, 'task-login')); // newer than the shared PC's tick: wins
    await a.completeStep(step(away.id, 'read-refunds')); // only known away: added
    await a.completeStep(step(away.id, 'task-solo'));
    await a.completeStep(step(away.id, 'read-presales')); // newer than the shared PC's un-tick: wins
    clock('2026-03-04T09:00:00Z');
    await b.uncompleteStep(step(home.id, 'task-solo')); // newest of all: the shared PC's un-tick stays

    const exported = (await a.exportProgress({ token: tokens.get(away.id)!, profileId: away.id, format: 'json' })).content;
    expect(await b.importProgress({ token: trainerB.token, data: exported })).toMatchObject({ profilesAdded: 0, profilesMatched: 1, unchanged: false });
    const done = (await b.getProgress({ token: tokens.get(home.id)!, profileId: home.id })).completed.map((c) => c.stepId).sort();
    expect(done).toEqual(['read-presales', 'read-refunds']);
    expect(await b.listProfiles({})).toHaveLength(2);
    expect((await b.importProgress({ token: trainerB.token, data: exported })).unchanged).toBe(true);
  });

  it('keeps every quiz attempt from both PCs and the best score across them', async () => {
    const content = writePack();
    const a = await openCore(content);
    const b = await openCore(content);
    const { learner, lt, tt } = await people(a);
    const ref = { profileId: learner.id, trackId: TRACK, stepId: 'quiz-basics' };
    const trainerB = await trainerOn(b);
    await a.submitQuiz({ ...ref, token: lt, answers: ALL_RIGHT });
    await b.importProgress({ token: trainerB.token, data: (await a.exportProgress({ token: tt, format: 'json' })).content });
    const ltB = await own(b, learner.id);
    await b.submitQuiz({ ...ref, token: ltB, answers: {} });
    await a.submitQuiz({ ...ref, token: lt, answers: { q1: 1 } });
    await b.importProgress({ token: trainerB.token, data: (await a.exportProgress({ token: tt, format: 'json' })).content });
    const step = (await b.getProgress({ token: ltB, profileId: learner.id })).tracks[0].phases[0].steps[2];
    expect(step.quiz).toEqual({ attempts: 3, bestScore: 100, passed: true });
    expect(step.done).toBe(true);
  });

  it('refuses what is not a progress file; a sign-off by a trainer this PC does not know comes over unverified', async () => {
    const a = await openCore();
    const b = await openCore();
    const trainerB = await trainerOn(b, '本机老师');
    await expect(b.importProgress({ token: trainerB.token, data: 'learner,step\n' })).rejects.toMatchObject({ code: 'bad_request', message: expect.stringContaining('not a Handbook progress file') });
    await expect(b.importProgress({ token: trainerB.token, data: '{"format":"other"}' })).rejects.toMatchObject({ code: 'bad_request' });
    const { learner, tt } = await people(a);
    await a.signOff({ token: tt, profileId: learner.id, trackId: TRACK, stepId: 'signoff-day1' });
    await b.importProgress({ token: trainerB.token, data: (await a.exportProgress({ token: tt, format: 'json' })).content });
    const profiles = await b.listProfiles({});
    expect(profiles.map((p) => p.name)).toEqual(['本机老师', '王小明']); // the other trainer had nothing of their own to merge
    const signed = (await b.getProgress({ token: trainerB.token, profileId: learner.id })).tracks[0].phases[0].steps[3];
    expect(signed).toMatchObject({ done: false, signedBy: null, unverified: { claimedBy: '李老师' } });
  });

  it('refuses a file whose rows the store would not admit (the same row schemas), and takes a newer version\'s extra fields off', async () => {
    const a = await openCore();
    const b = await openCore();
    const trainerB = await trainerOn(b, '本机老师');
    const { learner, lt, tt } = await people(a);
    await a.submitQuiz({ token: lt, profileId: learner.id, trackId: TRACK, stepId: 'quiz-basics', answers: { q1: 0, q2: [1], q3: false } });
    const file = JSON.parse((await a.exportProgress({ token: tt, format: 'json' })).content);
    expect(file.quizAttempts).toHaveLength(1);
    const attempt = file.quizAttempts[0];
    // An answer list longer than any question has options: the store would drop the row on its next read.
    const huge = { ...file, quizAttempts: [{ ...attempt, answers: { q2: Array.from({ length: 101 }, (_, i) => i) } }] };
    await expect(b.importProgress({ token: trainerB.token, data: JSON.stringify(huge) })).rejects.toMatchObject({ code: 'bad_request', key: 'notAProgressFile' });
    expect((await b.listProfiles({})).map((p) => p.name)).toEqual(['本机老师']);
    // A field a newer Handbook adds comes over without it; the attempt itself counts.
    const newer = { ...file, quizAttempts: [{ ...attempt, fromNewerVersion: { x: 1 } }] };
    await b.importProgress({ token: trainerB.token, data: JSON.stringify(newer) });
    const quiz = (await b.getProgress({ token: trainerB.token, profileId: learner.id })).tracks[0].phases[0].steps[2];
    expect(quiz).toMatchObject({ quiz: { attempts: 1 } });
  });

  it('carries 表彰 with their signature and confirmations: verified where the trainer\'s key is trusted, a forged one unverified and worth nothing', async () => {
    const content = writePack();
    const aDir = tempDir();
    const a = await openCore(content, aDir);
    const { learner, trainer, lt, tt } = await people(a);
    const given = await a.giveRecognition({ token: tt, profileId: learner.id, title: '本月服务之星', note: '三次好评' });
    const policy = await a.setAcknowledgementPolicy({ token: tt, articleId: 'cs/refunds', baseHash: (await a.getAcknowledgementPolicy({ token: tt, articleId: 'cs/refunds' })).hash, policy: { roles: 'all', due: '2099-01-31' }, material: false });
    await a.confirmAcknowledgement({ token: lt, profileId: learner.id, articleId: 'cs/refunds', version: 1, contentHash: policy.hash });
    const exported = (await a.exportProgress({ token: lt, profileId: learner.id, format: 'json' })).content;
    const file = JSON.parse(exported);
    expect(file.recognitions).toMatchObject([{ id: given.id, title: '本月服务之星', trainer: { id: trainer.id }, signature: expect.any(String) }]);
    expect(file.acknowledgements).toMatchObject([{ articleId: 'cs/refunds', version: 1, contentHash: policy.hash }]);

    // The trainer's public key travels in the content (trainers/<id>.yaml), so another PC on this content trusts it.
    const keys = JSON.parse(fs.readFileSync(path.join(aDir, SHARED_FILE), 'utf8')).profiles.find((p: { id: string }) => p.id === trainer.id).publicKeys;
    fs.mkdirSync(path.join(content, 'trainers'), { recursive: true });
    fs.writeFileSync(path.join(content, 'trainers', `${trainer.id}.yaml`), trainerKeysText({ id: trainer.id, name: '李老师', keys }));
    const b = await openCore(content);
    const trainerB = await trainerOn(b);
    expect(await b.importProgress({ token: trainerB.token, data: exported })).toMatchObject({ profilesAdded: 1, unchanged: false });
    const onB = await b.getRecognition({ token: await own(b, learner.id), profileId: learner.id });
    expect(onB.recognitions).toMatchObject([{ id: given.id, title: '本月服务之星', note: '三次好评', givenBy: { id: trainer.id } }]);
    expect(onB.unverifiedRecognitions).toBe(0);
    expect(onB.badges.map((x) => x.id)).toContain('recognized');
    expect(onB.points.bySource.confirmation).toBeGreaterThan(0);
    expect((await b.listMyAcknowledgements({ token: await own(b, learner.id), profileId: learner.id })).confirmed).toMatchObject([{ articleId: 'cs/refunds', version: 1 }]);
    // Twice is once.
    expect((await b.importProgress({ token: trainerB.token, data: exported })).unchanged).toBe(true);

    // Someone edits the note in the file: it still arrives, but does not check, shows nowhere and earns no badge.
    const forged = JSON.stringify({ ...file, recognitions: [{ ...file.recognitions[0], id: 'forged-1', note: '十次好评' }], acknowledgements: [] });
    const c = await openCore(content);
    const trainerC = await trainerOn(c);
    await c.importProgress({ token: trainerC.token, data: forged });
    const onC = await c.getRecognition({ token: await own(c, learner.id), profileId: learner.id });
    expect(onC.recognitions).toEqual([]);
    expect(onC.unverifiedRecognitions).toBe(1);
    expect(onC.badges.map((x) => x.id)).not.toContain('recognized');
    // A file with a malformed 表彰 is refused whole, nothing imported.
    await expect(c.importProgress({ token: trainerC.token, data: JSON.stringify({ ...file, recognitions: [{ ...file.recognitions[0], title: '' }] }) })).rejects.toMatchObject({ code: 'bad_request', key: 'notAProgressFile' });
  });
});
