import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../../electron/core/store/store';

let script: string;
beforeAll(async () => {
  script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hb-crash-bin-')), 'crash-writer.mjs');
  await build({ entryPoints: ['test/fixtures/processes/crash-writer.ts'], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: script, logLevel: 'error' });
  // Resolve lowdb & co. from the project, wherever the bundle sits.
  fs.symlinkSync(path.resolve('node_modules'), path.join(path.dirname(script), 'node_modules'));
});

/** Runs the writer until it has acknowledged some writes, then kills it without warning. */
function runAndKill(dir: string, start: number, killAfterMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, dir, String(start)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: string[] = [];
    let buf = '';
    let err = '';
    let timer: NodeJS.Timeout | null = null;
    child.stdout.on('data', (d) => {
      buf += d;
      const lines = buf.split('\n');
      buf = lines.pop()!;
      for (const l of lines) if (l.startsWith('ack ')) acked.push(l.slice(4));
      timer ??= setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`writer exited ${code}: ${err}`));
    });
  });
}

describe('crash safety', () => {
  it('after SIGKILL at random moments, every file parses and holds every acknowledged write (shared and learner files)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-crash-'));
    const acknowledged: string[] = [];
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 20; round++) {
      acknowledged.push(...(await runAndKill(dir, round * 100_000, 5 + Math.floor(random() * 120))));
      const store = await openStore(dir);
      try {
        expect(store.recovery, `round ${round}`).toBeNull();
        const held = new Set(store.shared.profiles.map((p) => `profile ${p.id}`));
        for (const owner of store.recordOwners()) for (const c of store.records(owner).completions) held.add(`record ${owner}/${c.stepId}`);
        const lost = acknowledged.filter((id) => !held.has(id));
        expect(lost, `round ${round}`).toEqual([]);
      } finally {
        await store.close();
      }
    }
    expect(acknowledged.filter((a) => a.startsWith('profile ')).length).toBeGreaterThan(20);
    expect(acknowledged.filter((a) => a.startsWith('record ')).length).toBeGreaterThan(20);
  }, 120_000);
});
