import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/index.js';
import { joinShare } from '../../../../electron/core/team/share.js';

/**
 * A team without a git server: a second local folder stands in for the NAS / Windows share. Each
 * PC writes only its own records files there and reads everyone's; content is polled.
 */
const PACK = 'test/fixtures/contract-pack';
const PASS = 'team trainer 4321';
let tmp: string;
let share: string;
const cores: Core[] = [];

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-share-'));
  share = path.join(tmp, 'share');
  fs.cpSync(PACK, path.join(share, 'content'), { recursive: true });
});
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close().catch(() => {});
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function open(dataDir: string) {
  const core = await createCore({ contentDir: path.join(share, 'content'), dataDir, teamRecordsPushDelayMs: 200 });
  cores.push(core);
  return core;
}
async function until(what: () => boolean, ms = 10_000) {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (what()) return;
  throw new Error('timed out');
}
const done = (p: { tracks: { phases: { steps: { id: string; done: boolean }[] }[] }[] }) => p.tracks[0].phases.flatMap((ph) => ph.steps.filter((s) => s.done).map((s) => s.id)).sort();
const ref = (profileId: string, stepId: string) => ({ profileId, trackId: 'customer-service', stepId });

describe('team on a shared folder', () => {
  it('a trainer joins a folder from the app; records go both ways; a PC offline keeps writing and sends later; content is polled', async () => {
    // PC A: joined from the app by a trainer (the address is a folder path).
    const setup = path.join(tmp, 'setup-content');
    fs.cpSync(PACK, setup, { recursive: true });
    const aData = path.join(tmp, 'a');
    let a = await createCore({ contentDir: setup, dataDir: aData });
    const trainer = await a.createProfile({ name: '李老师', roleId: 'customer-service', trainer: true, passphrase: PASS });
    const token = (await a.openEditSession({ profileId: trainer.id, passphrase: PASS })).token;
    await expect(a.joinTeam({ token, url: path.join(tmp, 'nowhere'), name: 'x', email: 'x@x.x', username: '', password: '', contentDir: 'unused' })).rejects.toMatchObject({ key: 'team.reason.unreachable' });
    expect(await a.joinTeam({ token, url: share, name: '李老师', email: 'li@example.test', username: '', password: '', contentDir: 'unused' })).toEqual({ contentDir: path.join(share, 'content'), switched: false });
    await a.close();
    a = await open(aData);
    expect(await a.getTeamStatus({})).toMatchObject({ joined: true, mode: 'folder', url: share, state: 'up_to_date' });
    // PC B: a second PC of the same team.
    const bData = path.join(tmp, 'b');
    joinShare(bData, share);
    const b = await open(bData);

    const ming = await a.createProfile({ name: '小明', roleId: 'customer-service' });
    const ta = (await a.openProfileSession({ profileId: ming.id })).token;
    await a.completeStep({ token: ta, ...ref(ming.id, 'task-login') });
    const aDevice = fs.readFileSync(path.join(aData, 'device-id'), 'utf8').trim();
    const onShare = path.join(share, 'records', ming.id, `${aDevice}.json`);
    await until(() => fs.existsSync(onShare) && fs.readFileSync(onShare, 'utf8').includes('task-login'));
    await b.syncTeam({});
    expect((await b.listTeamRoster({})).profiles.map((p) => p.name).sort()).toEqual(['小明', '李老师']);
    await b.adoptTeamProfile({ profileId: ming.id });
    const tb = (await b.openProfileSession({ profileId: ming.id })).token;
    expect(done(await b.getProgress({ token: tb, profileId: ming.id }))).toEqual(['task-login']);
    // B only ever wrote its own files to the share.
    const bDevice = fs.readFileSync(path.join(bData, 'device-id'), 'utf8').trim();
    await b.completeStep({ token: tb, ...ref(ming.id, 'read-refunds') });
    await until(() => fs.existsSync(path.join(share, 'records', ming.id, `${bDevice}.json`)));
    expect(fs.readFileSync(onShare, 'utf8')).not.toContain('read-refunds');

    // The share goes away (PC A offline): writes still land here, and nothing is written where the share was.
    fs.renameSync(share, share + '-away');
    await a.uncompleteStep({ token: ta, ...ref(ming.id, 'task-login') });
    await new Promise((r) => setTimeout(r, 800));
    expect(fs.existsSync(share)).toBe(false);
    expect(await a.getTeamStatus({})).toMatchObject({ recordsPending: true });
    await expect(a.syncTeam({})).rejects.toMatchObject({ key: 'team.reason.unreachable' });
    expect(await a.getTeamStatus({})).toMatchObject({ state: 'failing', lastError: { reason: 'unreachable' } });
    expect(fs.existsSync(share)).toBe(false);
    fs.renameSync(share + '-away', share);
    await a.syncTeam({});
    expect(await a.getTeamStatus({})).toMatchObject({ state: 'up_to_date', recordsPending: false });
    await b.syncTeam({});
    // Union with newer facts winning: un-ticked on A (later) after it was ticked; B's own tick stays.
    expect(done(await b.getProgress({ token: tb, profileId: ming.id }))).toEqual(['read-refunds']);

    // Content on the share changes without any file event reaching B: the poll finds it.
    const rel = 'articles/cs/refunds.md';
    fs.appendFileSync(path.join(share, 'content', rel), '\n\n新增：运费险由保险公司赔付。\n');
    const r = await b.syncTeam({});
    expect(r).toMatchObject({ outcome: 'updated', pulled: 1 });
    expect((await b.getArticle({ id: 'cs/refunds' })).html).toContain('运费险');
  });
});
