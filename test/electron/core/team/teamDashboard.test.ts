import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { LEARNER, TRAINER, TRAINER_PASSPHRASE as PASS, useTeamFixture } from './teamFixture.js';

/** The trainer's dashboard and CSV on any PC cover the whole team, with when each PC last synced. */
const fx = useTeamFixture((f) => f.seedContractPack());

const pc = (name: string, credentials = TRAINER) => fx.joinedPc({ name, credentials, teamRecordsPushDelayMs: 60_000 });

describe('team dashboard', () => {
  it('shows learners of other PCs (not adopted here) with their progress and each PC\'s last sync; the CSV has them too', async () => {
    const a = await pc('a', LEARNER);
    const b = await pc('b');
    const ming = await a.core.createProfile({ name: '小明', roleId: 'customer-service' });
    const ta = (await a.core.openProfileSession({ profileId: ming.id })).token;
    await a.core.completeStep({ token: ta, profileId: ming.id, trackId: 'customer-service', stepId: 'task-login' });
    const before = new Date(Date.now() - 1000).toISOString();
    await a.core.syncTeam({});
    const trainer = await b.core.createProfile({ name: '李老师', roleId: 'customer-service', trainer: true, passphrase: PASS });
    const token = (await b.core.openEditSession({ profileId: trainer.id, passphrase: PASS })).token;
    expect((await b.core.getDashboard({ token })).rows.map((r) => r.name)).toEqual([]);
    await b.core.syncTeam({});
    const rows = (await b.core.getDashboard({ token })).rows;
    expect(rows.map((r) => r.name)).toEqual(['小明']);
    expect(rows[0]).toMatchObject({ profileId: ming.id, done: 1, devices: [{ name: os.hostname().slice(0, 100), lastSyncedAt: expect.any(String) }] });
    expect(rows[0].devices![0].lastSyncedAt! >= before.slice(0, 19)).toBe(true);
    const csv = await b.core.exportProgress({ token, format: 'csv', language: 'en' });
    expect(csv.content).toContain('小明');
    // Not a profile of this PC: nobody can open a session for it here until someone adopts it.
    expect((await b.core.listProfiles({})).map((p) => p.name)).toEqual(['李老师']);
  });
});
