import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDir, restorePointDir } from '../../../../electron/core/store/backups';
import { deviceFile, SHARED_FILE } from '../../../../electron/core/store/layout';

/** Every rolling backup file (not the restore points). */
const rollingBackups = (data: string) => fs.readdirSync(backupDir(data), { recursive: true }).map((f) => path.join(backupDir(data), String(f)))
  .filter((f) => !f.startsWith(restorePointDir(data)) && fs.statSync(f).isFile());
import { closeAll, openCore, PASSPHRASE, people, tempDir, TRACK, trainerOn, writePack } from '../onboarding/fixture';
import { zipOf } from '../../../support/zip';

/**
 * Every attack issue 11 lists, tried as a new user would (through the API), now failing to do harm.
 */
afterEach(closeAll);

const progressFile = (over: Record<string, unknown>) => JSON.stringify({
  format: 'handbook-progress', version: 1, exportedAt: '2026-03-01T00:00:00.000Z',
  profiles: [], completions: [], uncompletions: [], quizAttempts: [], signoffRequests: [], ...over,
});

describe('attack: become a trainer without being one', () => {
  it('refuses a second trainer without a trainer session, and a learner session is not one', async () => {
    const core = await openCore();
    const { learner, lt } = await people(core);
    const attempt = { name: '假老师', roleId: 'customer-service', trainer: true, passphrase: 'i am a trainer now' };
    await expect(core.createProfile(attempt)).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(core.createProfile({ ...attempt, token: lt })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await core.listProfiles({})).map((p) => p.name)).toEqual(['王小明', '李老师']);
    // Nor can the learner's session edit content or sign anyone off, themselves included.
    await expect(core.saveArticle({ token: lt, id: 'cs/x', baseHash: null, fields: {}, body: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(core.signOff({ token: lt, profileId: learner.id, trackId: TRACK, stepId: 'signoff-day1' })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('lets only one of many parallel "first trainer" calls through', async () => {
    const core = await openCore();
    const tries = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => core.createProfile({ name: `老师${i}`, roleId: 'customer-service', trainer: true, passphrase: 'first trainer pass' })));
    expect(tries.filter((t) => t.status === 'fulfilled')).toHaveLength(1);
    expect(tries.filter((t) => t.status === 'rejected').every((t) => (t as PromiseRejectedResult).reason.code === 'unauthorized')).toBe(true);
    expect((await core.listProfiles({})).filter((p) => p.trainer)).toHaveLength(1);
  });

  it('a 4-digit PIN is not a passphrase', async () => {
    const core = await openCore();
    await expect(core.createProfile({ name: 'T', roleId: 'customer-service', trainer: true, passphrase: '1234' })).rejects.toMatchObject({ code: 'bad_request', key: 'invalid.passphrase' });
  });
});

describe('attack: forged records through importProgress', () => {
  it('needs a trainer session to import at all', async () => {
    const core = await openCore();
    const { lt } = await people(core);
    await expect(core.importProgress({ data: progressFile({}) } as never)).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(core.importProgress({ token: lt, data: progressFile({}) })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('shows a sign-off "by" the real trainer without a valid signature as unverified, counting for nothing', async () => {
    const core = await openCore();
    const { learner, trainer, lt, tt } = await people(core);
    const forged = progressFile({
      profiles: [{ id: learner.id, name: learner.name, roleId: learner.roleId, startDate: learner.startDate, trainer: false, createdAt: learner.createdAt }],
      completions: [
        { profileId: learner.id, trackId: TRACK, stepId: 'signoff-day1', completedAt: '2026-03-05T00:00:00.000Z', signedBy: { id: trainer.id, name: '李老师' }, signature: Buffer.alloc(64, 7).toString('base64') },
      ],
    });
    await core.importProgress({ token: tt, data: forged });
    const p = await core.getProgress({ token: lt, profileId: learner.id });
    expect(p.tracks[0].phases[0].steps[3]).toMatchObject({ done: false, signedBy: null, unverified: { claimedBy: '李老师' } });
    expect(p.tracks[0].done).toBe(0);
    expect(p.completed.find((c) => c.stepId === 'signoff-day1')).toMatchObject({ verified: false });
    const row = (await core.getDashboard({ token: tt })).rows.find((r) => r.profileId === learner.id)!;
    expect(row).toMatchObject({ done: 0, unverifiedSignoffs: [{ stepId: 'signoff-day1', claimedBy: '李老师' }] });
    const csv = (await core.exportProgress({ token: tt, format: 'csv', language: 'en' })).content;
    expect(csv.split('\r\n').find((l) => l.includes('带教确认'))).toMatch(/,(Open|Overdue),,李老师 \(unverified\),/);
  });

  it('a bare completion of a sign-off step (no signer at all) does not count either', async () => {
    const core = await openCore();
    const { learner, lt, tt } = await people(core);
    await core.importProgress({ token: tt, data: progressFile({ completions: [{ profileId: learner.id, trackId: TRACK, stepId: 'signoff-day1', completedAt: '2026-03-05T00:00:00.000Z' }], profiles: [{ id: learner.id, name: learner.name, roleId: learner.roleId, startDate: learner.startDate, trainer: false, createdAt: learner.createdAt }] }) });
    expect((await core.getProgress({ token: lt, profileId: learner.id })).tracks[0].phases[0].steps[3]).toMatchObject({ done: false, unverified: { claimedBy: null } });
  });

  it('cannot erase a verified sign-off with a newer un-tick, nor replace it with an unverified one', async () => {
    const core = await openCore();
    const { learner, trainer, lt, tt } = await people(core);
    await core.signOff({ token: tt, profileId: learner.id, trackId: TRACK, stepId: 'signoff-day1' });
    const profile = { id: learner.id, name: learner.name, roleId: learner.roleId, startDate: learner.startDate, trainer: false, createdAt: learner.createdAt };
    const later = '2099-01-01T00:00:00.000Z';
    await core.importProgress({ token: tt, data: progressFile({ profiles: [profile], uncompletions: [{ profileId: learner.id, trackId: TRACK, stepId: 'signoff-day1', at: later }] }) });
    await core.importProgress({ token: tt, data: progressFile({ profiles: [profile], completions: [{ profileId: learner.id, trackId: TRACK, stepId: 'signoff-day1', completedAt: later, signedBy: { id: trainer.id, name: 'x' } }] }) });
    const step = (await core.getProgress({ token: lt, profileId: learner.id })).tracks[0].phases[0].steps[3];
    expect(step).toMatchObject({ done: true, signedBy: { id: trainer.id, name: '李老师' }, unverified: null });
  });

  it('a genuine sign-off travels: exported and imported on the same handbook it still verifies', async () => {
    const content = writePack();
    const data = tempDir();
    const core = await openCore(content, data);
    const { learner, tt } = await people(core);
    await core.signOff({ token: tt, profileId: learner.id, trackId: TRACK, stepId: 'signoff-day1' });
    const file = (await core.exportProgress({ token: tt, format: 'json' })).content;
    expect(JSON.parse(file).completions[0].signature).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(await core.importProgress({ token: tt, data: file })).toMatchObject({ unchanged: true });
  });
});

/**
 * Edits a closed data folder by hand, as someone at the PC could: profiles in the shared file,
 * completions in each learner's file of this device.
 */
function editDataFiles(data: string, edit: (db: { profiles: any[]; completions: any[] }) => void): void {
  const sharedFile = path.join(data, SHARED_FILE);
  const shared = JSON.parse(fs.readFileSync(sharedFile, 'utf8'));
  const device = fs.readFileSync(path.join(data, 'device-id'), 'utf8').trim();
  const fileOf = (id: string) => deviceFile(data, id, device);
  const files = new Map<string, any>(shared.profiles.filter((p: any) => fs.existsSync(fileOf(p.id))).map((p: any) => [p.id, JSON.parse(fs.readFileSync(fileOf(p.id), 'utf8'))]));
  const db = { profiles: shared.profiles, completions: [...files.values()].flatMap((f) => f.completions ?? []) };
  edit(db);
  shared.profiles = db.profiles;
  fs.writeFileSync(sharedFile, JSON.stringify(shared));
  for (const p of db.profiles) {
    const rows = db.completions.filter((c) => c.profileId === p.id);
    if (!rows.length && !files.has(p.id)) continue;
    const file = files.get(p.id) ?? { profileId: p.id };
    file.completions = rows;
    fs.mkdirSync(path.dirname(fileOf(p.id)), { recursive: true });
    fs.writeFileSync(fileOf(p.id), JSON.stringify(file));
  }
}

describe('attack: hand-edited data files', () => {
  async function signedThenEdited(edit: (db: any, ids: { learner: string; other: string }) => void) {
    const content = writePack();
    const data = tempDir();
    let core = await openCore(content, data);
    const { learner, trainer, tt } = await people(core);
    const other = await core.createProfile({ name: '另一人', roleId: 'customer-service' });
    await core.signOff({ token: tt, profileId: learner.id, trackId: TRACK, stepId: 'signoff-day1' });
    await core.close();
    editDataFiles(data, (db) => edit(db, { learner: learner.id, other: other.id }));
    core = await openCore(content, data);
    const t = (await core.openEditSession({ profileId: trainer.id, passphrase: PASSPHRASE })).token;
    const step = async (id: string) => (await core.getProgress({ token: t, profileId: id })).tracks[0].phases[0].steps[3];
    return { step, learner: learner.id, other: other.id };
  }

  it('moving a signed sign-off to another learner does not carry its signature with it', async () => {
    const { step, other } = await signedThenEdited((db, ids) => {
      db.completions.push({ ...db.completions.find((c: any) => c.profileId === ids.learner), profileId: ids.other });
    });
    expect(await step(other)).toMatchObject({ done: false, unverified: { claimedBy: '李老师' } });
  });

  it('changing what a sign-off says (its date) breaks it; deleting records is all an editor can do', async () => {
    const { step, learner } = await signedThenEdited((db) => { db.completions[0].completedAt = '2026-01-01T00:00:00.000Z'; });
    expect(await step(learner)).toMatchObject({ done: false, unverified: expect.any(Object) });
  });

  it('swapping in a key of one\'s own for the trainer\'s shows at once: their sign-offs turn unverified and their unlock says why', async () => {
    const content = writePack();
    const data = tempDir();
    let core = await openCore(content, data);
    const { learner, trainer, tt } = await people(core);
    await core.signOff({ token: tt, profileId: learner.id, trackId: TRACK, stepId: 'signoff-day1' });
    await core.close();
    const { publicKey } = (await import('node:crypto')).generateKeyPairSync('ed25519');
    editDataFiles(data, (db) => { db.profiles.find((p: any) => p.trainer).publicKeys = [publicKey.export({ format: 'der', type: 'spki' }).toString('base64')]; });
    core = await openCore(content, data);
    await expect(core.openEditSession({ profileId: trainer.id, passphrase: PASSPHRASE })).rejects.toMatchObject({ code: 'forbidden', key: 'keyTampered' });
    const lt = (await core.openProfileSession({ profileId: learner.id })).token;
    expect((await core.getProgress({ token: lt, profileId: learner.id })).tracks[0].phases[0].steps[3]).toMatchObject({ done: false, unverified: expect.any(Object) });
  });
});

describe('attack: read the trainer secret from a backup', () => {
  it('only a trainer can take a backup; it holds a slow scrypt hash of a long passphrase, never a PIN hash', async () => {
    const core = await openCore();
    const { lt, tt } = await people(core);
    await expect(core.backupDatabase({} as never)).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(core.backupDatabase({ token: lt })).rejects.toMatchObject({ code: 'forbidden' });
    const db = JSON.parse((await core.backupDatabase({ token: tt })).content);
    const t = db.profiles.find((p: any) => p.trainer);
    expect(t.pinHash).toBeNull();
    expect(t.passphraseHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(t.sealedKey).toMatchObject({ iv: expect.any(String), tag: expect.any(String) });
    expect(JSON.stringify(t.sealedKey)).not.toContain('PRIVATE KEY');
  });
});

describe('attack: restoreDatabase', () => {
  it('refuses without a trainer session, and refuses damaging files with one line, changing nothing', async () => {
    const content = writePack();
    const data = tempDir();
    const core = await openCore(content, data);
    const { learner, lt, tt } = await people(core);
    await core.completeStep({ token: lt, profileId: learner.id, trackId: TRACK, stepId: 'task-login' });
    const before = (await core.backupDatabase({ token: tt })).content;
    await expect(core.restoreDatabase({ token: lt, content: '{"schemaVersion":3}', confirm: true })).rejects.toMatchObject({ code: 'forbidden' });
    let deep = '1';
    for (let i = 0; i < 200_000; i++) deep = `[${deep}]`;
    for (const bad of ['{"schemaVersion":3}', '{"profiles":{"a":1},"completions":"x","schemaVersion":3}', `{"schemaVersion":3,"profiles":[],"nested":${deep}}`]) {
      const err = await core.restoreDatabase({ token: tt, content: bad, confirm: true }).catch((e) => e);
      expect(err).toMatchObject({ code: 'bad_request', key: 'notABackup' });
      expect(err.message).not.toContain('\n');
    }
    expect((await core.backupDatabase({ token: tt })).content).toBe(before);
    // Writes keep working, memory and disk in step.
    await core.completeStep({ token: lt, profileId: learner.id, trackId: TRACK, stepId: 'task-solo' });
    const device = fs.readFileSync(path.join(data, 'device-id'), 'utf8').trim();
    expect(JSON.parse(fs.readFileSync(deviceFile(data, learner.id, device), 'utf8')).completions).toHaveLength(2);
  });

  it('refuses a backup with no trainer in it (restoring it would let anyone become the first trainer)', async () => {
    const core = await openCore();
    const { tt } = await people(core);
    const noTrainer = JSON.parse((await core.backupDatabase({ token: tt })).content);
    noTrainer.profiles = noTrainer.profiles.filter((p: any) => !p.trainer);
    await expect(core.restoreDatabase({ token: tt, content: JSON.stringify(noTrainer), confirm: true })).rejects.toMatchObject({ key: 'notABackup', message: expect.stringContaining('no trainer') });
  });

  it('keeps the current database where ordinary writes never rotate it away', async () => {
    const content = writePack();
    const data = tempDir();
    const core = await openCore(content, data);
    const { learner, lt, tt } = await people(core);
    const old = (await core.backupDatabase({ token: tt })).content;
    await core.completeStep({ token: lt, profileId: learner.id, trackId: TRACK, stepId: 'task-login' });
    await core.restoreDatabase({ token: tt, content: old, confirm: true });
    const lt2 = (await core.openProfileSession({ profileId: learner.id })).token;
    for (let i = 0; i < 15; i++) await core.recordView({ token: lt2, profileId: learner.id, articleId: `cs/refunds` });
    expect(rollingBackups(data).every((b) => !fs.readFileSync(b, 'utf8').includes('task-login'))).toBe(true);
    const kept = fs.readdirSync(restorePointDir(data));
    expect(kept).toHaveLength(1);
    expect(fs.readFileSync(path.join(restorePointDir(data), kept[0]), 'utf8')).toContain('task-login');
  });
});

describe('attack: content folder switch and pack imports', () => {
  it('an import never deletes what is not the pack\'s own, and every replaced pack stays recoverable', async () => {
    const content = writePack();
    fs.writeFileSync(path.join(content, 'notes.txt'), '我的笔记');
    const core = await openCore(content);
    const { token: tt } = await trainerOn(core);
    for (let i = 0; i < 12; i++) {
      const zip = await zipOf({ 'handbook.yaml': `id: p\nname: 版本${i}\nversion: 1.0.${i}\n`, 'articles/a.md': `# 第 ${i} 版\n` });
      const { uploadId } = await core.uploadPackChunk({ token: tt, offset: 0, data: zip.toString('base64') });
      const preview = await core.previewPackImport({ token: tt, uploadId });
      expect(preview.removed).not.toContain('notes.txt');
      await core.applyPackImport({ token: tt, uploadId });
    }
    expect(fs.readFileSync(path.join(content, 'notes.txt'), 'utf8')).toBe('我的笔记');
    const backups = await core.listPackBackups({ token: tt });
    expect(backups).toHaveLength(12);
    expect(backups.some((b) => b.packName === '入职测试包')).toBe(true);
  });

  it('serves only the pack\'s own folders through pack-file/', async () => {
    const { resolvePackFile } = await import('../../../../electron/core/content/servedFiles');
    const content = writePack({ 'handbook.yaml': 'id: x\nname: x\nversion: 1.0.0\n', 'notes.txt': 'secret', 'assets/a.png': 'png' });
    expect(resolvePackFile(content, 'notes.txt')).toBeNull();
    expect(resolvePackFile(content, 'assets/a.png')).not.toBeNull();
  });
});

describe('attack: the same name many times at once', () => {
  it('accepts one of 40 parallel profiles with one name, while other writes are queued', async () => {
    const core = await openCore();
    const { learner, lt } = await people(core);
    const writes = Array.from({ length: 10 }, () => core.recordView({ token: lt, profileId: learner.id, articleId: 'cs/refunds' }));
    const tries = await Promise.allSettled(Array.from({ length: 40 }, () => core.createProfile({ name: '同名', roleId: 'customer-service' })));
    await Promise.all(writes);
    expect(tries.filter((t) => t.status === 'fulfilled')).toHaveLength(1);
    expect((await core.listProfiles({})).filter((p) => p.name === '同名')).toHaveLength(1);
  });
});
