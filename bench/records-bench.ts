/*
 * Records benchmark: a team's onboarding records on one PC. For 50, 500 and 5,000 learners it
 * measures, in one process, today's store (shared file + one file per learner per device, index by
 * learner) next to the single-file store it replaced (kept verbatim in bench/baseline/):
 * write latency of a step completion, dashboard time, how long other requests wait behind a
 * dashboard, store start-up with the data (minus an empty store), and backups on disk.
 *
 *   node scripts/bench.mjs --records-only [--quick]       (or as part of `npm run bench`)
 *
 * Data: 400 records per learner at 50 and 500 learners (500 × 400 = 200k, the target), 40 per
 * learner at 5,000 (the same 200k: 5,000 × 400 would be a 350 MB single file for the baseline).
 * The sample pack is read with a policy (阅读确认) on every fifth article, which most learners
 * confirmed: the dashboard counts the overdue ones as "behind".
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadPack } from '../electron/core/index.js';
import type { Pack } from '../electron/core/content/pack.js';
import { getDashboard } from '../electron/core/onboarding/dashboard.js';
import { completeStep, markDone } from '../electron/core/onboarding/progress.js';
import { localToday } from '../electron/core/onboarding/dates.js';
import type { Data } from '../electron/core/store/schema.js';
import { generate, iso } from './recordsData.js';
import { INDEX_FILE } from '../electron/core/store/recordsIndex.js';
import { LEGACY_DB_FILE, openStore } from '../electron/core/store/store.js';
import { scanningDashboard } from './baseline/scanningDashboard.js';
import { openStore as openSingleFileStore } from './baseline/singleFileStore.js';

const quick = process.argv.includes('--quick');
const SIZES: Array<[learners: number, perLearner: number]> = quick ? [[50, 400], [500, 400]] : [[50, 400], [500, 400], [5000, 40]];

let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

/** The sample pack with every fifth article asking everyone for a confirmation, due before most learners started. */
function packWithPolicies(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-records-pack-'));
  fs.cpSync(path.resolve('content'), dir, { recursive: true });
  const files = (fs.readdirSync(path.join(dir, 'articles'), { recursive: true }) as string[]).filter((f) => f.endsWith('.md')).sort();
  files.filter((_, i) => i % 5 === 0).forEach((f) => {
    const file = path.join(dir, 'articles', f);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^---\n/, '---\nacknowledge:\n  roles: all\n  due: 2026-01-20\n'));
  });
  return dir;
}

/** Most learners confirmed most policies (version 1), some twice. */
function confirmAll(d: Data, pack: Pack): void {
  const policies = [...pack.articles.values()].filter((a) => a.source.data.acknowledge).map((a) => a.summary.id);
  for (const [i, p] of d.profiles.entries()) {
    for (const [k, articleId] of policies.entries()) {
      if (random() < 0.3) continue;
      d.acknowledgements.push({ profileId: p.id, articleId, version: 1, contentHash: 'bench', at: iso(i * 10 + k) });
      if (random() < 0.1) d.acknowledgements.push({ profileId: p.id, articleId, version: 1, contentHash: 'bench', at: iso(i * 10 + k + 1) });
    }
  }
}

const records = (d: Data) => d.completions.length + d.uncompletions.length + d.quizAttempts.length + d.signoffRequests.length + d.bookmarks.length + d.views.length + d.acknowledgements.length;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const sizeOf = (p: string): number => (!fs.existsSync(p) ? 0 : fs.statSync(p).isDirectory() ? fs.readdirSync(p).reduce((n, f) => n + sizeOf(path.join(p, f)), 0) : fs.statSync(p).size);
const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const time = async <T>(f: () => T | Promise<T>): Promise<[number, T]> => {
  const t0 = performance.now();
  const r = await f();
  return [performance.now() - t0, r];
};

/** The longest any timer waited (past its 1 ms) while `work` ran: what another request would wait. */
async function longestWait(work: () => Promise<unknown>): Promise<number> {
  let worst = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 1);
    last = now;
  }, 1);
  await new Promise((r) => setTimeout(r, 5));
  last = performance.now();
  await work();
  await new Promise((r) => setTimeout(r, 5));
  clearInterval(timer);
  return worst;
}

interface Result {
  learners: number; records: number; design: 'split (today)' | 'single file (baseline)';
  writeP50: number; writeP95: number; completeStepP95: number | null; parallel20: number; dashboard: number; dashboardAfterWrite: number; longestWait: number;
  startupExtra: number; startupNoIndex: number | null; liveMB: number; backupsMB: number; idleWait: number | null;
}

async function measure(pack: Pack, learners: number, per: number): Promise<Result[]> {
  const data = generate(pack, learners, per);
  confirmAll(data, pack);
  const json = JSON.stringify(data);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `hb-records-${learners}-`));
  const steps = (i: number) => {
    const p = data.profiles[i];
    const track = [...pack.tracks.values()].find((t) => t.roleId === p.roleId)!;
    const step = track.phases.flatMap((ph) => ph.steps).find((s) => s.type === 'task' || s.type === 'read')!;
    return { profileId: p.id, trackId: track.id, stepId: step.id };
  };
  const samples = learners >= 5000 ? 8 : learners >= 500 ? 20 : 60;

  // Empty stores first: start-up is reported as the extra time the data costs.
  const [emptyNew] = await time(async () => (await openStore(fs.mkdtempSync(path.join(root, 'empty-new-')))).close());
  const [emptyOld] = await time(async () => (await openSingleFileStore(fs.mkdtempSync(path.join(root, 'empty-old-')))).close());

  // Baseline: the single file, a full backup per write, a dashboard that scans everything per learner.
  const oldDir = path.join(root, 'single');
  fs.mkdirSync(oldDir);
  fs.writeFileSync(path.join(oldDir, LEGACY_DB_FILE), json);
  const [oldOpen, old] = await time(() => openSingleFileStore(oldDir));
  const oldWrites: number[] = [];
  for (let k = 0; k < samples; k++) {
    const ref = steps(Math.floor(random() * learners));
    oldWrites.push((await time(() => old.update((d) => markDone(d, { ...ref, completedAt: new Date().toISOString() }))))[0]);
  }
  const [oldParallel] = await time(() => Promise.all(Array.from({ length: learners >= 5000 ? 5 : 20 }, (_, k) => old.update((d) => markDone(d, { ...steps(k), completedAt: new Date().toISOString() })))));
  let oldDash = 0;
  const oldWait = await longestWait(async () => { [oldDash] = await time(() => scanningDashboard(old.data, pack)); });
  const oldLive = sizeOf(path.join(oldDir, LEGACY_DB_FILE));
  const oldBackups = sizeOf(path.join(oldDir, 'backups'));
  await old.close();

  // Today: migrated from the same single file, then opened again as the app starts.
  const newDir = path.join(root, 'split');
  fs.mkdirSync(newDir);
  fs.writeFileSync(path.join(newDir, LEGACY_DB_FILE), json);
  const [migrateMs] = await time(async () => (await openStore(newDir)).close());
  // The first start after the upgrade has no records index yet and reads every learner's file (and writes the index at close).
  fs.rmSync(path.join(newDir, INDEX_FILE), { force: true });
  const [noIndexOpen, first] = await time(() => openStore(newDir));
  await first.close();
  const [newOpen, store] = await time(() => openStore(newDir));
  let newDash = 0;
  const newWait = await longestWait(async () => { [newDash] = await time(() => getDashboard(store, pack)); });
  // The same timer with nothing to wait behind: the machine's own noise (GC, other processes).
  const idleWait = await longestWait(() => new Promise((r) => setTimeout(r, Math.min(newDash, 3000))));
  await completeStep(store, pack, steps(0));
  const [newDashAfter] = await time(() => getDashboard(store, pack));
  const newWrites: number[] = [];
  for (let k = 0; k < Math.max(samples, 100); k++) {
    const ref = steps(Math.floor(random() * learners));
    newWrites.push((await time(() => store.updateRecords(ref.profileId, (d) => markDone(d, { ...ref, completedAt: new Date().toISOString() }))))[0]);
  }
  const calls: number[] = [];
  for (let k = 0; k < 100; k++) calls.push((await time(() => completeStep(store, pack, steps(Math.floor(random() * learners)))))[0]);
  const [newParallel] = await time(() => Promise.all(Array.from({ length: learners >= 5000 ? 5 : 20 }, (_, k) => completeStep(store, pack, steps(k)))));
  await store.close();
  // The records index is a cache but on disk all the same: counted with the live data.
  const newLive = sizeOf(path.join(newDir, 'handbook-shared.json')) + sizeOf(path.join(newDir, 'records')) + sizeOf(path.join(newDir, INDEX_FILE));
  // Only backups this layout writes (the migrated file kept aside is not one).
  const newBackups = sizeOf(path.join(newDir, 'backups'));
  fs.rmSync(root, { recursive: true, force: true });
  console.error(`  ${learners} learners: migration from the single file took ${ms(migrateMs)} ms`);

  const n = records(data);
  return [
    { learners, records: n, design: 'split (today)', writeP50: pct(newWrites, 50), writeP95: pct(newWrites, 95), completeStepP95: pct(calls, 95), parallel20: newParallel, dashboard: newDash, dashboardAfterWrite: newDashAfter, longestWait: newWait, startupExtra: newOpen - emptyNew, startupNoIndex: noIndexOpen - emptyNew, liveMB: newLive / 1e6, backupsMB: newBackups / 1e6, idleWait },
    { learners, records: n, design: 'single file (baseline)', writeP50: pct(oldWrites, 50), writeP95: pct(oldWrites, 95), completeStepP95: null, parallel20: oldParallel, dashboard: oldDash, dashboardAfterWrite: oldDash, longestWait: oldWait, startupExtra: oldOpen - emptyOld, startupNoIndex: null, liveMB: oldLive / 1e6, backupsMB: oldBackups / 1e6, idleWait: null },
  ];
}

const HEAD = '| learners | records | design | write p50 ms | write p95 ms | completeStep p95 ms | 20 parallel ms | dashboard ms | dashboard after a write ms | longest wait behind it ms (idle) | start-up extra ms (first start, no index) | live MB | backups MB |\n|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|';
const line = (r: Result) => `| ${r.learners} | ${r.records} | ${r.design} | ${ms(r.writeP50)} | ${ms(r.writeP95)} | ${r.completeStepP95 === null ? '—' : ms(r.completeStepP95)} | ${ms(r.parallel20)} | ${ms(r.dashboard)} | ${ms(r.dashboardAfterWrite)} | ${ms(r.longestWait)}${r.idleWait === null ? '' : ` (${ms(r.idleWait)})`} | ${ms(r.startupExtra)}${r.startupNoIndex === null ? '' : ` (${ms(r.startupNoIndex)})`} | ${mb(r.liveMB * 1e6)} | ${mb(r.backupsMB * 1e6)} |`;

const packDir = packWithPolicies();
const pack = await loadPack(packDir);
const results: Result[] = [];
for (const [learners, per] of SIZES) {
  const rows = await measure(pack, learners, per);
  results.push(...rows);
  // Each size as soon as it is measured (the 5,000-learner baseline takes minutes).
  console.error(rows.map(line).join('\n'));
}

console.log('\n## Records store: today (split) vs the single-file store, same run\n');
console.log(HEAD);
for (const r of results) console.log(line(r));
console.log('\nWrite: one step completion through the store (acknowledged once durable); completeStep: the whole request (checks, write, the learner\'s progress). 20 parallel: completions of 20 learners at once (5 at 5,000 learners); the baseline measures `update` only.');
console.log('Dashboard: first call after start-up (nothing cached); "after a write": one learner changed since the last call.');
console.log('Start-up extra: opening the store with the data minus opening an empty one, with the records index the last close wrote; in brackets the first start after the upgrade, before any index exists.');
fs.rmSync(packDir, { recursive: true, force: true });
fs.writeFileSync('bench/records-results.json', JSON.stringify({ at: new Date().toISOString(), node: process.version, cpus: os.cpus().length, results }, null, 2) + '\n');
