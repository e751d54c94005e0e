import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../../electron/core/index.js';
import { RECORDS_BRANCH } from '../../../../electron/core/team/records.js';
import { git } from '../../../support/gitServer.js';
import { useTeamFixture } from './teamFixture.js';

/**
 * Records between PCs while the app runs: this PC's writes go to the server a moment later (never
 * blocking the write), and a sync's incoming files show in the other PC's views at once.
 */
const fx = useTeamFixture((f) => f.seedContractPack());

async function pc(name: string, delayMs: number) {
  const { core, ...dirs } = await fx.joinedPc({ name, teamRecordsPushDelayMs: delayMs });
  const { token } = await fx.trainerSession(core, `T-${name}`);
  const deviceId = fs.readFileSync(path.join(dirs.dataDir, 'device-id'), 'utf8').trim();
  return { ...dirs, core, token, deviceId };
}

const onServer = (rel: string) => {
  try { return git(fx.server.repoDir('real'), 'show', `${RECORDS_BRANCH}:${rel}`); } catch { return null; }
};
async function until(what: () => boolean, ms = 15_000) {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) if (what()) return;
  throw new Error('timed out');
}
/** The steps B's database holds for a learner (the union of every device's file it has). */
async function stepsOn(p: { core: Core; token: string }, profileId: string) {
  const data = JSON.parse((await p.core.backupDatabase({ token: p.token })).content);
  return data.completions.filter((c: { profileId: string }) => c.profileId === profileId).map((c: { stepId: string }) => c.stepId).sort();
}

describe('records across PCs, live', () => {
  it('a write is pushed a moment later; the other PC sees it after its next sync, without a restart', async () => {
    const a = await pc('a', 300);
    const b = await pc('b', 300);
    const learner = await a.core.createProfile({ name: '小王', roleId: 'customer-service' });
    const lt = (await a.core.openProfileSession({ profileId: learner.id })).token;
    const file = `records/${learner.id}/${a.deviceId}.json`;
    await a.core.completeStep({ token: lt, profileId: learner.id, trackId: 'customer-service', stepId: 'task-login' });
    // Acknowledged before any push: the file is here, not yet on the server.
    expect(onServer(file)).toBeNull();
    await until(() => (onServer(file) ?? '').includes('task-login'));
    expect(await stepsOn(b, learner.id)).toEqual([]);
    expect((await b.core.syncTeam({})).records.pulled).toBeGreaterThanOrEqual(1);
    expect(await stepsOn(b, learner.id)).toEqual(['task-login']);
    // A changed file is read again.
    await a.core.completeStep({ token: lt, profileId: learner.id, trackId: 'customer-service', stepId: 'read-refunds' });
    await until(() => (onServer(file) ?? '').includes('read-refunds'));
    await b.core.syncTeam({});
    expect(await stepsOn(b, learner.id)).toEqual(['read-refunds', 'task-login']);
  });

  it('a push that fails waits (the write still lands) and goes with the next sync; closing the app sends what waits', async () => {
    const a = await pc('a', 200);
    const learner = await a.core.createProfile({ name: '小李', roleId: 'customer-service' });
    const lt = (await a.core.openProfileSession({ profileId: learner.id })).token;
    const file = `records/${learner.id}/${a.deviceId}.json`;
    await fx.server.down();
    const done = await a.core.completeStep({ token: lt, profileId: learner.id, trackId: 'customer-service', stepId: 'task-login' });
    expect(JSON.stringify(done)).toContain('task-login');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await a.core.getTeamStatus({})).toMatchObject({ recordsPending: true });
    await fx.server.up();
    await a.core.syncTeam({});
    expect(onServer(file)).toContain('task-login');
    expect(await a.core.getTeamStatus({})).toMatchObject({ recordsPending: false });
    // A long delay: only the flush on close can have sent this one.
    const slow = await pc('slow', 60_000);
    const other = await slow.core.createProfile({ name: '小赵', roleId: 'customer-service' });
    const ot = (await slow.core.openProfileSession({ profileId: other.id })).token;
    await slow.core.completeStep({ token: ot, profileId: other.id, trackId: 'customer-service', stepId: 'task-login' });
    await slow.core.close();
    expect(onServer(`records/${other.id}/${slow.deviceId}.json`)).toContain('task-login');
  });
});
