import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listBackups } from '../../../../electron/core/store/backups';
import { CURRENT_SCHEMA } from '../../../../electron/core/store/schema';
import { DB_FILE, openStore, type Store } from '../../../../electron/core/store/store';

const dirs: string[] = [];
const open: Store[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-store-'));
  dirs.push(d);
  return d;
};
const openTracked = async (dir: string) => {
  const s = await openStore(dir);
  open.push(s);
  return s;
};
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

const addProfile = (s: Store, name: string) =>
  s.update((d) => { d.profiles.push({ id: name, name, roleId: 'r', startDate: '2026-01-01', trainer: false, pinHash: null, createdAt: 'x', passphraseHash: null, publicKeys: [], sealedKey: null }); });

describe('store (real lowdb file)', () => {
  it('creates the database file with the current schema', async () => {
    const dir = tempDir();
    await openTracked(dir);
    const raw = JSON.parse(fs.readFileSync(path.join(dir, DB_FILE), 'utf8'));
    expect(raw).toMatchObject({ schemaVersion: CURRENT_SCHEMA, profiles: [], settings: { language: 'system' } });
  });

  it('has the write on disk when update resolves, and keeps it across reopen', async () => {
    const dir = tempDir();
    const s = await openStore(dir);
    await addProfile(s, 'a');
    expect(JSON.parse(fs.readFileSync(path.join(dir, DB_FILE), 'utf8')).profiles.map((p: any) => p.id)).toEqual(['a']);
    await s.close();
    const again = await openTracked(dir);
    expect(again.data.profiles.map((p) => p.id)).toEqual(['a']);
  });

  it('serializes concurrent updates without losing any', async () => {
    const s = await openTracked(tempDir());
    await Promise.all(Array.from({ length: 25 }, (_, i) => addProfile(s, 'p' + i)));
    expect(s.data.profiles).toHaveLength(25);
  });

  it('refuses a second writer on the same data folder in this process', async () => {
    const dir = tempDir();
    await openTracked(dir);
    await expect(openStore(dir)).rejects.toThrow(/already open/);
  });

  it('refuses a data folder locked by another live process, and leaves its file alone', async () => {
    const dir = tempDir();
    const other = spawn('sleep', ['10']);
    try {
      fs.writeFileSync(path.join(dir, 'handbook.lock'), String(other.pid));
      fs.writeFileSync(path.join(dir, DB_FILE), '{"schemaVersion":1,"profiles":[]}');
      await expect(openStore(dir)).rejects.toThrow(new RegExp(`in use by another Handbook \\(process ${other.pid}\\)`));
      expect(fs.readFileSync(path.join(dir, DB_FILE), 'utf8')).toBe('{"schemaVersion":1,"profiles":[]}');
    } finally {
      other.kill();
    }
  });

  it('takes over a lock left by a dead process', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'handbook.lock'), '999999');
    const s = await openTracked(dir);
    expect(s.data.schemaVersion).toBe(CURRENT_SCHEMA);
  });

  for (const [label, content] of [
    ['empty', ''],
    ['truncated', '{"schemaVersion":1,"profiles":[{"id":"a"'],
    ['NUL bytes', '\u0000\u0000\u0000'],
    ['not JSON', 'hello'],
    ['a schema from the future', '{"schemaVersion":99}'],
  ] as const) {
    it(`moves a damaged database (${label}) aside and restores the newest good backup`, async () => {
      const dir = tempDir();
      const s = await openStore(dir);
      await addProfile(s, 'kept');
      await s.close();
      fs.writeFileSync(path.join(dir, DB_FILE), content);
      const recovered = await openTracked(dir);
      expect(recovered.recovery).not.toBeNull();
      expect(recovered.data.profiles.map((p) => p.id)).toEqual(['kept']);
      expect(fs.readFileSync(recovered.recovery!.damagedFile, 'utf8')).toBe(content);
      expect(recovered.recovery!.restoredFrom).toBeTruthy();
    });
  }

  it('starts empty, but keeps the damaged file, when no backup is usable', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, DB_FILE), '{broken');
    const s = await openTracked(dir);
    expect(s.recovery).toMatchObject({ restoredFrom: null });
    expect(s.data.profiles).toEqual([]);
    expect(fs.readFileSync(s.recovery!.damagedFile, 'utf8')).toBe('{broken');
  });

  it('keeps a bounded number of rolling backups', async () => {
    const dir = tempDir();
    const s = await openTracked(dir);
    for (let i = 0; i < 30; i++) await addProfile(s, 'b' + i);
    const backups = listBackups(dir);
    expect(backups.length).toBeGreaterThanOrEqual(10);
    expect(backups.length).toBeLessThanOrEqual(11);
    expect(JSON.parse(fs.readFileSync(backups[0], 'utf8')).profiles).toHaveLength(30);
  });
});
