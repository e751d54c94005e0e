import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deviceFile, SHARED_FILE } from '../../../../electron/core/store/layout';
import { migrate } from '../../../../electron/core/store/migrations';
import { LEGACY_DB_FILE, openStore, type Store } from '../../../../electron/core/store/store';

const V3 = fs.readFileSync(path.resolve('test/fixtures/db/v3.json'), 'utf8');
const open: Store[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});
const openTracked = async (dir: string) => {
  const s = await openStore(dir);
  open.push(s);
  return s;
};
const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'hb-migrate-'));
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));
const deviceId = (dir: string) => fs.readFileSync(path.join(dir, 'device-id'), 'utf8').trim();
/** Key by key, rows in any order: the split layout keeps each learner's rows together. */
const normalized = (d: object) => Object.fromEntries(Object.entries(d).map(([k, v]) => [k, Array.isArray(v) ? v.map((r) => JSON.stringify(r)).sort() : v]).sort());

describe('migration from the single handbook-db.json', () => {
  it('splits the fixture into the shared file and one file per learner, keeping every row, and keeps the old file renamed aside', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, LEGACY_DB_FILE), V3);
    const s = await openTracked(dir);

    expect(normalized(s.data)).toEqual(normalized(migrate(JSON.parse(V3))));
    const shared = readJson(path.join(dir, SHARED_FILE));
    expect(Object.keys(shared).sort()).toEqual(['failedSearches', 'profiles', 'schemaVersion', 'settings']);
    expect(shared.profiles).toHaveLength(3);
    const learner = readJson(deviceFile(dir, 'p-learner', deviceId(dir)));
    expect(learner).toMatchObject({ profileId: 'p-learner', completions: [{ stepId: 'read-refunds' }, { stepId: 'signoff-day1' }], quizAttempts: [{ id: 'a1' }] });
    expect(readJson(deviceFile(dir, 'p-second', deviceId(dir)))).toMatchObject({ profileId: 'p-second', completions: [{ stepId: 'task-login' }], views: [{ at: '2026-03-09T02:05:00.000Z' }] });
    // The trainer has no records, so no file.
    expect(fs.existsSync(deviceFile(dir, 'p-trainer', deviceId(dir)))).toBe(false);

    expect(fs.existsSync(path.join(dir, LEGACY_DB_FILE))).toBe(false);
    const aside = fs.readdirSync(dir).filter((f) => f.startsWith('handbook-db.before-split-'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, aside[0]), 'utf8')).toBe(V3);
  });

  it('runs once: reopening reads the new layout', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, LEGACY_DB_FILE), V3);
    const first = await openStore(dir);
    await first.updateRecords('p-second', (r) => { r.completions = []; });
    await first.close();
    const again = await openTracked(dir);
    expect(again.records('p-second').completions).toEqual([]);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('handbook-db.'))).toHaveLength(1);
  });

  it('finishes a migration interrupted before the shared file was written, with nothing doubled', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, LEGACY_DB_FILE), V3);
    await (await openStore(dir)).close();
    // As if killed after the learner files and before the shared file and the rename.
    fs.rmSync(path.join(dir, SHARED_FILE));
    for (const f of fs.readdirSync(dir).filter((f) => f.startsWith('handbook-db.before-split-'))) fs.renameSync(path.join(dir, f), path.join(dir, LEGACY_DB_FILE));
    const s = await openTracked(dir);
    expect(normalized(s.data)).toEqual(normalized(migrate(JSON.parse(V3))));
  });

  it('recovers a damaged single file from its newest good full backup before splitting', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'backups'));
    fs.writeFileSync(path.join(dir, 'backups', 'db-2026-03-09T00-00-00-000Z.json'), V3);
    fs.writeFileSync(path.join(dir, LEGACY_DB_FILE), '{"schemaVersion":3,"profiles":[');
    const s = await openTracked(dir);
    expect(s.recovery).toMatchObject({ restoredFrom: path.join(dir, 'backups', 'db-2026-03-09T00-00-00-000Z.json') });
    expect(fs.readFileSync(s.recovery!.damagedFile, 'utf8')).toBe('{"schemaVersion":3,"profiles":[');
    expect(s.shared.profiles).toHaveLength(3);
    expect(s.records('p-learner').completions).toHaveLength(2);
  });

  it('upgrades a split layout written by an older schema', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, SHARED_FILE), JSON.stringify({ schemaVersion: 2, profiles: [], settings: { language: 'en' } }));
    fs.writeFileSync(path.join(dir, 'device-id'), 'this-pc-0001\n');
    fs.mkdirSync(path.join(dir, 'records', 'a'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'records', 'a', 'this-pc-0001.json'), JSON.stringify({ profileId: 'a', completions: [{ profileId: 'a', trackId: 't', stepId: 's', completedAt: '2026-01-02T03:04:05.000Z' }] }));
    const s = await openTracked(dir);
    expect(readJson(path.join(dir, SHARED_FILE)).schemaVersion).toBe(s.shared.schemaVersion);
    expect(s.shared.schemaVersion).toBeGreaterThan(2);
    expect(s.shared.settings.language).toBe('en');
    expect(s.records('a').completions).toHaveLength(1);
  });
});
