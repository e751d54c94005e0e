import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * `npm start` against a fake `electron` package: the script is copied into a throw-away project
 * whose node_modules/electron resolves its binary the way the real package does (printing
 * "Downloading Electron binary..." first when it fetches), fails the way it fails offline, or hangs.
 * The "binary" is a small Node program that records how it was launched.
 */
function project(electronIndex: string, binary?: { exitCode?: number; mode?: number }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-start-'));
  fs.mkdirSync(path.join(dir, 'scripts'));
  fs.copyFileSync('scripts/start-electron.mjs', path.join(dir, 'scripts', 'start-electron.mjs'));
  const pkg = path.join(dir, 'node_modules', 'electron');
  fs.mkdirSync(pkg, { recursive: true });
  fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'electron', version: '45.5.0', main: 'index.js' }));
  const bin = path.join(dir, 'electron-bin');
  fs.writeFileSync(path.join(pkg, 'index.js'), electronIndex.replaceAll('BIN', JSON.stringify(bin)));
  if (binary) {
    fs.writeFileSync(bin, `#!${process.execPath}\nrequire('fs').writeFileSync(${JSON.stringify(path.join(dir, 'launched.json'))}, JSON.stringify({ argv: process.argv.slice(2), cwd: process.cwd() }));\nprocess.exit(${binary.exitCode ?? 0});\n`, { mode: binary.mode ?? 0o755 });
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-start-tmp-'));
  const run = (env: Record<string, string> = {}) => {
    const r = spawnSync(process.execPath, [path.join(dir, 'scripts', 'start-electron.mjs')], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, TMPDIR: tmp, ...env } });
    const launched = path.join(dir, 'launched.json');
    return { ...r, launched: fs.existsSync(launched) ? JSON.parse(fs.readFileSync(launched, 'utf8')) : null, log: () => fs.readFileSync(path.join(tmp, 'handbook-electron-start.log'), 'utf8') };
  };
  return { dir, run };
}

const STACK = /^\s+at /m;

/** Whether a process has ended (a zombie waiting for its parent counts as ended). */
async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 40; i++) {
    try {
      process.kill(pid, 0);
      if (/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'))) return true;
    } catch {
      return true;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}
const advice = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('Handbook could not start the desktop app'));

describe('npm start (scripts/start-electron.mjs)', () => {
  it('launches the binary on the project once the package has found it', () => {
    const p = project('module.exports = BIN;', {});
    const r = p.run();
    expect(r.status, r.stderr).toBe(0);
    expect(r.launched).toEqual({ argv: [p.dir], cwd: fs.realpathSync(p.dir) });
  });

  it('reads the path after "Downloading Electron binary..." on the first start, and says what is happening', () => {
    const p = project("console.log('Downloading Electron binary...'); console.log('progress 100%'); module.exports = BIN;", {});
    const r = p.run();
    expect(r.status, r.stderr).toBe(0);
    expect(r.launched.argv).toEqual([p.dir]);
    expect(r.stderr).toContain('Downloading Electron for the first start');
  });

  it('passes on the exit code of the app', () => {
    const r = project('module.exports = BIN;', { exitCode: 3 }).run();
    expect(r.status).toBe(3);
  });

  it('gives one paragraph of advice, not a stack trace, when the download fails', () => {
    const p = project(`console.log('Downloading Electron binary...');
      console.error(new Error('getaddrinfo ENOTFOUND github.com').stack);
      throw new Error('Electron failed to install correctly.');`);
    const r = p.run();
    expect(r.status).toBe(1);
    expect(r.launched).toBeNull();
    expect(advice(r.stderr)).toHaveLength(1);
    expect(advice(r.stderr)[0]).toMatch(/not installed and could not be downloaded\..*npm run serve.*npx install-electron/);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stdout).not.toMatch(STACK);
    expect(r.log()).toContain('ENOTFOUND github.com');
  });

  it('stops a hung lookup (and the download it started) after the time limit, without blaming the network', async () => {
    // Like the real package: the lookup runs the downloader as a child process and waits for it.
    const p = project(`console.log('Downloading Electron binary...');
      require('child_process').spawnSync(process.execPath, ['-e', "require('fs').writeFileSync(process.argv[1], String(process.pid)); setInterval(() => {}, 1000)", PIDFILE], { stdio: 'inherit' });`);
    const pidFile = path.join(p.dir, 'downloader.pid');
    const index = path.join(p.dir, 'node_modules', 'electron', 'index.js');
    fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('PIDFILE', JSON.stringify(pidFile)));
    const r = p.run({ HANDBOOK_ELECTRON_TIMEOUT_MS: '3000' });
    expect(r.status).toBe(1);
    expect(advice(r.stderr)[0]).toContain('did not finish within 3 s (set HANDBOOK_ELECTRON_TIMEOUT_MS to wait longer)');
    expect(r.stderr).not.toMatch(STACK);
    expect(await gone(Number(fs.readFileSync(pidFile, 'utf8')))).toBe(true);
  });

  it('says so when the path it was given does not exist or cannot be run', () => {
    const missing = project('module.exports = BIN;').run();
    expect(missing.status).toBe(1);
    expect(advice(missing.stderr)[0]).toContain('the Electron binary is missing');
    const notExecutable = project('module.exports = BIN;', { mode: 0o644 }).run();
    expect(notExecutable.status).toBe(1);
    expect(advice(notExecutable.stderr)[0]).toContain('the Electron binary could not be started (EACCES)');
    expect(notExecutable.stderr).not.toMatch(STACK);
  });
});
