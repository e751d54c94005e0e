import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { csvCell } from '../../../../electron/core/onboarding/csv';
import { SHARED_FILE } from '../../../../electron/core/store/store';
import { ALL_RIGHT, closeAll, openCore, people, tempDir, TRACK, writePack } from './fixture';

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
    const { learner, trainer } = await people(core);
    await core.completeStep({ profileId: learner.id, trackId: TRACK, stepId: 'task-login' });
    await core.submitQuiz({ profileId: learner.id, trackId: TRACK, stepId: 'quiz-basics', answers: ALL_RIGHT });
    await core.signOff({ profileId: learner.id, trackId: TRACK, stepId: 'signoff-day1', trainerId: trainer.id, pin: '2468' });
    const file = await core.exportProgress({ format: 'csv' });
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

    const en = await core.exportProgress({ format: 'csv', language: 'en' });
    expect(en.content.slice(1, 8)).toBe('Learner');
  });

  it('neutralises spreadsheet formulas and quotes what needs quoting', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('两行\n文字')).toBe('"两行\n文字"');
    expect(csvCell(null)).toBe('');
  });

  it('exports one learner as JSON without PIN hashes', async () => {
    const core = await openCore();
    const { learner } = await people(core);
    await core.completeStep({ profileId: learner.id, trackId: TRACK, stepId: 'task-login' });
    const file = await core.exportProgress({ format: 'json', profileId: learner.id });
    expect(file.filename).toMatch(/^handbook-progress-王小明-.*\.json$/);
    const json = JSON.parse(file.content);
    expect(json).toMatchObject({ format: 'handbook-progress', version: 1, packId: 'onboarding-test' });
    expect(json.profiles.map((p: any) => p.name)).toEqual(['王小明']);
    expect(file.content).not.toContain('pinHash');
  });
});

describe('import', () => {
  it('brings a learner from another PC, and importing twice changes nothing', async () => {
    const content = writePack();
    const away = await openCore(content);
    const { learner } = await people(away);
    await away.completeStep({ profileId: learner.id, trackId: TRACK, stepId: 'task-login' });
    await away.submitQuiz({ profileId: learner.id, trackId: TRACK, stepId: 'quiz-basics', answers: { q1: 1 } });
    await away.requestSignoff({ profileId: learner.id, trackId: TRACK, stepId: 'signoff-day1' });
    const exported = (await away.exportProgress({ format: 'json', profileId: learner.id })).content;

    const dataDir = tempDir();
    const home = await openCore(content, dataDir);
    const first = await home.importProgress({ data: exported });
    expect(first).toEqual({ profilesAdded: 1, profilesMatched: 0, changes: 3, unchanged: false });
    const [row] = (await home.getDashboard({})).rows;
    expect(row).toMatchObject({ name: '王小明', done: 1, pendingSignoffs: [{ stepId: 'signoff-day1' }], quizzes: [{ bestScore: 33, attempts: 1 }] });
    expect((await home.listProfiles({}))[0]).toMatchObject({ id: learner.id, hasPin: false, trainer: false });

    const db = snapshot(dataDir);
    const second = await home.importProgress({ data: exported });
    expect(second).toEqual({ profilesAdded: 0, profilesMatched: 1, changes: 0, unchanged: true });
    expect(snapshot(dataDir)).toEqual(db);
  });

  it('lets the newer fact win per step: a later un-tick beats an earlier tick and vice versa', async () => {
    const content = writePack();
    const a = await openCore(content);
    const b = await openCore(content);
    const step = (profileId: string, stepId: string) => ({ profileId, trackId: TRACK, stepId });
    clock('2026-03-02T09:00:00Z');
    const away = await a.createProfile({ name: '王小明', roleId: 'customer-service', startDate: '2026-03-02' });
    // The same person set up on the shared PC too: matched by name and role, not duplicated.
    const home = await b.createProfile({ name: '王小明', roleId: 'customer-service', startDate: '2026-03-02' });
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

    const exported = (await a.exportProgress({ format: 'json' })).content;
    expect(await b.importProgress({ data: exported })).toMatchObject({ profilesAdded: 0, profilesMatched: 1, unchanged: false });
    const done = (await b.getProgress({ profileId: home.id })).completed.map((c) => c.stepId).sort();
    expect(done).toEqual(['read-presales', 'read-refunds']);
    expect(await b.listProfiles({})).toHaveLength(1);
    expect((await b.importProgress({ data: exported })).unchanged).toBe(true);
  });

  it('keeps every quiz attempt from both PCs and the best score across them', async () => {
    const content = writePack();
    const a = await openCore(content);
    const b = await openCore(content);
    const { learner } = await people(a);
    const ref = { profileId: learner.id, trackId: TRACK, stepId: 'quiz-basics' };
    await a.submitQuiz({ ...ref, answers: ALL_RIGHT });
    await b.importProgress({ data: (await a.exportProgress({ format: 'json' })).content });
    await b.submitQuiz({ ...ref, answers: {} });
    await a.submitQuiz({ ...ref, answers: { q1: 1 } });
    await b.importProgress({ data: (await a.exportProgress({ format: 'json' })).content });
    const step = (await b.getProgress({ profileId: learner.id })).tracks[0].phases[0].steps[2];
    expect(step.quiz).toEqual({ attempts: 3, bestScore: 100, passed: true });
    expect(step.done).toBe(true);
  });

  it('refuses what is not a progress file, and brings no trainer rights over', async () => {
    const a = await openCore();
    const b = await openCore();
    await expect(b.importProgress({ data: 'learner,step\n' })).rejects.toMatchObject({ code: 'bad_request', message: expect.stringContaining('not a Handbook progress file') });
    await expect(b.importProgress({ data: '{"format":"other"}' })).rejects.toMatchObject({ code: 'bad_request' });
    const { learner, trainer } = await people(a);
    await a.signOff({ profileId: learner.id, trackId: TRACK, stepId: 'signoff-day1', trainerId: trainer.id, pin: '2468' });
    await b.importProgress({ data: (await a.exportProgress({ format: 'json' })).content });
    const profiles = await b.listProfiles({});
    expect(profiles.map((p) => p.name)).toEqual(['王小明']); // the trainer had nothing of their own to merge
    const signed = (await b.getProgress({ profileId: learner.id })).tracks[0].phases[0].steps[3];
    expect(signed.signedBy).toEqual({ id: trainer.id, name: '李老师' });
  });
});
