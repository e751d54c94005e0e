import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { credentialsFile } from '../../../electron/core/team/credentials.js';
import { git } from '../../support/gitServer.js';
import { LEARNER, listFiles, read, useTeamFixture, TRAINER, write } from '../core/team/teamFixture.js';

/**
 * The built `handbook team` command, as outside tools run it, against a real git server. Async
 * spawn: the server lives in this process and must keep answering while the command runs.
 */
function run(args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/handbook.js', 'team', ...args], {
      env: { ...process.env, HANDBOOK_GIT_USERNAME: '', HANDBOOK_GIT_PASSWORD: '', LANG: 'C', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
const asTrainer = { HANDBOOK_GIT_USERNAME: TRAINER.username, HANDBOOK_GIT_PASSWORD: TRAINER.password };

const fx = useTeamFixture();

const oneLine = (s: string) => {
  expect(s.trim().split('\n')).toHaveLength(1);
  expect(s).not.toMatch(/\bat .*\.js:\d+/);
};

describe('handbook team', { timeout: 60_000 }, () => {
  it('joins with credentials from the environment, stores them 0600 in the data folder, and syncs with exit 0', async () => {
    const pc = fx.pc();
    const j = await run(['join', fx.url, '--content', pc.contentDir, '--data', pc.dataDir, '--name', 'Wang', '--email', 'wang@example.test'], asTrainer);
    expect(j.stderr).toBe('');
    expect(j.status).toBe(0);
    expect(read(pc.contentDir, 'handbook.yaml')).toContain('team-test');
    expect(fs.statSync(credentialsFile(pc.dataDir)).mode & 0o777).toBe(0o600);
    // Later runs need no environment: join stored the credentials; --content defaults to the joined folder.
    fx.seed.commit({ 'articles/shipping.md': 'new\n' }, 'Update');
    write(pc.contentDir, 'articles/refunds.md', 'edited\n');
    const s = await run(['sync', '--data', pc.dataDir, '--json']);
    expect(s.status).toBe(0);
    const out = JSON.parse(s.stdout);
    expect(out.content).toMatchObject({ outcome: 'merged', pushed: true, pulled: ['articles/shipping.md'] });
    expect(out.records).toMatchObject({ pushed: 0 });
    expect(git(fx.server.repoDir('pack'), 'log', '-1', '--format=%an', 'main~1').trim()).toBe('Wang');
    const st = await run(['status', '--data', pc.dataDir, '--json']);
    expect(JSON.parse(st.stdout)).toMatchObject({ joined: true, state: 'up_to_date' });
    for (const f of listFiles(pc.contentDir)) expect(fs.readFileSync(path.join(pc.contentDir, f)).includes(TRAINER.password)).toBe(false);
    expect(s.stdout + st.stdout + j.stdout).not.toContain(TRAINER.password);
  });

  it('exits 1 when a conflict waits for a person, with nothing lost', async () => {
    const pc = fx.pc();
    await run(['join', fx.url, '--content', pc.contentDir, '--data', pc.dataDir], asTrainer);
    write(pc.contentDir, 'articles/refunds.md', 'MINE\n');
    fx.seed.commit({ 'articles/refunds.md': 'THEIRS\n' }, 'Theirs');
    const s = await run(['sync', '--content', pc.contentDir, '--data', pc.dataDir]);
    expect(s.status).toBe(1);
    expect(s.stdout).toMatch(/waiting for a person.*articles\/refunds\.md/);
    expect(read(pc.contentDir, 'articles/refunds.md')).toBe('MINE\n');
  });

  it('exits 3 with one line for a wrong password, an unreachable server and a refused publish', async () => {
    const bad = await run(['join', fx.url, '--content', fx.pc().contentDir, '--data', fx.pc().dataDir], { HANDBOOK_GIT_USERNAME: 'trainer', HANDBOOK_GIT_PASSWORD: 'wrong-pw' });
    expect(bad.status).toBe(3);
    oneLine(bad.stderr);
    expect(bad.stderr).toMatch(/^handbook team: .*user name or password/);
    expect(bad.stderr + bad.stdout).not.toContain('wrong-pw');

    const pc = fx.pc();
    await run(['join', fx.url, '--content', pc.contentDir, '--data', pc.dataDir], { HANDBOOK_GIT_USERNAME: LEARNER.username, HANDBOOK_GIT_PASSWORD: LEARNER.password });
    write(pc.contentDir, 'articles/refunds.md', 'learner edit\n');
    const refused = await run(['sync', '--data', pc.dataDir]);
    expect(refused.status).toBe(3);
    oneLine(refused.stderr);
    await fx.server.down();
    const down = await run(['sync', '--data', pc.dataDir]);
    expect(down.status).toBe(3);
    oneLine(down.stderr);
    expect(down.stderr).toMatch(/cannot be reached/);
    await fx.server.up();
  });

  it('exits 2 for bad usage: no subcommand, a URL with credentials, a folder that never joined', async () => {
    const none = await run([]);
    expect(none.status).toBe(2);
    oneLine(none.stderr);
    const inline = await run(['join', `http://u:p4ss@127.0.0.1:${fx.server.port}/pack`, '--content', fx.pc().contentDir, '--data', fx.pc().dataDir]);
    expect(inline.status).toBe(2);
    expect(inline.stderr).not.toContain('p4ss');
    const pc = fx.pc();
    const never = await run(['sync', '--content', pc.contentDir, '--data', pc.dataDir]);
    expect(never.status).toBe(2);
    oneLine(never.stderr);
    const password = await run(['join', fx.url, '--password', 'x']);
    expect(password.status).toBe(2);
  });
});
