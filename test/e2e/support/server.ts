import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface ServeHandle { url: string; origin: string; token: string; dataDir: string; contentDir: string; stop(): Promise<void> }

const BIN = path.resolve('bin/handbook.js');

/** Starts the real `handbook serve` (built) on a free port with a fresh data folder. */
/** `contentDir: null` starts without --content, so the folder can be chosen in Settings. */
export async function startServe(opts: { contentDir?: string | null; dataDir?: string } = {}): Promise<ServeHandle> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'hb-e2e-data-'));
  const contentDir = opts.contentDir === null ? path.resolve('content') : (opts.contentDir ?? path.resolve('content'));
  const contentArgs = opts.contentDir === null ? [] : ['--content', contentDir];
  const token = 'e2e-token-' + Math.random().toString(36).slice(2, 12).padEnd(10, 'x');
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--token', token, '--data', dataDir, ...contentArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('serve did not start: ' + out)), 30_000);
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.stderr!.on('data', (d) => { out += d; });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`serve exited ${code}: ${out}`)); });
  });
  return {
    url, token, dataDir, contentDir, origin: new URL(url).origin,
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}
