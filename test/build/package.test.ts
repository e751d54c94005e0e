import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { extractFile, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { FuseState } from '@electron/fuses/dist/constants.js';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './support/buildApp';
import { fakeElectronDist } from './support/fakeElectronDist';

/**
 * `npm run dist` as far as it goes without Electron's binary: the real electron-builder, on the
 * real build and config, with a stand-in for the unpacked Electron (`electronDist`) that carries
 * the fuse sentinel. electron-builder checks the entry file inside app.asar, flips the fuses and
 * starts the deb target (metadata checks) before it needs a download (fpm); offline, that download
 * is where it must stop. Slow (about a minute), so the work is done once for all checks.
 */
const config = parse(fs.readFileSync('build/electron-builder.yml', 'utf8'));
let root: string;
let out: string;
let result: { started: string[]; error: string | null };

beforeAll(() => {
  root = buildApp();
  fs.cpSync('build', path.join(root, 'build'), { recursive: true });
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-dist-'));
  const r = spawnSync(process.execPath, ['test/build/support/run-dist.mjs', root, fakeElectronDist(), out], { encoding: 'utf8', timeout: 540_000 });
  const line = r.stdout.split('\n').find((l) => l.startsWith('@@summary '));
  result = line ? JSON.parse(line.slice('@@summary '.length)) : { started: [], error: `no summary: ${r.stderr || r.error}` };
}, 600_000);
// The packed app is ~30 MB: not left behind in the temp folder.
afterAll(() => {
  for (const dir of [root, out]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const unpacked = () => path.join(out, 'linux-unpacked');
const asar = () => path.join(unpacked(), 'resources', 'app.asar');

describe('npm run dist (electron-builder with a stand-in Electron binary)', () => {
  it('gets through every check of its own and stops only at a download, or builds the deb', () => {
    // The deb's metadata checks (homepage, author e-mail) run once its build has started.
    expect(result.started).toEqual(['deb']);
    if (result.error === null) expect(fs.readdirSync(out).some((f) => f.endsWith('.deb'))).toBe(true);
    else expect(result.error).toMatch(/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo|fetch failed|download/i);
  });

  it('packs the entry file package.json names, the preload, the worker and the UI into app.asar, without maps or sources', () => {
    const files = listPackage(asar(), { isPack: false }).map((f) => f.split(path.sep).join('/'));
    const pkg = JSON.parse(extractFile(asar(), 'package.json').toString('utf8'));
    expect(pkg.main).toBe('dist/node/main.js');
    for (const f of [pkg.main, 'dist/node/preload.cjs', 'dist/node/search-worker.js', 'dist/renderer/index.html']) expect(files, f).toContain('/' + f);
    expect(files.filter((f) => f.startsWith('/dist/') && f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => /^\/(electron|renderer|scripts|test)\//.test(f))).toEqual([]);
  });

  it('finds next to main.js every file main.js names', () => {
    const main = extractFile(asar(), 'dist/node/main.js').toString('utf8');
    const files = listPackage(asar(), { isPack: false }).map((f) => f.split(path.sep).join('/'));
    for (const name of ['preload.cjs', 'search-worker.js']) {
      expect(main).toContain(`"${name}"`);
      expect(files).toContain('/dist/node/' + name);
    }
  });

  it('ships the sample pack and the deb’s AppArmor profile as resources, and has every icon it names', () => {
    expect(fs.existsSync(path.join(unpacked(), 'resources', 'content', 'handbook.yaml'))).toBe(true);
    expect(fs.existsSync(path.join(unpacked(), 'resources', 'apparmor-profile'))).toBe(true);
    for (const from of config.extraResources.map((r: { from: string }) => r.from)) expect(fs.existsSync(path.join(root, from)), from).toBe(true);
    expect(fs.readdirSync(path.join(root, config.linux.icon)).filter((f) => /^\d+x\d+\.png$/.test(f)).length).toBeGreaterThanOrEqual(4);
    for (const icon of [config.win.icon, config.mac.icon]) expect(fs.existsSync(path.join(root, icon)), icon).toBe(true);
  });

  it('flips the fuses in the binary as configured', async () => {
    const wire = await getCurrentFuseWire(path.join(unpacked(), 'handbook'));
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
  });

  it('has a search worker that runs on its own, with no node_modules anywhere near it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-worker-alone-'));
    const file = path.join(dir, 'search-worker.js');
    fs.writeFileSync(file, extractFile(asar(), 'dist/node/search-worker.js'));
    fs.writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}');
    const worker = new Worker(file);
    const reply = await new Promise<any>((resolve, reject) => {
      worker.on('message', (m) => { if (m.type !== 'progress') resolve(m); });
      worker.on('error', reject);
      worker.postMessage({ docs: [{ id: 'returns', kind: 'article', title: '退货流程', headings: ['处理步骤'], body: '买家申请退货后 48 小时内处理', tags: [], roles: [], category: '', platforms: [], hash: 'h' }] });
    });
    await worker.terminate();
    expect(reply.type).toBe('done');
    expect(reply.bytes.byteLength).toBeGreaterThan(0);
  });
});
