/*
 * Search benchmark: our engine vs stock lunr vs MiniSearch (with our bigram tokenizer), same
 * corpus, same queries, same process. Run (from the repo root):
 *
 *   npx esbuild bench/search-bench.ts --bundle --platform=node --format=esm --outfile=/tmp/bench.mjs \
 *     && node --expose-gc /tmp/bench.mjs [--n 1000,10000] [--quick] [--engines ours,minisearch,lunr]
 *        [--devset-only [--engines handbook,minisearch,lunr]] [--latency-only]
 *
 * The bundle is also the search worker: the service under test spawns this very file as its
 * workerScript, where only the worker entry runs.
 */
import { promises as fs, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import lunr from 'lunr';
import MiniSearch from 'minisearch';
import { createSearchService, SearchEngine, type SearchDoc } from '../electron/core/search/index.js';
import { buildMiniSearch, msOptions } from './baselines.js';
import { runDevSet } from './devset-run.js';
import { runLatency } from './latency.js';
import '../electron/core/search/worker.js'; // registers the build handler when this bundle runs as a worker
import { chineseSubstring, makePack, makeQueries, rng } from './corpus.js';

const gc = (globalThis as { gc?: () => void }).gc;

interface EngineUnderTest {
  name: string;
  build(docs: SearchDoc[]): unknown;
  serialize(idx: unknown): Uint8Array | string;
  load(data: Buffer): unknown;
  search(idx: unknown, q: string): string[];
  /** does the doc appear among all matches of a Chinese substring query? */
  contains(idx: unknown, q: string, id: string): boolean;
  /** replace one doc and return once it is searchable (null: not supported incrementally) */
  edit(idx: unknown, doc: SearchDoc, docs: SearchDoc[]): unknown;
}

const ours: EngineUnderTest = {
  name: 'ours',
  build: (docs) => SearchEngine.build(docs),
  serialize: (idx) => (idx as SearchEngine).serialize(),
  load: (data) => SearchEngine.load(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)),
  search: (idx, q) => (idx as SearchEngine).search({ query: q, limit: 20 }).hits.map((h) => h.id),
  contains: (idx, q, id) => (idx as SearchEngine).matchIds({ query: q }).includes(id),
  edit: (idx, doc) => {
    (idx as SearchEngine).upsert(doc);
    return idx;
  },
};

const minisearch: EngineUnderTest = {
  name: 'minisearch',
  build: buildMiniSearch,
  serialize: (idx) => JSON.stringify(idx),
  load: (data) => MiniSearch.loadJSON(data.toString('utf8'), msOptions),
  search: (idx, q) =>
    (idx as MiniSearch)
      .search(q)
      .slice(0, 20)
      .map((r) => r.id as string),
  contains: (idx, q, id) => (idx as MiniSearch).search(q, { combineWith: 'AND', fuzzy: false, prefix: false }).some((r) => r.id === id),
  edit: (idx, doc) => {
    (idx as MiniSearch).replace(doc as unknown as Record<string, unknown>);
    return idx;
  },
};

const lunrBuild = (docs: SearchDoc[]): lunr.Index =>
  lunr(function () {
    this.ref('id');
    this.field('title', { boost: 5 });
    this.field('headings', { boost: 2 });
    this.field('body');
    for (const d of docs) this.add({ id: d.id, title: d.title, headings: d.headings.join(' '), body: d.body });
  });
const lunrSearch = (idx: lunr.Index, q: string): lunr.Index.Result[] => {
  try {
    return idx.search(q);
  } catch {
    return []; // lunr's query syntax rejects some user input (e.g. a trailing ':')
  }
};
const stockLunr: EngineUnderTest = {
  name: 'lunr (stock)',
  build: lunrBuild,
  serialize: (idx) => JSON.stringify(idx),
  load: (data) => lunr.Index.load(JSON.parse(data.toString('utf8'))),
  search: (idx, q) =>
    lunrSearch(idx as lunr.Index, q)
      .slice(0, 20)
      .map((r) => r.ref),
  contains: (idx, q, id) => lunrSearch(idx as lunr.Index, q).some((r) => r.ref === id),
  // lunr indexes are immutable: an edit is a full rebuild
  edit: (_idx, doc, docs) => lunrBuild(docs.map((d) => (d.id === doc.id ? doc : d))),
};

interface Row {
  engine: string;
  n: number;
  coldMs: number;
  warmMs: number;
  cacheMB: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  memMB: number;
  rssMB: number;
  warmMemMB: number;
  recall: number;
  editMs: number;
  editFound: boolean;
  serviceColdMs?: number;
  serviceWarmMs?: number;
  progressEvents?: number;
}

function mem(): { heap: number; rss: number } {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return { heap: m.heapUsed + m.arrayBuffers, rss: m.rss };
}
const MB = (b: number): number => Math.round((b / 1048576) * 10) / 10;
const pct = (a: number[], p: number): number => {
  const s = [...a].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const r2 = (x: number): number => Math.round(x * 100) / 100;

async function measure(e: EngineUnderTest, docs: SearchDoc[], queries: string[], warmup: string[], recallSet: Array<{ q: string; id: string }>, tmp: string): Promise<Row> {
  const m0 = mem();
  let t = performance.now();
  let idx: unknown = e.build(docs);
  const coldMs = performance.now() - t;
  const m1 = mem();
  const file = path.join(tmp, `${e.name.replace(/\W/g, '')}-${docs.length}.cache`);
  const data = e.serialize(idx);
  writeFileSync(file, data);
  const cacheMB = MB(typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength);
  idx = null;
  const m2 = mem();
  t = performance.now();
  idx = e.load(readFileSync(file));
  const warmMs = performance.now() - t;
  const m3 = mem();

  for (const q of warmup) e.search(idx, q); // JIT warm-up with other queries of the same mix
  const times: number[] = [];
  for (const q of queries) {
    const s = performance.now();
    e.search(idx, q);
    times.push(performance.now() - s);
  }
  const slow = queries.map((q, i) => [times[i]!, q] as const).sort((a, b) => b[0] - a[0]).slice(0, 5);
  console.error(`    slowest: ${slow.map(([t, q]) => `${t.toFixed(1)}ms ${JSON.stringify(q)}`).join(', ')}`);
  let found = 0;
  for (const { q, id } of recallSet) if (e.contains(idx, q, id)) found++;

  const target = docs[Math.floor(docs.length / 2)]!;
  const marker = '编辑后的独特标记词组';
  const editedDoc = { ...target, body: target.body + marker, hash: target.hash + '-e' };
  t = performance.now();
  idx = e.edit(idx, editedDoc, docs);
  const editFound = e.search(idx, marker).includes(target.id);
  const editMs = performance.now() - t;
  await fs.rm(file, { force: true });
  return {
    engine: e.name,
    n: docs.length,
    coldMs: r2(coldMs),
    warmMs: r2(warmMs),
    cacheMB,
    p50Ms: r2(pct(times, 50)),
    p95Ms: r2(pct(times, 95)),
    maxMs: r2(Math.max(...times)),
    memMB: MB(m1.heap - m0.heap),
    rssMB: MB(m1.rss - m0.rss),
    warmMemMB: MB(m3.heap - m2.heap),
    recall: Math.round((found / recallSet.length) * 1000) / 10,
    editMs: r2(editMs),
    editFound,
  };
}

/** the service path: cold build in the worker (progress reported), then warm start from its cache */
async function measureService(docs: SearchDoc[], tmp: string): Promise<Pick<Row, 'serviceColdMs' | 'serviceWarmMs' | 'progressEvents'>> {
  const dir = await fs.mkdtemp(path.join(tmp, 'svc-'));
  const workerScript = fileURLToPath(import.meta.url);
  const s1 = createSearchService({ cacheDir: dir, workerScript });
  let t = performance.now();
  s1.setDocs(docs);
  let last = -1;
  let events = 0;
  const poll = setInterval(() => {
    const d = s1.status().done;
    if (d !== last) {
      events++;
      last = d;
    }
  }, 5);
  await s1.ready();
  clearInterval(poll);
  const serviceColdMs = performance.now() - t;
  await s1.close();
  const s2 = createSearchService({ cacheDir: dir, workerScript });
  t = performance.now();
  s2.setDocs(docs);
  await s2.ready();
  const serviceWarmMs = performance.now() - t;
  if (!s2.status().fromCache) throw new Error('service did not start from its cache');
  await s2.close();
  await fs.rm(dir, { recursive: true, force: true });
  return { serviceColdMs: r2(serviceColdMs), serviceWarmMs: r2(serviceWarmMs), progressEvents: events };
}

const TARGETS: Record<number, { cold: number; warm: number; p95: number; mem: number }> = {
  1000: { cold: 2000, warm: 200, p95: 5, mem: 100 },
  10000: { cold: 30000, warm: 1500, p95: 15, mem: 600 },
};

function table(rows: Row[]): string {
  const out: string[] = [];
  for (const n of [...new Set(rows.map((r) => r.n))]) {
    const rs = rows.filter((r) => r.n === n);
    const o = rs.find((r) => r.engine === 'ours');
    const m = rs.find((r) => r.engine === 'minisearch');
    const tg = TARGETS[n];
    const ratio = (a?: number, b?: number): string => (a !== undefined && b ? `${(a / b).toFixed(2)}×` : '—');
    out.push(`\n### N = ${n}\n`);
    out.push(`| metric | ${rs.map((r) => r.engine).join(' | ')} | ours / MiniSearch | target |`);
    out.push(`|---|${rs.map(() => '---:').join('|')}|---:|---:|`);
    const line = (label: string, get: (r: Row) => number | string | boolean | undefined, target = '', ratioOf?: (r: Row) => number): void => {
      out.push(`| ${label} | ${rs.map((r) => String(get(r) ?? '—')).join(' | ')} | ${ratioOf ? ratio(o && ratioOf(o), m && ratioOf(m)) : ''} | ${target} |`);
    };
    line('cold build (ms)', (r) => r.coldMs, tg ? `≤ ${tg.cold} · ≤ 1.5× MS` : '≤ 1.5× MS', (r) => r.coldMs);
    line('cold build in worker → ready (ms)', (r) => r.serviceColdMs, tg ? `≤ ${tg.cold}` : '');
    line('progress updates seen', (r) => r.progressEvents);
    line('warm start: read + load (ms)', (r) => r.warmMs, tg ? `≤ ${tg.warm} · ≤ 1× MS` : '≤ 1× MS', (r) => r.warmMs);
    line('warm start via service (ms)', (r) => r.serviceWarmMs, tg ? `≤ ${tg.warm}` : '');
    line('cache size (MB)', (r) => r.cacheMB, '', (r) => r.cacheMB);
    line('query p50 (ms)', (r) => r.p50Ms, '', (r) => r.p50Ms);
    line('query p95 (ms)', (r) => r.p95Ms, tg ? `≤ ${tg.p95} · ≤ 2× MS` : '≤ 2× MS', (r) => r.p95Ms);
    line('query max (ms)', (r) => r.maxMs);
    line('index memory, heap+buffers (MB)', (r) => r.memMB, tg ? `≤ ${tg.mem} · ≤ 1.5× MS` : '≤ 1.5× MS', (r) => r.memMB);
    line('RSS growth on build (MB)', (r) => r.rssMB);
    line('memory after warm load (MB)', (r) => r.warmMemMB, '', (r) => r.warmMemMB);
    line('recall, 200 Chinese substrings (%)', (r) => r.recall, '100');
    line('edit one article → searchable (ms)', (r) => `${r.editMs}${r.editFound ? '' : ' (not found)'}`, '≤ 1000');
  }
  return out.join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const quick = args.includes('--quick');
  const sizes = (arg('--n') ?? (quick ? '1000' : '1000,10000')).split(',').map(Number).filter((n) => n > 0);
  const only = arg('--engines')?.split(',');
  const engines = [ours, minisearch, stockLunr].filter((e) => !only || only.some((o) => e.name.startsWith(o)));
  if (!gc) console.warn('run with node --expose-gc for meaningful memory numbers');
  console.error('dev set (CMRC 2018 trial)…');
  const dev = runDevSet(args.includes('--devset-only') ? only : undefined);
  const devMd = `## Search quality on the public dev set (${dev.sizes}; ${dev.file})\n\n${dev.table}\n`;
  console.log(devMd);
  if (args.includes('--devset-only')) return;
  console.error('latency, random 2–6 character Chinese substrings…');
  const lat = runLatency(sizes);
  const latMd = `## Latency: 300 random 2–6 character Chinese substrings, 20 results with snippets\n\n${lat.table}\n`;
  console.log(latMd);
  if (args.includes('--latency-only')) return;
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'handbook-bench-'));
  const rows: Row[] = [];
  try {
    for (const n of sizes) {
      const docs = makePack(n);
      const queries = makeQueries(docs, quick ? 100 : 200);
      const warmup = makeQueries(docs, quick ? 100 : 200, 8);
      const r = rng(99);
      const recallSet = Array.from({ length: 200 }, () => {
        const out = { index: 0 };
        const q = chineseSubstring(r, docs, out);
        return { q, id: docs[out.index]!.id };
      });
      const chars = docs.reduce((s, d) => s + d.body.length, 0) / n;
      console.error(`N=${n}: ${Math.round(chars)} chars/article, ${queries.length} queries`);
      for (const e of engines) {
        console.error(`  ${e.name}…`);
        const row = await measure(e, docs, queries, warmup, recallSet, tmp);
        if (e === ours) Object.assign(row, await measureService(docs, tmp));
        rows.push(row);
        console.error(`    ${JSON.stringify(row)}`);
      }
    }
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
  const md = table(rows);
  console.log(`## Search benchmark (${os.cpus().length} cores, node ${process.version})\n${md}\n`);
  const json = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, devSet: dev.rows, latency: lat.rows, rows };
  writeFileSync(path.resolve(process.cwd(), 'bench/results.json'), JSON.stringify(json, null, 2) + '\n');
}

if (isMainThread) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
