import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/index';

/** The real command, built, as outside tools run it. */
const run = (...args: string[]) => spawnSync(process.execPath, ['bin/handbook.js', ...args], { encoding: 'utf8', timeout: 30_000 });
const PASS = 'trainer passphrase 1';

describe('handbook ack report', () => {
  it('prints who has not confirmed, as JSON, CSV or the chat reminder; exit 1 while some are overdue', async () => {
    const content = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-cli-ack-pack-'));
    fs.cpSync(path.resolve('test/fixtures/contract-pack'), content, { recursive: true });
    const data = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-cli-ack-data-'));
    const core = await createCore({ contentDir: content, dataDir: data });
    const t = await core.createProfile({ name: '李老师', roleId: 'customer-service', trainer: true, passphrase: PASS, startDate: '2025-01-01' });
    const token = (await core.openEditSession({ profileId: t.id, passphrase: PASS })).token;
    const a = await core.createProfile({ name: '小王', roleId: 'customer-service', startDate: '2025-01-01' });
    const base = (await core.getAcknowledgementPolicy({ token, articleId: 'cs/refunds' })).hash;
    const set = await core.setAcknowledgementPolicy({ token, articleId: 'cs/refunds', baseHash: base, policy: { roles: 'all', due: '2025-02-01' }, material: false });
    const at = (await core.openProfileSession({ profileId: a.id })).token;
    await core.confirmAcknowledgement({ token: at, profileId: a.id, articleId: 'cs/refunds', version: 1, contentHash: set.hash });
    await core.close();

    const json = run('ack', 'report', '--json', '--content', content, '--data', data);
    expect(json.status).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report.overdue).toBe(1);
    expect(report.articles[0].people.map((p: any) => [p.name, p.state, p.overdue])).toEqual([['李老师', 'pending', true], ['小王', 'confirmed', false]]);
    const text = run('ack', 'report', '--content', content, '--data', data);
    expect(text.stdout).toContain('《退款流程》（第 1 版，截止 2025-02-01）：李老师（已逾期）');
    const csv = run('ack', 'report', '--csv', '--content', content, '--data', data);
    expect(csv.stdout.startsWith('\uFEFF制度,')).toBe(true);
    const bad = run('ack', 'frobnicate');
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  }, 60_000);
});
