import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../../electron/core/store/migrations';
import { DB_FILE } from '../../../../electron/core/store/store';
import { parseBackup } from '../../../../electron/core/trust/restore';
import { closeAll, openCore, tempDir, TRACK, writePack } from '../onboarding/fixture';

const V3 = fs.readFileSync(path.resolve('test/fixtures/db/v3-trainer-pins.json'), 'utf8');
afterEach(closeAll);

/** Schema 3 → 4: trainers' 4-digit PINs cannot become passphrases; sign-offs from before have no signature. */
describe('schema 3 → 4 (trust)', () => {
  it('keeps every row; trainers must set a passphrase; learners keep their PIN', () => {
    const v3 = JSON.parse(V3);
    const data = migrate(structuredClone(v3));
    expect(data.schemaVersion).toBe(4);
    expect(data.completions).toEqual(v3.completions);
    expect(data.failedSearches).toEqual(v3.failedSearches);
    expect(data.profiles).toMatchObject(v3.profiles);
    expect(data.profiles.find((p) => p.id === 'p-trainer')).toMatchObject({ trainer: true, mustSetPassphrase: true, passphraseHash: null, publicKeys: [], sealedKey: null });
    expect(data.profiles.find((p) => p.id === 'p-pin-learner')).toMatchObject({ pinHash: v3.profiles[1].pinHash, publicKeys: [] });
    expect(data.profiles.find((p) => p.id === 'p-pin-learner')!.mustSetPassphrase).toBeUndefined();
    // What the migration makes passes the same check a restore applies.
    expect(() => parseBackup(JSON.stringify(data))).not.toThrow();
  });

  it('a migrated trainer uses the old PIN once, to set a passphrase; the old sign-off shows unverified until signed again', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, DB_FILE), V3);
    const core = await openCore(writePack(), dir);
    expect((await core.listProfiles({})).find((p) => p.id === 'p-trainer')).toMatchObject({ mustSetPassphrase: true, hasPin: true });
    await expect(core.openEditSession({ profileId: 'p-trainer', passphrase: '2468' })).rejects.toMatchObject({ code: 'forbidden', key: 'mustSetPassphrase' });
    await expect(core.setPassphrase({ profileId: 'p-trainer', current: '1111', passphrase: 'a long new passphrase' })).rejects.toMatchObject({ code: 'unauthorized', key: 'wrongPin' });
    const after = await core.setPassphrase({ profileId: 'p-trainer', current: '2468', passphrase: 'a long new passphrase' });
    expect(after).toMatchObject({ trainer: true, hasPin: false });
    expect(after.mustSetPassphrase).toBeUndefined();
    // The PIN is spent: it sets nothing again.
    await expect(core.setPassphrase({ profileId: 'p-trainer', current: '2468', passphrase: 'another passphrase' })).rejects.toMatchObject({ code: 'unauthorized' });

    const lt = (await core.openProfileSession({ profileId: 'p-learner' })).token;
    let step = (await core.getProgress({ token: lt, profileId: 'p-learner' })).tracks[0].phases[0].steps[3];
    expect(step).toMatchObject({ done: false, unverified: { claimedBy: '李老师', at: '2026-03-02T05:00:00.000Z' } });

    const tt = (await core.openEditSession({ profileId: 'p-trainer', passphrase: 'a long new passphrase' })).token;
    step = (await core.signOff({ token: tt, profileId: 'p-learner', trackId: TRACK, stepId: 'signoff-day1' })).tracks[0].phases[0].steps[3];
    expect(step).toMatchObject({ done: true, unverified: null, signedBy: { id: 'p-trainer' } });

    // A learner's PIN still guards their own session.
    await expect(core.openProfileSession({ profileId: 'p-pin-learner' })).rejects.toMatchObject({ code: 'unauthorized', key: 'pinRequired' });
    await expect(core.openProfileSession({ profileId: 'p-pin-learner', pin: '2468' })).resolves.toMatchObject({ trainer: false });
  });

  it('changing a passphrase keeps the key: earlier sign-offs still verify, old sessions end', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, DB_FILE), V3);
    const core = await openCore(writePack(), dir);
    await core.setPassphrase({ profileId: 'p-trainer', current: '2468', passphrase: 'first passphrase' });
    const tt = (await core.openEditSession({ profileId: 'p-trainer', passphrase: 'first passphrase' })).token;
    await core.signOff({ token: tt, profileId: 'p-learner', trackId: TRACK, stepId: 'signoff-day1' });
    await core.setPassphrase({ profileId: 'p-trainer', current: 'first passphrase', passphrase: 'second passphrase' });
    await expect(core.getDashboard({ token: tt })).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(core.openEditSession({ profileId: 'p-trainer', passphrase: 'first passphrase' })).rejects.toMatchObject({ code: 'unauthorized' });
    const t2 = (await core.openEditSession({ profileId: 'p-trainer', passphrase: 'second passphrase' })).token;
    const row = (await core.getDashboard({ token: t2 })).rows.find((r) => r.profileId === 'p-learner')!;
    expect(row.unverifiedSignoffs).toEqual([]);
    expect((await core.getProgress({ token: t2, profileId: 'p-learner' })).tracks[0].phases[0].steps[3]).toMatchObject({ done: true });
  });
});
