import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RECORDS_BRANCH } from '../../../electron/core/team/records.js';
import { git } from '../../support/gitServer.js';
import { contractPackTeam, LEARNER, TRAINER } from '../core/team/teamFixture.js';
import { PASS, step } from './shareFixture.js';

/**
 * The attacker holds git credentials that may push the records branch (every member's do) and
 * writes whatever commits it likes there with plain git: what can it make another PC's trainer
 * dashboard say?
 */
let team: Awaited<ReturnType<typeof contractPackTeam>>;
beforeEach(async () => { team = await contractPackTeam(); });
afterEach(async () => { await team.dispose(); });
const pc = (name: string, credentials = TRAINER) => team.pc(name, credentials);

/** A commit on the records branch made with plain git, with the message and date the attacker chooses. */
function attackerCommit(files: Record<string, string>, message: string, date: string) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-attacker-'));
  const bare = team.fx.server.repoDir('real');
  git(work, 'init', '-q', '-b', RECORDS_BRANCH);
  git(work, 'fetch', '-q', bare, RECORDS_BRANCH);
  git(work, 'reset', '-q', '--hard', 'FETCH_HEAD');
  for (const [rel, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(work, rel)), { recursive: true });
    fs.writeFileSync(path.join(work, rel), body);
  }
  git(work, 'add', '-A');
  execFileSync('git', ['commit', '-q', '--allow-empty', '-m', message], {
    cwd: work, env: { ...process.env, HOME: os.tmpdir(), GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'x', GIT_AUTHOR_EMAIL: 'x@x', GIT_COMMITTER_NAME: 'x', GIT_COMMITTER_EMAIL: 'x@x', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
  });
  git(work, 'push', '-q', bare, `HEAD:refs/heads/${RECORDS_BRANCH}`);
  fs.rmSync(work, { recursive: true, force: true });
}

describe('a hostile records branch and the trainer dashboard', () => {
  it('"last synced" of another PC cannot be faked by a commit message or a date in the future', async () => {
    const a = await pc('a', LEARNER);
    const b = await pc('b');
    const ming = await a.core.createProfile({ name: '小明', roleId: 'customer-service' });
    const mt = (await a.core.openProfileSession({ profileId: ming.id })).token;
    await a.core.completeStep({ token: mt, ...step(ming.id, 'task-login') });
    await a.core.syncTeam({});
    const trainer = await b.core.createProfile({ name: '李老师', roleId: 'customer-service', trainer: true, passphrase: PASS });
    const token = (await b.core.openEditSession({ profileId: trainer.id, passphrase: PASS })).token;
    await b.core.syncTeam({});
    const honest = (await b.core.getDashboard({ token })).rows[0].devices![0].lastSyncedAt!;

    // PC a is switched off. The attacker says it synced just now (a commit of its own named for a),
    // and in 2099 (a commit touching a file of its own, dated in the future).
    attackerCommit({ 'records/x-1/evil-pc.json': '{"profileId":"x-1"}' }, `Records from ${a.deviceId}\n`, '2099-01-01T00:00:00Z');
    attackerCommit({ 'records/x-1/evil-pc.json': '{"profileId":"x-1","v":2}' }, `Records from ${a.deviceId}\n`, new Date().toISOString());
    await b.core.syncTeam({});
    const row = (await b.core.getDashboard({ token })).rows.find((r) => r.profileId === ming.id)!;
    expect(row.devices!.map((d) => d.lastSyncedAt)).toEqual([honest]);
  }, 60_000);
});
