import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/index.js';
import { joinTeam } from '../../../../electron/core/team/join.js';
import { seedRepo } from '../../../support/gitServer.js';
import { LEARNER, listFiles, teamFixture, TRAINER } from './teamFixture.js';

/** The trainer's dashboard and CSV on any PC cover the whole team, with when each PC last synced. */
type Fx = Awaited<ReturnType<typeof teamFixture>>;
let fx: Fx;
const cores: Core[] = [];
const PACK = 'test/fixtures/contract-pack';
const packFiles = () => Object.fromEntries(listFiles(PACK).map((f) => [f, fs.readFileSync(path.join(PACK, f), 'utf8')]));
const PASS = 'team trainer 4321';

beforeEach(async () => { fx = await teamFixture(); seedRepo(fx.server, 'real', packFiles()); });
afterEach(async () => { for (const c of cores.splice(0)) await c.close().catch(() => {}); await fx.dispose(); });

async function pc(name: string, credentials = TRAINER) {
  const dirs = fx.pc(name);
  await joinTeam({ url: fx.server.url('real'), ...dirs, author: { name, email: `${name}@example.test` }, credentials });
  const core = await createCore({ contentDir: dirs.contentDir, dataDir: dirs.dataDir, teamRecordsPushDelayMs: 60_000 });
  cores.push(core);
  return { ...dirs, core };
}

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
