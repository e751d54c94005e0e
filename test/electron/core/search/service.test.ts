import { build } from 'esbuild';
import { promises as fs, existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSearchService, fingerprint, SearchEngine, type SearchDoc } from '../../../../electron/core/search/index.js';
import { CACHE_FILE } from '../../../../electron/core/search/cache.js';
import { docs, synonyms } from '../../../fixtures/search/pack.js';

let root: string;
let workerScript: string;
const dirs: string[] = [];
async function tmpDir(): Promise<string> {
  const d = await fs.mkdtemp(path.join(root, 'data-'));
  dirs.push(d);
  return d;
}
const ids = (r: { hits: Array<{ id: string }> }) => r.hits.map((h) => h.id);
/** the best hit: documents sharing only part of the words rank below it (nothing is filtered out) */
const first = (r: { hits: Array<{ id: string }> }) => ids(r).slice(0, 1);
const edited = (d: SearchDoc, body: string): SearchDoc => ({ ...d, body, hash: d.hash + '-edited' });

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'handbook-search-'));
  workerScript = path.join(root, 'search-worker.js');
  await build({
    entryPoints: [fileURLToPath(new URL('../../../../electron/core/search/worker.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: workerScript,
    logLevel: 'silent',
  });
});
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('search service', () => {
  it('builds, writes the cache atomically, and reuses it when the fingerprint matches', async () => {
    const dir = await tmpDir();
    const s1 = createSearchService({ cacheDir: dir, synonyms });
    expect(s1.status().state).toBe('idle');
    s1.setDocs(docs);
    expect(s1.status().state).toBe('building');
    await s1.ready();
    expect(s1.status()).toMatchObject({ state: 'ready', fromCache: false, total: docs.length });
    const first = await s1.search({ query: '退款' });
    await s1.close();
    const file = path.join(dir, CACHE_FILE);
    expect(existsSync(file)).toBe(true);
    expect((await fs.readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(SearchEngine.peekFingerprint(await fs.readFile(file))).toBe(fingerprint(docs, { synonyms }));

    const s2 = createSearchService({ cacheDir: dir, synonyms });
    s2.setDocs([...docs].reverse());
    await s2.ready();
    expect(s2.status().fromCache).toBe(true);
    expect({ ...(await s2.search({ query: '退款' })), ms: 0 }).toEqual({ ...first, ms: 0 });
    await s2.close();
  });

  it('picks up a changed document hash on the next start', async () => {
    const dir = await tmpDir();
    const s1 = createSearchService({ cacheDir: dir });
    s1.setDocs(docs);
    await s1.ready();
    await s1.close();

    const changed = docs.map((d) => (d.id === 'warehouse/shipping' ? edited(d, '全部包裹改走顺丰冷链专线') : d));
    const s2 = createSearchService({ cacheDir: dir });
    s2.setDocs(changed);
    expect(first(await s2.search({ query: '顺丰冷链' }))).toEqual(['warehouse/shipping']);
    expect((await s2.search({ query: '揽收' })).total).toBe(0);
    await s2.close();
    expect(SearchEngine.peekFingerprint(await fs.readFile(path.join(dir, CACHE_FILE)))).toBe(fingerprint(changed));

    // many changes: a full rebuild instead of patching
    const all = Array.from({ length: 120 }, (_, i) => ({ ...edited(changed[i % changed.length]!, '全量重建标记'), id: `bulk/${i}` }));
    const s3 = createSearchService({ cacheDir: dir });
    s3.setDocs(all);
    await s3.ready();
    expect(s3.status().fromCache).toBe(false);
    expect((await s3.search({ query: '全量重建标记' })).total).toBe(all.length);
    await s3.close();
  });

  it('a corrupt or foreign cache file means a rebuild, not an error', async () => {
    const dir = await tmpDir();
    const file = path.join(dir, CACHE_FILE);
    for (const junk of [Buffer.from('garbage'), Buffer.alloc(0), Buffer.alloc(4096, 7)]) {
      await fs.writeFile(file, junk);
      const s = createSearchService({ cacheDir: dir });
      s.setDocs(docs);
      await s.ready();
      expect(s.status()).toMatchObject({ state: 'ready', fromCache: false });
      expect(ids(await s.search({ query: '退款' }))[0]).toBe('customer-service/returns-refunds');
      await s.close();
      expect(() => SearchEngine.load(new Uint8Array(readFileSync(file)))).not.toThrow();
    }
    // flipped bytes inside a valid file
    const bytes = await fs.readFile(file);
    bytes[bytes.length >> 1]! ^= 0x55;
    await fs.writeFile(file, bytes);
    const s = createSearchService({ cacheDir: dir });
    s.setDocs(docs);
    await s.ready();
    expect(s.status().fromCache).toBe(false);
    await s.close();
  });

  it('edits are searchable at once and persisted', async () => {
    const dir = await tmpDir();
    const s = createSearchService({ cacheDir: dir });
    s.setDocs(docs);
    s.upsertDoc({ ...docs[0]!, id: 'new/while-building', title: '构建期间新增', body: '构建期间新增的文章', hash: 'n1' });
    await s.ready();
    expect(first(await s.search({ query: '构建期间新增' }))).toEqual(['new/while-building']);
    const doc = edited(docs.find((d) => d.id === 'design/main-image')!, '主图必须使用纯白背景');
    s.upsertDoc(doc);
    expect(first(await s.search({ query: '纯白背景' }))).toEqual(['design/main-image']);
    s.removeDoc('marketing/live-streaming');
    expect((await s.search({ query: '直播带货' })).hits.map((h) => h.id)).not.toContain('marketing/live-streaming');
    await s.close();

    const now = [...docs.filter((d) => d.id !== 'marketing/live-streaming' && d.id !== doc.id), doc, { ...docs[0]!, id: 'new/while-building', title: '构建期间新增', body: '构建期间新增的文章', hash: 'n1' }];
    const s2 = createSearchService({ cacheDir: dir });
    s2.setDocs(now);
    await s2.ready();
    expect(s2.status().fromCache).toBe(true);
    expect(first(await s2.search({ query: '纯白背景' }))).toEqual(['design/main-image']);
    await s2.close();
  });

  it('builds in the worker with progress, and falls back in-thread when the script is missing', async () => {
    const dir = await tmpDir();
    const many = Array.from({ length: 600 }, (_, i) => ({ ...docs[i % docs.length]!, id: `bulk/${i}`, hash: `h${i}` }));
    const s = createSearchService({ cacheDir: dir, workerScript });
    s.setDocs(many);
    const seen: number[] = [];
    const timer = setInterval(() => seen.push(s.status().done), 1);
    await s.ready();
    clearInterval(timer);
    expect(s.status()).toMatchObject({ state: 'ready', done: 600, total: 600, fromCache: false });
    const viaWorker = await s.search({ query: '顾客收到货以后想退款应该怎么处理', limit: 5 });
    await s.close();
    expect(existsSync(path.join(dir, CACHE_FILE))).toBe(true);

    const s2 = createSearchService({ cacheDir: await tmpDir(), workerScript: path.join(root, 'nope.js') });
    s2.setDocs(many);
    await s2.ready();
    expect({ ...(await s2.search({ query: '顾客收到货以后想退款应该怎么处理', limit: 5 })), ms: 0 }).toEqual({ ...viaWorker, ms: 0 });
    await s2.close();
  });

  it('a newer setDocs supersedes a running build; search waits for it', async () => {
    const s = createSearchService({ cacheDir: await tmpDir(), workerScript });
    const pending = s.search({ query: '独一无二的标记' });
    s.setDocs(docs);
    s.setDocs([...docs, { ...docs[0]!, id: 'x/unique', title: '独一无二的标记', hash: 'u' }]);
    expect(first(await pending)).toEqual(['x/unique']);
    await s.close();
    await expect(s.search({ query: '退款' })).rejects.toThrow(/closed/);
  });
});
