import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../../electron/cli/main';
import { closeAll, openCore, people, tempDir, TRACK, writePack } from './fixture';

afterEach(async () => {
  vi.restoreAllMocks();
  await closeAll();
});

async function seeded() {
  const content = writePack();
  const data = tempDir();
  const core = await openCore(content, data);
  const { learner, lt } = await people(core);
  await core.completeStep({ token: lt, profileId: learner.id, trackId: TRACK, stepId: 'task-login' });
  await core.close(); // the command takes the data folder's one-writer lock
  return { content, data };
}

describe('handbook progress export', () => {
  it('writes CSV with a BOM to a file', async () => {
    const { content, data } = await seeded();
    const out = path.join(tempDir(), 'p.csv');
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await runCli(['progress', 'export', '--content', content, '--data', data, '--out', out])).toBe(0);
    const bytes = fs.readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('王小明');
  });

  it('writes JSON to stdout', async () => {
    const { content, data } = await seeded();
    let written = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: any) => ((written += String(chunk)), true));
    expect(await runCli(['progress', 'export', '--format', 'json', '--content', content, '--data', data])).toBe(0);
    expect(JSON.parse(written)).toMatchObject({ format: 'handbook-progress', completions: [{ stepId: 'task-login' }] });
  });

  it('explains bad usage with exit code 2', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await runCli(['progress', 'export', '--format', 'xls'])).toBe(2);
    expect(await runCli(['progress', 'import'])).toBe(2);
    expect(err.mock.calls.map((c) => c[0]).join('\n')).toMatch(/--format must be csv or json[\s\S]*unknown subcommand/);
  });
});
