import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDir, KEEP_PER_FILE, listFileBackups } from '../../../../electron/core/store/backups';
import { deviceFile, SHARED_FILE } from '../../../../electron/core/store/layout';
import { CURRENT_SCHEMA } from '../../../../electron/core/store/schema';
import { openStore, type Store } from '../../../../electron/core/store/store';
import { useStoreFolders } from './storeFolders';

const { tempDir, openTracked } = useStoreFolders('hb-store-');

const addProfile = (s: Store, name: string) =>
  s.updateShared((d) => { d.profiles.push({ id: name, name, roleId: 'r', startDate: '2026-01-01', trainer: false, pinHash: null, createdAt: 'x', passphraseHash: null, publicKeys: [], sealedKey: null }); });
const complete = (s: Store, profileId: string, stepId: string, completedAt = new Date().toISOString()) =>
  s.updateRecords(profileId, (r) => { r.completions.push({ profileId, trackId: 't', stepId, completedAt }); });
const deviceId = (dir: string) => fs.readFileSync(path.join(dir, 'device-id'), 'utf8').trim();
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));
const sizeOf = (p: string): number => (fs.statSync(p).isDirectory() ? fs.readdirSync(p).reduce((n, f) => n + sizeOf(path.join(p, f)), 0) : fs.statSync(p).size);

describe('store: the shared file and one file per learner per device', () => {
  it('creates the shared file with the current schema and a device id kept in the data folder', async () => {
    const dir = tempDir();
    const s = await openStore(dir);
    expect(readJson(path.join(dir, SHARED_FILE))).toMatchObject({ schemaVersion: CURRENT_SCHEMA, profiles: [], settings: { language: 'system' } });
    const id = deviceId(dir);
    await s.close();
    await openTracked(dir);
    expect(deviceId(dir)).toBe(id);
  });

  it('writes a profile to the shared file only, and a learner\'s record to that learner\'s file only', async () => {
    const dir = tempDir();
    const s = await openTracked(dir);
    await addProfile(s, 'a');
    await complete(s, 'a', 'one');
    await complete(s, 'b', 'two');
    const fileA = deviceFile(dir, 'a', deviceId(dir));
    const fileB = deviceFile(dir, 'b', deviceId(dir));
    const sharedBefore = fs.readFileSync(path.join(dir, SHARED_FILE), 'utf8');
    const bBefore = fs.readFileSync(fileB, 'utf8');
    await complete(s, 'a', 'three');
    expect(fs.readFileSync(path.join(dir, SHARED_FILE), 'utf8')).toBe(sharedBefore);
    expect(fs.readFileSync(fileB, 'utf8')).toBe(bBefore);
    expect(readJson(fileA).completions.map((c: any) => c.stepId)).toEqual(['one', 'three']);
    expect(sharedBefore).not.toContain('completions');
    expect(s.records('a').completions.map((c) => c.stepId)).toEqual(['one', 'three']);
    expect(s.data.completions.map((c) => c.stepId).sort()).toEqual(['one', 'three', 'two']);
  });

  it('has the write on disk when the update resolves, and keeps it across reopen', async () => {
    const dir = tempDir();
    const s = await openStore(dir);
    await addProfile(s, 'a');
    await complete(s, 'a', 'one');
    expect(readJson(path.join(dir, SHARED_FILE)).profiles.map((p: any) => p.id)).toEqual(['a']);
    await s.close();
    const again = await openTracked(dir);
    expect(again.shared.profiles.map((p) => p.id)).toEqual(['a']);
    expect(again.records('a').completions.map((c) => c.stepId)).toEqual(['one']);
  });

  it('serializes concurrent updates of each file without losing any', async () => {
    const s = await openTracked(tempDir());
    await Promise.all(Array.from({ length: 25 }, (_, i) => [addProfile(s, 'p' + i), complete(s, 'x', 's' + i), complete(s, 'y', 's' + i)]).flat());
    expect(s.shared.profiles).toHaveLength(25);
    expect(s.records('x').completions).toHaveLength(25);
    expect(s.records('y').completions).toHaveLength(25);
  });

  it('a failed change leaves memory and disk as they were', async () => {
    const dir = tempDir();
    const s = await openTracked(dir);
    await addProfile(s, 'a');
    await complete(s, 'a', 'one');
    const shared = fs.readFileSync(path.join(dir, SHARED_FILE), 'utf8');
    await expect(s.updateShared((d) => { d.profiles.push({ ...d.profiles[0], id: 'half' }); throw new Error('changed my mind'); })).rejects.toThrow('changed my mind');
    await expect(s.updateRecords('a', (r) => { r.completions.length = 0; throw new Error('no'); })).rejects.toThrow('no');
    // A value JSON cannot write (as deep nesting did) fails the write itself.
    const cyclic: any = {}; cyclic.self = cyclic;
    await expect(s.updateShared((d) => { (d.settings as any).bad = cyclic; })).rejects.toThrow();
    expect(s.shared.profiles.map((p) => p.id)).toEqual(['a']);
    expect(s.shared.settings).not.toHaveProperty('bad');
    expect(s.records('a').completions).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, SHARED_FILE), 'utf8')).toBe(shared);
    // The queue goes on after a failure.
    await addProfile(s, 'b');
    expect(s.shared.profiles.map((p) => p.id)).toEqual(['a', 'b']);
  });

  it('a write the disk refuses leaves memory as it was', async () => {
    const dir = tempDir();
    const s = await openTracked(dir);
    await complete(s, 'a', 'one');
    const file = deviceFile(dir, 'a', deviceId(dir));
    // A folder where the file's temporary copy must go: the rename fails, as a full or read-only disk would.
    fs.rmSync(file);
    fs.mkdirSync(file);
    await expect(complete(s, 'a', 'two')).rejects.toThrow();
    expect(s.records('a').completions.map((c) => c.stepId)).toEqual(['one']);
  });

  it('refuses learner records in the shared file and rows of another learner in a learner\'s file', async () => {
    const s = await openTracked(tempDir());
    await expect(s.updateShared((d) => { (d as any).completions = [{ profileId: 'a', trackId: 't', stepId: 's', completedAt: 'x' }]; })).rejects.toThrow(/updateRecords/);
    await expect(s.updateRecords('a', (r) => { r.completions.push({ profileId: 'b', trackId: 't', stepId: 's', completedAt: 'x' }); })).rejects.toThrow(/not a's/);
    expect(s.data.completions).toEqual([]);
  });

  it('puts any new collection whose rows carry a profileId in the learner files (the generic rule)', async () => {
    const dir = tempDir();
    const s = await openStore(dir);
    await addProfile(s, 'a');
    await s.updateAll((d) => { (d as any).signatures = [{ profileId: 'a', over: 'x' }]; (d as any).trainerNotes = [{ text: 'shared' }]; });
    expect(readJson(deviceFile(dir, 'a', deviceId(dir))).signatures).toEqual([{ profileId: 'a', over: 'x' }]);
    expect(readJson(path.join(dir, SHARED_FILE)).trainerNotes).toEqual([{ text: 'shared' }]);
    await s.close();
    const again = await openTracked(dir);
    expect((again.records('a') as any).signatures).toEqual([{ profileId: 'a', over: 'x' }]);
    expect((again.data as any).signatures).toEqual([{ profileId: 'a', over: 'x' }]);
  });

  it('keeps a profile id that is not a plain UUID inside the records folder', async () => {
    const dir = tempDir();
    const s = await openStore(dir);
    await complete(s, '../../Evil/Id', 'one');
    const root = path.join(dir, 'records');
    expect(fs.readdirSync(root)).toEqual(['x-' + Buffer.from('../../Evil/Id').toString('hex')]);
    await s.close();
    expect((await openTracked(dir)).records('../../Evil/Id').completions).toHaveLength(1);
  });

  it('shows a learner as the union of every device\'s file, newer facts winning, and writes only its own', async () => {
    const dir = tempDir();
    let s = await openStore(dir);
    await complete(s, 'a', 'one', '2026-03-01T00:00:00.000Z');
    await s.close();
    // Another PC's file for the same learner (as team mode will sync it in).
    const other = deviceFile(dir, 'a', 'other-pc-0001');
    const theirs = {
      profileId: 'a', deviceId: 'other-pc-0001',
      completions: [{ profileId: 'a', trackId: 't', stepId: 'two', completedAt: '2026-03-02T00:00:00.000Z' }],
      uncompletions: [{ profileId: 'a', trackId: 't', stepId: 'one', at: '2026-03-03T00:00:00.000Z' }],
    };
    fs.writeFileSync(other, JSON.stringify(theirs));
    s = await openTracked(dir);
    expect(s.records('a').completions.map((c) => c.stepId)).toEqual(['two']);
    await complete(s, 'a', 'three');
    expect(s.records('a').completions.map((c) => c.stepId).sort()).toEqual(['three', 'two']);
    expect(readJson(other)).toEqual(theirs);
    const mine = readJson(deviceFile(dir, 'a', deviceId(dir)));
    // Facts the other file holds are not copied into ours; our own "one", undone later on the other PC, is superseded.
    expect(mine.completions.map((c: any) => c.stepId)).toEqual(['three']);
    expect(mine.uncompletions ?? []).toEqual([]);
  });

  it('refuses a second writer on the same data folder in this process', async () => {
    const dir = tempDir();
    await openTracked(dir);
    await expect(openStore(dir)).rejects.toThrow(/already open/);
  });

  it('refuses a data folder locked by another live process, and leaves its files alone', async () => {
    const dir = tempDir();
    const other = spawn('sleep', ['10']);
    try {
      fs.writeFileSync(path.join(dir, 'handbook.lock'), String(other.pid));
      fs.writeFileSync(path.join(dir, SHARED_FILE), '{"schemaVersion":1,"profiles":[]}');
      await expect(openStore(dir)).rejects.toThrow(new RegExp(`in use by another Handbook \\(process ${other.pid}\\)`));
      expect(fs.readFileSync(path.join(dir, SHARED_FILE), 'utf8')).toBe('{"schemaVersion":1,"profiles":[]}');
    } finally {
      other.kill();
    }
  });

  it('takes over a lock left by a dead process', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'handbook.lock'), '999999');
    const s = await openTracked(dir);
    expect(s.shared.schemaVersion).toBe(CURRENT_SCHEMA);
  });

  const damage = [
    ['empty', ''],
    ['truncated', '{"schemaVersion":1,"profiles":[{"id":"a"'],
    ['NUL bytes', '\u0000\u0000\u0000'],
    ['not JSON', 'hello'],
  ] as const;
  for (const [label, content] of [...damage, ['a schema from the future', '{"schemaVersion":99}']] as const) {
    it(`moves a damaged shared file (${label}) aside and restores its newest good backup`, async () => {
      const dir = tempDir();
      const s = await openStore(dir);
      await addProfile(s, 'kept');
      await s.close();
      fs.writeFileSync(path.join(dir, SHARED_FILE), content);
      const recovered = await openTracked(dir);
      expect(recovered.recovery).not.toBeNull();
      expect(recovered.shared.profiles.map((p) => p.id)).toEqual(['kept']);
      expect(fs.readFileSync(recovered.recovery!.damagedFile, 'utf8')).toBe(content);
      expect(recovered.recovery!.restoredFrom).toBeTruthy();
      expect(readJson(path.join(dir, SHARED_FILE)).profiles).toHaveLength(1);
    });
  }

  for (const [label, content] of [...damage, ['someone else\'s records', '{"profileId":"b","completions":[]}']] as const) {
    it(`moves a damaged learner file (${label}) aside and restores its newest good backup; other learners are untouched`, async () => {
      const dir = tempDir();
      const s = await openStore(dir);
      await complete(s, 'a', 'one');
      await complete(s, 'a', 'two');
      await complete(s, 'c', 'other');
      await s.close();
      const file = deviceFile(dir, 'a', deviceId(dir));
      fs.writeFileSync(file, content);
      const recovered = await openTracked(dir);
      expect(recovered.recoveries).toHaveLength(1);
      expect(recovered.records('a').completions.map((c) => c.stepId)).toEqual(['one', 'two']);
      expect(recovered.records('c').completions).toHaveLength(1);
      expect(fs.readFileSync(recovered.recovery!.damagedFile, 'utf8')).toBe(content);
      expect(readJson(file).completions).toHaveLength(2);
    });
  }

  it('starts that file empty, but keeps the damaged file, when no backup is usable', async () => {
    const dir = tempDir();
    const s = await openStore(dir);
    await complete(s, 'a', 'one');
    await s.close();
    fs.rmSync(backupDir(dir), { recursive: true });
    fs.writeFileSync(deviceFile(dir, 'a', deviceId(dir)), '{broken');
    const again = await openTracked(dir);
    expect(again.recovery).toMatchObject({ restoredFrom: null });
    expect(again.records('a').completions).toEqual([]);
    expect(fs.readFileSync(again.recovery!.damagedFile, 'utf8')).toBe('{broken');
  });

  it('keeps backups of only the file written, a bounded number of each, within 3× the live data', async () => {
    const dir = tempDir();
    const s = await openTracked(dir);
    for (let i = 0; i < 30; i++) {
      await addProfile(s, 'b' + i);
      await complete(s, 'learner' + (i % 3), 's' + i);
    }
    const rel = path.relative(dir, deviceFile(dir, 'learner0', deviceId(dir)));
    const backups = listFileBackups(dir, rel);
    expect(backups).toHaveLength(KEEP_PER_FILE);
    expect(readJson(backups[0]).completions).toHaveLength(10);
    expect(listFileBackups(dir, SHARED_FILE)).toHaveLength(KEEP_PER_FILE);
    const live = sizeOf(path.join(dir, SHARED_FILE)) + sizeOf(path.join(dir, 'records'));
    expect(sizeOf(backupDir(dir))).toBeLessThanOrEqual(3 * live);
  });
});
