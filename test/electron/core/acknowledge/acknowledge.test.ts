import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/index';
import { confirmationsOf } from '../../../../electron/core/acknowledge/confirmations';
import { localToday } from '../../../../electron/core/onboarding/dates';

const PACK = path.resolve('test/fixtures/contract-pack');
const PASS = 'trainer passphrase 1';
const tmp = (p: string) => fs.mkdtempSync(path.join(os.tmpdir(), p));
const open: Core[] = [];
/** The contract pack plus a second role, so a policy can leave someone out. */
function copyPack() {
  const dir = tmp('hb-ack-pack-');
  fs.cpSync(PACK, dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'roles/operations.md'), '---\ntitle: 运营\n---\n# 运营\n');
  return dir;
}
afterEach(async () => { for (const c of open.splice(0)) await c.close(); });

async function world(dataDir = tmp('hb-ack-data-'), contentDir?: string) {
  const content = contentDir ?? copyPack();
  const core = await createCore({ contentDir: content, dataDir });
  open.push(core);
  return { core, dataDir, content };
}

async function people(core: Core) {
  const t = await core.createProfile({ name: '李老师', roleId: 'customer-service', trainer: true, passphrase: PASS, startDate: '2025-06-01' });
  const tt = (await core.openEditSession({ profileId: t.id, passphrase: PASS })).token;
  const a = await core.createProfile({ name: '小王', roleId: 'customer-service', startDate: '2026-01-05' });
  const b = await core.createProfile({ name: '小张', roleId: 'operations', startDate: '2026-01-05' });
  const at = (await core.openProfileSession({ profileId: a.id })).token;
  const bt = (await core.openProfileSession({ profileId: b.id })).token;
  return { t, tt, a, at, b, bt };
}

const hashOf = async (core: Core, id: string) => (await core.getArticle({ id })).hash;

describe('阅读确认 (acknowledgement of policies)', () => {
  it('a trainer marks a policy, the people in its roles confirm, a material change re-queues them and a typo fix does not', async () => {
    const { core, content } = await world();
    const { tt, a, at, b, bt } = await people(core);
    const base = (await core.getAcknowledgementPolicy({ token: tt, articleId: 'cs/refunds' })).hash;
    const set = await core.setAcknowledgementPolicy({ token: tt, articleId: 'cs/refunds', baseHash: base, policy: { roles: ['customer-service'], due: '2099-01-31' }, material: false });
    expect(set.policy).toEqual({ roles: ['customer-service'], due: '2099-01-31', version: 1, since: localToday() });
    // It lives in the article's front matter: it travels with the content.
    expect(fs.readFileSync(path.join(content, 'articles/cs/refunds.md'), 'utf8')).toContain('acknowledge:\n  roles: [customer-service]\n  due: 2099-01-31\n  version: 1\n');

    const pending = await core.listMyAcknowledgements({ token: at, profileId: a.id });
    expect(pending.pending).toEqual([{ articleId: 'cs/refunds', title: '退款流程', version: 1, due: '2099-01-31', overdue: false, confirmedVersion: null }]);
    // Another role is not asked.
    expect((await core.listMyAcknowledgements({ token: bt, profileId: b.id })).pending).toEqual([]);

    // Confirming what was shown: a stale version or text is refused, nothing recorded.
    await expect(core.confirmAcknowledgement({ token: at, profileId: a.id, articleId: 'cs/refunds', version: 1, contentHash: 'old-hash' })).rejects.toMatchObject({ code: 'conflict', key: 'ackChanged' });
    await expect(core.confirmAcknowledgement({ token: at, profileId: a.id, articleId: 'cs/refunds', version: 2, contentHash: set.hash })).rejects.toMatchObject({ code: 'conflict' });
    const done = await core.confirmAcknowledgement({ token: at, profileId: a.id, articleId: 'cs/refunds', version: 1, contentHash: set.hash });
    expect(done.pending).toEqual([]);
    expect(done.confirmed).toMatchObject([{ articleId: 'cs/refunds', version: 1 }]);
    // Twice is once.
    await core.confirmAcknowledgement({ token: at, profileId: a.id, articleId: 'cs/refunds', version: 1, contentHash: set.hash });
    // Not asked of this person: refused.
    await expect(core.confirmAcknowledgement({ token: bt, profileId: b.id, articleId: 'cs/refunds', version: 1, contentHash: set.hash })).rejects.toMatchObject({ code: 'not_found', key: 'ackNotRequired' });

    // A typo fix through the editor: the version stays, the confirmation still counts.
    const src = await core.getArticleSource({ token: tt, id: 'cs/refunds' });
    const typo = await core.saveArticle({ token: tt, id: 'cs/refunds', baseHash: src.hash, fields: {}, body: src.body.replace('先核实', '首先核实') });
    expect((await core.listMyAcknowledgements({ token: at, profileId: a.id })).pending).toEqual([]);
    let report = await core.getAcknowledgementReport({ token: tt });
    expect(report.articles[0]).toMatchObject({ articleId: 'cs/refunds', confirmed: 1, total: 2, overdue: 0 });
    expect(report.articles[0].people.map((p) => [p.name, p.state, p.confirmedVersion, p.contentHash])).toEqual([['李老师', 'pending', null, null], ['小王', 'confirmed', 1, set.hash]]);

    // A material change: version 2, everyone confirms again; the earlier confirmation is shown as such.
    const material = await core.setAcknowledgementPolicy({ token: tt, articleId: 'cs/refunds', baseHash: typo.hash, policy: { roles: ['customer-service'], due: '2099-02-28' }, material: true });
    expect(material.policy?.version).toBe(2);
    expect((await core.listMyAcknowledgements({ token: at, profileId: a.id })).pending).toMatchObject([{ version: 2, confirmedVersion: 1, due: '2099-02-28' }]);
    report = await core.getAcknowledgementReport({ token: tt });
    expect(report.articles[0].people.find((p) => p.name === '小王')).toMatchObject({ state: 'outdated', confirmedVersion: 1 });
    expect(report.reminder).toContain('《退款流程》（第 2 版，截止 2099-02-28）：李老师、小王');

    // Changing only the due date is not material either.
    const later = await core.setAcknowledgementPolicy({ token: tt, articleId: 'cs/refunds', baseHash: material.hash, policy: { roles: ['customer-service'], due: '2099-03-31' }, material: false });
    expect(later.policy?.version).toBe(2);
    await core.confirmAcknowledgement({ token: at, profileId: a.id, articleId: 'cs/refunds', version: 2, contentHash: later.hash });
    expect((await core.getAcknowledgementReport({ token: tt })).articles[0].people.find((p) => p.name === '小王')).toMatchObject({ state: 'confirmed', confirmedVersion: 2 });

    // Removing the policy removes it from everyone's list.
    await core.setAcknowledgementPolicy({ token: tt, articleId: 'cs/refunds', baseHash: later.hash, policy: null, material: false });
    expect((await core.listMyAcknowledgements({ token: at, profileId: a.id })).pending).toEqual([]);
    expect(fs.readFileSync(path.join(content, 'articles/cs/refunds.md'), 'utf8')).not.toContain('acknowledge');
  });

  it('counts overdue confirmations, gives late starters a grace week, writes the reminder and a CSV', async () => {
    const { core } = await world();
    const { tt } = await people(core);
    const late = await core.createProfile({ name: '新人', roleId: 'operations', startDate: '2099-05-01' });
    const base = (await core.getAcknowledgementPolicy({ token: tt, articleId: 'cs/presales' })).hash;
    await core.setAcknowledgementPolicy({ token: tt, articleId: 'cs/presales', baseHash: base, policy: { roles: 'all', due: '2026-01-10' }, material: false });
    const report = await core.getAcknowledgementReport({ token: tt });
    const [presales] = report.articles;
    expect(presales.people.map((p) => [p.name, p.due, p.overdue])).toEqual([['李老师', '2026-01-10', true], ['小王', '2026-01-12', true], ['小张', '2026-01-12', true], ['新人', '2099-05-08', false]]);
    expect(report.overdue).toBe(3);
    expect(presales.people.find((p) => p.profileId === late.id)?.state).toBe('pending');
    const csv = await core.exportAcknowledgements({ token: tt });
    expect(csv.content.startsWith('\uFEFF制度,文章,当前版本')).toBe(true);
    expect(csv.content.split('\r\n').filter(Boolean)).toHaveLength(5);
    expect(csv.content).toContain('售前回复,cs/presales,1,2026-01-12,小王,customer-service,未确认,,,,是');
  });

  it('overdue confirmations make a learner behind in the core: dashboard rows, the CSV, and a cold start from the records index agree', async () => {
    // Operations gets a track whose only step is due in a year: 小张 can be behind by a confirmation alone.
    const pack = copyPack();
    fs.writeFileSync(path.join(pack, 'tracks/operations.yaml'), 'title: 运营入职\ntitle_en: Operations onboarding\nroleId: operations\nphases:\n  - id: year1\n    title: 第一年\n    title_en: Year 1\n    dueDay: 2000\n    steps:\n      - id: read-presales\n        type: read\n        article: cs/presales\n');
    const { core, dataDir, content } = await world(undefined, pack);
    const { tt, a, b, bt } = await people(core);
    const base = (await core.getAcknowledgementPolicy({ token: tt, articleId: 'cs/presales' })).hash;
    const set = await core.setAcknowledgementPolicy({ token: tt, articleId: 'cs/presales', baseHash: base, policy: { roles: 'all', due: '2026-01-10' }, material: false });
    let d = await core.getDashboard({ token: tt });
    let row = d.rows.find((r) => r.profileId === b.id)!;
    expect(row.overdue).toEqual([]);
    expect(row.overdueConfirmations).toEqual([{ articleId: 'cs/presales', title: '售前回复', version: 1, due: '2026-01-12' }]);
    expect(row.behind).toBe(true);
    // 小王 is behind on steps and the confirmation, 小张 on the confirmation: two people.
    expect(d.rows.find((r) => r.profileId === a.id)).toMatchObject({ behind: true, overdueConfirmations: [{ articleId: 'cs/presales' }] });
    expect(d.behind).toBe(2);
    // The CSV lists it once per learner, as a confirmation overdue on the learner's own due day.
    const csv = (await core.exportProgress({ token: tt, format: 'csv', language: 'en' })).content;
    expect(csv.split('\r\n').filter((l) => l.startsWith('小张') && l.includes('Policy confirmation'))).toEqual(['小张,运营,2026-01-05,,,,2026-01-12,售前回复,Policy confirmation,yes,Overdue,,,,,']);

    // Confirming takes the learner off; a material change puts them back (the due day has passed).
    await core.confirmAcknowledgement({ token: bt, profileId: b.id, articleId: 'cs/presales', version: 1, contentHash: set.hash });
    d = await core.getDashboard({ token: tt });
    expect(d.rows.find((r) => r.profileId === b.id)).toMatchObject({ overdueConfirmations: [], behind: false });
    expect(d.behind).toBe(1);
    expect((await core.exportProgress({ token: tt, format: 'csv', language: 'en' })).content).not.toMatch(/^小张.*Policy confirmation/m);
    await core.setAcknowledgementPolicy({ token: tt, articleId: 'cs/presales', baseHash: set.hash, policy: { roles: 'all', due: '2026-01-10' }, material: true });
    d = await core.getDashboard({ token: tt });
    expect(d.rows.find((r) => r.profileId === b.id)).toMatchObject({ behind: true, overdueConfirmations: [{ articleId: 'cs/presales', version: 2 }] });
    expect(d.behind).toBe(2);
    // The acknowledgement report says the same of the same person.
    const report = await core.getAcknowledgementReport({ token: tt });
    expect(report.articles[0].people.find((p) => p.profileId === b.id)).toMatchObject({ overdue: true, state: 'outdated' });

    // A cold start reads the learners' digests from the records index, not their files: the same dashboard.
    await core.close();
    open.splice(open.indexOf(core), 1);
    const again = (await world(dataDir, content)).core;
    const t2 = (await again.openEditSession({ profileId: (await again.listProfiles({})).find((p) => p.trainer)!.id, passphrase: PASS })).token;
    expect(await again.getDashboard({ token: t2 })).toEqual(d);
  });

  it('a trainer cannot confirm for someone; a learner cannot set a policy; confirmations survive a restart (real files)', async () => {
    const { core, dataDir, content } = await world();
    const { tt, a, at } = await people(core);
    const base = (await core.getAcknowledgementPolicy({ token: tt, articleId: 'cs/refunds' })).hash;
    await expect(core.setAcknowledgementPolicy({ token: at, articleId: 'cs/refunds', baseHash: base, policy: { roles: 'all', due: '2099-01-01' }, material: false })).rejects.toMatchObject({ code: 'forbidden' });
    const set = await core.setAcknowledgementPolicy({ token: tt, articleId: 'cs/refunds', baseHash: base, policy: { roles: 'all', due: '2099-01-01' }, material: false });
    await expect(core.confirmAcknowledgement({ token: tt, profileId: a.id, articleId: 'cs/refunds', version: 1, contentHash: set.hash })).rejects.toMatchObject({ code: 'forbidden' });
    await core.confirmAcknowledgement({ token: at, profileId: a.id, articleId: 'cs/refunds', version: 1, contentHash: await hashOf(core, 'cs/refunds') });
    await core.close();
    open.splice(open.indexOf(core), 1);
    const again = (await world(dataDir, content)).core;
    const token = (await again.openProfileSession({ profileId: a.id })).token;
    expect((await again.listMyAcknowledgements({ token, profileId: a.id })).confirmed).toMatchObject([{ articleId: 'cs/refunds', version: 1 }]);
    // The pure function recognition counts with.
    const records = JSON.parse(fs.readFileSync(path.join(dataDir, 'records', a.id, fs.readdirSync(path.join(dataDir, 'records', a.id))[0]), 'utf8'));
    expect(confirmationsOf(again.pack(), records)).toMatchObject([{ articleId: 'cs/refunds', version: 1, current: true }]);
  });

  it('reports a malformed policy as a problem of the article and asks nobody', async () => {
    const content = copyPack();
    const file = path.join(content, 'articles/cs/presales.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('review_every: 1y\n', 'review_every: 1y\nacknowledge:\n  roles: everyone\n  due: soon\n'));
    const { core } = await world(undefined, content);
    const problems = await core.listProblems({});
    expect(problems.filter((p) => p.path === 'articles/cs/presales.md').map((p) => p.message)).toEqual([
      'acknowledge.roles should be "all" or a list of role ids', 'acknowledge.due should be a date like 2026-01-31, got "soon"',
    ]);
    const { tt } = await people(core);
    expect((await core.getAcknowledgementReport({ token: tt })).articles).toEqual([]);
  });
});
