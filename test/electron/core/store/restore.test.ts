import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../../electron/core/index';
import { listRestorePoints } from '../../../../electron/core/store/backups';
import { SHARED_FILE } from '../../../../electron/core/store/layout';
import { openStore, type Store } from '../../../../electron/core/store/store';
import { FIXTURE_PACK } from '../../../contract/harness';

const open: Store[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});
const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'hb-restore-'));
const filesOf = (dir: string) => Object.fromEntries(fs.readdirSync(dir, { recursive: true }).map(String)
  .filter((f) => (f === SHARED_FILE || f.startsWith('records')) && fs.statSync(path.join(dir, f)).isFile())
  .map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
const profile = (id: string) => ({ id, name: id, roleId: 'r', startDate: '2026-01-01', trainer: false, pinHash: null, createdAt: 'x', passphraseHash: null, publicKeys: [], sealedKey: null });

async function seeded(dir: string): Promise<Store> {
  const s = await openStore(dir);
  open.push(s);
  await s.updateShared((d) => { d.profiles.push(profile('old')); });
  await s.updateRecords('old', (r) => { r.completions.push({ profileId: 'old', trackId: 't', stepId: 'kept', completedAt: '2026-01-02T00:00:00.000Z' }); });
  return s;
}

describe('replaceAll (restore)', () => {
  it('writes only the keys the schema knows: junk such as settings.constructor never reaches disk', async () => {
    const dir = tempDir();
    const s = await seeded(dir);
    const raw = JSON.parse('{"schemaVersion":3,"profiles":[{"id":"new","name":"new","roleId":"r","startDate":"2026-01-01","trainer":false,"pinHash":null,"createdAt":"x"}],'
      + '"completions":[{"profileId":"new","trackId":"t","stepId":"s","completedAt":"2026-01-03T00:00:00.000Z"}],'
      + '"settings":{"language":"en","constructor":{"polluted":true},"__proto__":{"polluted":true}},"junk":{"a":1}}');
    await s.replaceAll(raw);
    const onDisk = Object.values(filesOf(dir)).join('\n');
    expect(onDisk).not.toContain('constructor');
    expect(onDisk).not.toContain('polluted');
    expect(onDisk).not.toContain('junk');
    expect(Object.keys(s.shared.settings).sort()).toEqual(['contentDir', 'currentProfileId', 'language', 'teamBoard', 'theme']);
    expect(s.shared.profiles.map((p) => p.id)).toEqual(['new']);
    expect(s.records('new').completions).toHaveLength(1);
    expect(s.records('old').completions).toEqual([]);
    expect(fs.readdirSync(path.join(dir, 'records'))).toEqual(['new']);
  });

  it('keeps the database as it was before the restore where ordinary writes never rotate it away', async () => {
    const dir = tempDir();
    const s = await seeded(dir);
    await s.replaceAll({ schemaVersion: 3 });
    for (let i = 0; i < 30; i++) await s.updateShared((d) => { d.profiles.push(profile('p' + i)); });
    const [point] = listRestorePoints(dir);
    const before = JSON.parse(fs.readFileSync(point, 'utf8'));
    expect(before.profiles.map((p: any) => p.id)).toEqual(['old']);
    expect(before.completions.map((c: any) => c.stepId)).toEqual(['kept']);
    // The restore point is itself a backup a restore accepts.
    await s.replaceAll(before);
    expect(s.records('old').completions.map((c) => c.stepId)).toEqual(['kept']);
  });

  it('refuses a file whose collections are not lists of records, and changes nothing', async () => {
    const dir = tempDir();
    const s = await seeded(dir);
    const files = filesOf(dir);
    await expect(s.replaceAll({ schemaVersion: 3, profiles: { a: 1 }, completions: 'x' })).rejects.toThrow(/not a list of records/);
    await expect(s.replaceAll({ schemaVersion: 3, completions: [1, 2] })).rejects.toThrow(/not a list of records/);
    await expect(s.replaceAll({ schemaVersion: 99 })).rejects.toThrow(/newer Handbook/);
    expect(filesOf(dir)).toEqual(files);
    expect(listRestorePoints(dir)).toEqual([]);
    expect(s.shared.profiles.map((p) => p.id)).toEqual(['old']);
  });

  it('backupDatabase gives one JSON file that restoreDatabase takes back, whole', async () => {
    const dataDir = tempDir();
    const core = await createCore({ contentDir: FIXTURE_PACK, dataDir });
    try {
      const t = await core.createProfile({ name: '带教', roleId: 'customer-service', trainer: true, passphrase: 'restore-pass-1' });
      const { token: tt } = await core.openEditSession({ profileId: t.id, passphrase: 'restore-pass-1' });
      const a = await core.createProfile({ name: '甲', roleId: 'customer-service' });
      const { token: at } = await core.openProfileSession({ profileId: a.id });
      await core.completeStep({ token: at, profileId: a.id, trackId: 'customer-service', stepId: 'task-login' });
      await core.setBookmark({ token: at, profileId: a.id, articleId: (await core.listArticles({})).articles[0].id, bookmarked: true });
      const backup = await core.backupDatabase({ token: tt });
      const parsed = JSON.parse(backup.content);
      expect(parsed).toMatchObject({ profiles: [{ id: t.id }, { id: a.id }], completions: [{ stepId: 'task-login' }], bookmarks: [{ profileId: a.id }] });
      await core.createProfile({ name: '乙', roleId: 'customer-service' });
      await core.uncompleteStep({ token: at, profileId: a.id, trackId: 'customer-service', stepId: 'task-login' });
      expect(await core.restoreDatabase({ token: tt, content: backup.content, confirm: true })).toEqual({ profiles: 2 });
      expect((await core.getProgress({ token: tt, profileId: a.id })).completed.map((c) => c.stepId)).toEqual(['task-login']);
      expect(JSON.parse((await core.backupDatabase({ token: tt })).content)).toEqual(parsed);
    } finally {
      await core.close();
    }
  });
});
