/*
 * Charts benchmark: the trainer's charts with 500 learners' records (target: drawn in under
 * 500 ms), next to the plain dashboard (its progress table) on the same data in the same run.
 *
 *   node scripts/bench.mjs --charts-only         (or as part of `npm run bench`)
 *
 * Two layers: the core alone (`getCharts` vs `getDashboard`, cold = first call on a freshly opened
 * store, warm = median of 10 later calls), and the whole thing in Chromium against `handbook serve`:
 * from the click on "Charts" (or "Progress") to every chart's SVG (or every table row) in the page,
 * the request included. Later visits ask the core again; the first visit after the dashboard drew
 * uses the charts the page fetched in the background meanwhile (renderer/.../charts/prefetch.ts),
 * drawn by code the page has already run once out of sight (charts/ChartsWarmUp.tsx); clicked the
 * moment the dashboard drew, neither has happened yet. Results: stdout and bench/charts-results.json.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { getCharts } from '../electron/core/charts/charts.js';
import { loadPack } from '../electron/core/index.js';
import { getDashboard } from '../electron/core/onboarding/dashboard.js';
import { teamBoard } from '../electron/core/recognition/summary.js';
import { openStore } from '../electron/core/store/store.js';
import { seedLearners } from './learnerRecords.js';

const LEARNERS = 500;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync', '--disable-component-update'];
const PASS = 'bench passphrase 1';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const max = (xs: number[]) => Math.max(...xs);
const ms = (x: number) => x.toFixed(x >= 100 ? 0 : 1);

const contentDir = path.resolve('content');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-charts-bench-'));
const pack = await loadPack(contentDir);
await seedLearners(dataDir, pack, LEARNERS);

/** Cold on a fresh store, then 10 warm calls. */
async function core(name: string, run: (store: Awaited<ReturnType<typeof openStore>>) => unknown) {
  const store = await openStore(dataDir);
  try {
    let t = performance.now();
    await run(store);
    const cold = performance.now() - t;
    const warm: number[] = [];
    for (let i = 0; i < 10; i++) {
      t = performance.now();
      await run(store);
      warm.push(performance.now() - t);
    }
    return { name, cold, warm: median(warm) };
  } finally {
    await store.close();
  }
}
const coreRows = [
  await core('dashboard (baseline)', (s) => getDashboard(s, pack)),
  await core('charts', (s) => getCharts(s, pack)),
  await core('team board', (s) => teamBoard(s, pack)),
];

/** In Chromium: click a dashboard view, wait until it is drawn; 5 times each, alternating. */
async function browserRuns() {
  const child = spawn(process.execPath, ['bin/handbook.js', 'serve', '--port', '0', '--content', contentDir, '--data', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (c) => reject(new Error('serve exited ' + c + out)));
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const origin = new URL(url).origin;
    const token = new URL(url).searchParams.get('token')!;
    const call = async (method: string, arg: unknown) => {
      const r = await (await fetch(`${origin}/api/${method}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(arg) })).json();
      if (!r.ok) throw new Error(r.error.message);
      return r.data;
    };
    const trainer = await call('createProfile', { name: '李老师', roleId: 'customer-service', trainer: true, passphrase: PASS });
    await call('updateSettings', { currentProfileId: trainer.id, language: 'zh-CN' });
    const drawn = () => document.querySelectorAll('[data-testid=charts] .chart-plot .recharts-wrapper > svg.recharts-surface').length === 4;
    /** A trainer opens the dashboard (unlocking), reads it for a second, then opens the charts for the first time. */
    const openDashboard = async () => {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(url);
      await page.evaluate(() => { location.hash = '#/trainer'; });
      await page.getByTestId('unlock-secret').fill(PASS);
      await page.getByTestId('edit-unlock').click();
      await page.getByTestId('dashboard').waitFor({ timeout: 120_000 });
      return page;
    };
    /** The first visit in a fresh page, `readMs` after the dashboard drew. */
    const firstVisits = async (readMs: number) => {
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const p = await openDashboard();
        await p.waitForTimeout(readMs);
        const t0 = performance.now();
        await p.getByTestId('view-charts').click();
        await p.waitForFunction(drawn, undefined, { timeout: 120_000, polling: 'raf' });
        times.push(performance.now() - t0);
        await p.close();
      }
      return times;
    };
    const firstVisit = await firstVisits(1000);
    const firstVisitAtOnce = await firstVisits(0);
    const page = await openDashboard();
    const rows = await page.locator('[data-testid=dashboard] tbody tr').count();
    const time = async (view: 'charts' | 'progress') => {
      await page.getByTestId(view === 'charts' ? 'view-progress' : 'view-charts').click();
      await page.locator(view === 'charts' ? '[data-testid=dashboard]' : '[data-testid=charts] .chart-plot .recharts-wrapper > svg.recharts-surface').first().waitFor({ timeout: 120_000 });
      const t0 = performance.now();
      await page.getByTestId(`view-${view}`).click();
      if (view === 'charts') await page.waitForFunction(drawn, undefined, { timeout: 120_000, polling: 'raf' });
      else await page.waitForFunction((n) => document.querySelectorAll('[data-testid=dashboard] tbody tr').length === n, rows, { timeout: 120_000, polling: 'raf' });
      return performance.now() - t0;
    };
    await time('charts'); // loads the chart library's chunk once, as the first visit does
    const progress: number[] = [], charts: number[] = [];
    for (let i = 0; i < 5; i++) {
      progress.push(await time('progress'));
      charts.push(await time('charts'));
    }
    return { rows, progress, charts, firstVisit, firstVisitAtOnce };
  } finally {
    await browser.close();
    child.kill('SIGTERM');
  }
}
const ui = await browserRuns();

console.log(`\n## Trainer charts, ${LEARNERS} learners (same run, same data)\n`);
console.log('| core, in-process | first call | later calls (median of 10) |');
console.log('|---|--:|--:|');
for (const r of coreRows) console.log(`| ${r.name} | ${ms(r.cold)} ms | ${ms(r.warm)} ms |`);
console.log('\n| in Chromium, click → drawn (5 runs) | median | max | target |');
console.log('|---|--:|--:|--:|');
console.log(`| Progress view: dashboard table, ${ui.rows} rows (baseline) | ${ms(median(ui.progress))} ms | ${ms(max(ui.progress))} ms | |`);
console.log(`| Charts view: 4 charts (recharts SVG) and their tables | ${ms(median(ui.charts))} ms | ${ms(max(ui.charts))} ms | < 500 ms |`);
console.log(`| Charts view, first visit 1 s after the dashboard drew (3 fresh pages) | ${ms(median(ui.firstVisit))} ms | ${ms(max(ui.firstVisit))} ms | < 500 ms |`);
console.log(`| Charts view, first visit the moment the dashboard drew (3 fresh pages) | ${ms(median(ui.firstVisitAtOnce))} ms | ${ms(max(ui.firstVisitAtOnce))} ms | |`);
fs.writeFileSync('bench/charts-results.json', JSON.stringify({ at: new Date().toISOString(), node: process.version, cpus: os.cpus().length, loadavg: os.loadavg(), learners: LEARNERS, core: coreRows, ui }, null, 2) + '\n');
fs.rmSync(dataDir, { recursive: true, force: true });
