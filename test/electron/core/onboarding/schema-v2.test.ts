import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../../electron/core/store/migrations';
import { CURRENT_SCHEMA } from '../../../../electron/core/store/schema';
import { DB_FILE, openStore, SHARED_FILE, type Store } from '../../../../electron/core/store/store';
import { hashPin } from '../../../../electron/core/profiles/pin';
import { closeAll, openCore, own, tempDir, TRACK, writePack } from './fixture';

const V1 = fs.readFileSync(path.resolve('test/fixtures/db/v1.json'), 'utf8');
const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  await closeAll();
});

describe('schema 1 → 2 (onboarding facts)', () => {
  it('keeps every v1 row and adds the empty onboarding collections', () => {
    const v1 = JSON.parse(V1);
    const data = migrate(structuredClone(v1));
    // Later versions build on 2; a v1 file must come all the way up to the current one.
    expect(CURRENT_SCHEMA).toBeGreaterThanOrEqual(2);
    expect(data.schemaVersion).toBe(CURRENT_SCHEMA);
    for (const k of ['completions', 'bookmarks', 'views'] as const) expect(data[k]).toEqual(v1[k]);
    // Profiles keep every field; version 4 adds the trust fields.
    expect(data.profiles).toMatchObject(v1.profiles);
    // Settings keep every value and gain defaults for newer settings (contentDir).
    expect(data.settings).toMatchObject(v1.settings);
    expect(data).toMatchObject({ uncompletions: [], quizAttempts: [], signoffRequests: [] });
  });

  it('upgrades a real v1 database file when it is opened, and writes it back upgraded', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, DB_FILE), V1);
    const store = await openStore(dir);
    stores.push(store);
    expect(store.data.schemaVersion).toBe(CURRENT_SCHEMA);
    expect(JSON.parse(fs.readFileSync(path.join(dir, SHARED_FILE), 'utf8'))).toMatchObject({ schemaVersion: CURRENT_SCHEMA });
    expect(store.data).toMatchObject({ quizAttempts: [], completions: JSON.parse(V1).completions });
  });

  it('serves v1 progress through the API after the upgrade', async () => {
    const dir = tempDir();
    // The fixture's trainer gets a PIN we know, to take the v4 path: the old PIN once, to set a passphrase.
    fs.writeFileSync(path.join(dir, DB_FILE), JSON.stringify({ ...JSON.parse(V1), profiles: JSON.parse(V1).profiles.map((p: any) => (p.trainer ? { ...p, pinHash: hashPin('2468') } : p)) }));
    const core = await openCore(writePack(), dir);
    const lt = await own(core, 'p-learner');
    const p = await core.getProgress({ token: lt, profileId: 'p-learner' });
    expect(p.completed.map((c) => c.stepId)).toEqual(['read-refunds', 'task-login']);
    // The v1 hash differs from the fixture article's: the learner is asked to re-read.
    expect(p.tracks[0].phases[0].steps[0]).toMatchObject({ done: true, needsReread: true });
    await core.requestSignoff({ token: lt, profileId: 'p-learner', trackId: TRACK, stepId: 'signoff-day1' });
    await expect(core.openEditSession({ profileId: 'p-trainer', passphrase: '2468' })).rejects.toMatchObject({ key: 'mustSetPassphrase' });
    await core.setPassphrase({ profileId: 'p-trainer', current: '2468', passphrase: 'a real passphrase' });
    const { token: tt } = await core.openEditSession({ profileId: 'p-trainer', passphrase: 'a real passphrase' });
    expect((await core.getDashboard({ token: tt })).rows.find((r) => r.profileId === 'p-learner')!.pendingSignoffs).toHaveLength(1);
  });
});
