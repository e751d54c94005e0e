import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MENU_CHANNEL } from '../../electron/ipcChannels';
import { buildApp } from './support/buildApp';

/**
 * The desktop app's launch path, short of the Electron binary: the real build, then the file
 * package.json names as `main`, loaded with a stand-in `electron` module (ESM loader hook, see
 * support/). Electron itself cannot be downloaded here; this is what it would see.
 */
let root: string;
let userData: string;
let report: any;

beforeAll(() => {
  root = buildApp();
  userData = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hb-launch-')), 'userData');
  fs.mkdirSync(userData);
  // Last time the window was maximized: the case that used to show an empty window first.
  fs.writeFileSync(path.join(userData, 'window-state.json'), JSON.stringify({ bounds: null, maximized: true }));
  const reportFile = path.join(userData, '..', 'report.json');
  const r = spawnSync(process.execPath, ['test/build/support/launch-host.mjs', root, reportFile], {
    encoding: 'utf8', timeout: 150_000, env: { ...process.env, HANDBOOK_TEST_USER_DATA: userData },
  });
  report = fs.existsSync(reportFile) ? JSON.parse(fs.readFileSync(reportFile, 'utf8')) : { error: r.stderr || r.error };
  report.exitCode = r.status;
}, 300_000);
afterAll(() => {
  for (const dir of [root, path.dirname(userData)]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the built desktop app starts (main file with a stand-in electron)', () => {
  it('runs to the end without an error', () => {
    expect(report.error).toBeUndefined();
    expect(report.steps).toEqual(['main', 'loaded', 'window', 'protocol', 'ipc', 'menu', 'running', 'exit']);
    expect(report.exitCode).toBe(0);
  });

  it('finds the entry file package.json names', () => {
    expect(report.main).toBe('dist/node/main.js');
    expect(report.mainExists).toBe(true);
  });

  it('registers the app scheme as privileged before ready', () => {
    expect(report.privilegedBeforeReady).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) }]);
  });

  it('opens one sandboxed, isolated window without Node, with a preload that exists, shown after its first paint', () => {
    expect(report.windows).toBe(1);
    expect(report.webPreferences).toEqual({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(report.preload).toBe(path.join('dist', 'node', 'preload.cjs'));
    expect(report.preloadExists).toBe(true);
    expect(report.maximized).toBe(true);
    expect(report.shownEarly).toBe(false);
  });

  it('loads the UI from the app scheme, served by its handler', () => {
    expect(report.loadedURL).toBe('app://handbook/index.html');
    expect(report.protocols).toEqual(['app']);
    expect(report.index).toEqual({ status: 200, type: 'text/html; charset=utf-8', csp: true });
    expect(report.script).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
    expect(report.script.bytes).toBeGreaterThan(10_000);
  });

  it('answers getAppInfo over IPC from its own page only, on a copy of the sample pack', () => {
    expect(report.appInfo).toMatchObject({ ok: true, contentDir: path.join(userData, 'content') });
    expect(report.appInfo.articles).toBeGreaterThan(0);
    expect(report.foreign).toEqual({ ok: false, error: { code: 'forbidden', message: 'untrusted sender' } });
  });

  it('sends menu commands as an event, runs no script in the page, and hands mailto: to the system', () => {
    expect(report.sent).toEqual([[MENU_CHANNEL, 'search']]);
    expect(report.executedScripts).toEqual([]);
    expect(report.opened).toEqual([['external', 'mailto:hr@example.com']]);
    expect(report.fileOpen).toEqual({ action: 'deny' });
  });

  it('closes the store before the process ends on quit (lock released), holding the first quit back', () => {
    expect(report.lockWhileRunning).toBe(true);
    expect(report.lockAtExit).toBe(false);
    expect(report.quitPrevented).toBe(1);
    expect(report.windowStateSaved).toBe(true);
  });
});
