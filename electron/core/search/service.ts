import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { IndexBuilder } from './builder.js';
import { cachePath, readCache, writeCacheAtomic } from './cache.js';
import { SearchEngine, sanitizeDoc } from './engine.js';
import { fingerprint } from './fingerprint.js';
import type { EngineOptions, SearchDoc, SearchQuery, SearchResult } from './types.js';
import type { BuildMessage, BuildRequest } from './worker.js';
import type { SearchStatus } from '../../contract.js';

// The service reports its state in the contract's own shape: one definition for the wire and the core.
export type { SearchStatus } from '../../contract.js';
export interface SearchServiceOptions {
  /** data folder; the cache file lives here */
  cacheDir: string;
  synonyms?: string[][];
  /** bundled worker JS file; when absent or missing, build in-thread in chunks */
  workerScript?: string | URL;
}
export interface SearchService {
  setDocs(docs: SearchDoc[]): void;
  upsertDoc(doc: SearchDoc): void;
  removeDoc(id: string): void;
  status(): SearchStatus;
  ready(): Promise<void>;
  search(q: SearchQuery): Promise<SearchResult>;
  close(): Promise<void>;
}

/** cache writes after edits are batched: a save in the editor should not rewrite 50 MB per keystroke */
const WRITE_DELAY_MS = 500;
/** time slice of an in-thread build before yielding to the event loop */
const SLICE_MS = 12;
/** a cache this close to the wanted docs is patched instead of rebuilt */
const patchLimit = (n: number): number => Math.max(50, Math.ceil(n * 0.1));
/** edits accumulated in the delta segment before it is folded into a fresh base in the background */
const compactAt = (n: number): number => Math.max(200, Math.ceil(n * 0.1));

type Op = { upsert: SearchDoc } | { remove: string };

interface Deferred {
  promise: Promise<void>;
  resolve(): void;
  reject(e: Error): void;
  settled: boolean;
}
function deferred(): Deferred {
  const d = { settled: false } as Deferred;
  d.promise = new Promise<void>((res, rej) => {
    d.resolve = res;
    d.reject = rej;
  });
  d.promise.catch(() => {}); // rejection is reported to whoever awaits; never unhandled
  return d;
}

export function createSearchService(opts: SearchServiceOptions): SearchService {
  const file = cachePath(opts.cacheDir);
  const engineOpts: EngineOptions = { synonyms: opts.synonyms };
  let engine: SearchEngine | null = null;
  let gen = 0;
  let st: SearchStatus = { state: 'idle', done: 0, total: 0, fromCache: false };
  let readyD = deferred();
  let pending: Op[] = [];
  let dirty = false;
  let writeTimer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();
  let closed = false;
  const workers = new Set<Worker>();
  let compaction: { ops: Op[] } | null = null;

  const apply = (e: SearchEngine, op: Op): void => {
    if ('upsert' in op) e.upsert(op.upsert);
    else e.remove(op.remove);
  };

  function markReady(fromCache: boolean, total: number): void {
    st = { state: 'ready', done: total, total, fromCache };
    readyD.settled = true;
    readyD.resolve();
  }
  function markError(err: unknown): void {
    const message = err instanceof Error ? err.message : String(err);
    st = { ...st, state: 'error', error: message };
    readyD.settled = true;
    readyD.reject(new Error(`search index failed: ${message}`));
  }

  function queueWrite(get: () => Uint8Array | null): Promise<void> {
    writing = writing
      .then(async () => {
        const bytes = get();
        if (bytes) await writeCacheAtomic(file, bytes);
      })
      .catch(() => {
        // the cache is an optimisation: a failed write means a rebuild on next start, nothing more
        dirty = true;
      });
    return writing;
  }
  function flush(): Promise<void> {
    if (writeTimer) {
      clearTimeout(writeTimer);
      writeTimer = null;
    }
    return queueWrite(() => {
      if (!dirty || !engine) return null;
      dirty = false;
      return engine.serialize();
    });
  }
  function scheduleWrite(): void {
    dirty = true;
    if (writeTimer || closed) return;
    writeTimer = setTimeout(() => {
      writeTimer = null;
      void flush();
    }, WRITE_DELAY_MS);
    writeTimer.unref?.();
  }

  function buildInWorker(g: number, docs: SearchDoc[], report: boolean): Promise<{ engine: SearchEngine; bytes: Uint8Array } | null> {
    return new Promise((resolve, reject) => {
      const w = new Worker(opts.workerScript!);
      workers.add(w);
      let settled = false;
      const finish = (fn: () => void): void => {
        if (settled) return;
        settled = true;
        workers.delete(w);
        void w.terminate();
        fn();
      };
      w.on('message', (m: BuildMessage) => {
        if (g !== gen) return finish(() => resolve(null));
        if (m.type === 'progress') {
          if (report) st = { ...st, done: m.done, total: m.total };
        } else if (m.type === 'done') {
          finish(() => {
            try {
              resolve({ engine: SearchEngine.load(m.bytes, engineOpts), bytes: m.bytes });
            } catch (err) {
              reject(err);
            }
          });
        } else {
          finish(() => reject(new Error(m.message)));
        }
      });
      w.on('error', (err) => finish(() => reject(err)));
      w.on('exit', () => finish(() => (g === gen ? reject(new Error('search worker exited')) : resolve(null))));
      w.postMessage({ docs, synonyms: opts.synonyms } satisfies BuildRequest);
    });
  }

  async function buildInThread(g: number, docs: SearchDoc[], report: boolean): Promise<{ engine: SearchEngine; bytes: null } | null> {
    const b = new IndexBuilder();
    let i = 0;
    while (i < docs.length) {
      const t = performance.now();
      while (i < docs.length && performance.now() - t < SLICE_MS) b.add(docs[i++]!);
      if (report) st = { ...st, done: i, total: docs.length };
      await new Promise<void>((r) => setImmediate(r));
      if (g !== gen) return null;
    }
    return { engine: SearchEngine.fromBuilder(b, engineOpts), bytes: null };
  }

  async function build(g: number, docs: SearchDoc[], report: boolean): Promise<{ engine: SearchEngine; bytes: Uint8Array | null } | null> {
    if (opts.workerScript && existsSync(opts.workerScript)) {
      try {
        return await buildInWorker(g, docs, report);
      } catch {
        if (g !== gen) return null; // fall back to building here
      }
    }
    return buildInThread(g, docs, report);
  }

  /** bring a cached engine up to date with `docs` if only a few documents differ */
  function patch(e: SearchEngine, docs: SearchDoc[]): boolean {
    const have = new Map(e.docRefs().map((r) => [r.id, r.hash]));
    const want = new Map(docs.map((d) => [d.id, d]));
    const removed = [...have.keys()].filter((id) => !want.has(id));
    const changed = [...want.values()].filter((d) => have.get(d.id) !== d.hash);
    if (removed.length + changed.length > patchLimit(docs.length)) return false;
    for (const id of removed) e.remove(id);
    for (const d of changed) e.upsert(d);
    return true;
  }

  async function load(g: number, docs: SearchDoc[], fp: string): Promise<void> {
    try {
      let eng: SearchEngine | null = null;
      let fromCache = false;
      let fresh: Uint8Array | null = null;
      let patched = false;
      const cached = await readCache(file);
      if (g !== gen) return;
      if (cached) {
        try {
          const exact = SearchEngine.peekFingerprint(cached) === fp;
          const old = SearchEngine.load(cached, engineOpts);
          if (exact) eng = old;
          else if (patch(old, docs)) {
            eng = old;
            patched = true;
          }
          fromCache = eng !== null;
        } catch {
          eng = null; // unreadable or foreign cache: rebuild and overwrite it
        }
      }
      if (!eng) {
        const built = await build(g, docs, true);
        if (!built || g !== gen) return;
        eng = built.engine;
        fresh = built.bytes;
      }
      if (g !== gen) return;
      engine = eng;
      for (const op of pending) apply(eng, op);
      const edited = pending.length > 0;
      pending = [];
      markReady(fromCache, docs.length);
      if (patched || edited || (!fromCache && !fresh)) scheduleWrite();
      else if (fresh) {
        const bytes = fresh;
        void queueWrite(() => bytes);
      }
      maybeCompact();
    } catch (err) {
      if (g === gen) markError(err);
    }
  }

  function maybeCompact(): void {
    const e = engine;
    if (!e || compaction || closed || e.deltaSize < compactAt(e.size)) return;
    const g = gen;
    const c = (compaction = { ops: [] });
    void build(g, e.docs(), false)
      .then((built) => {
        if (!built || g !== gen || compaction !== c) return;
        for (const op of c.ops) apply(built.engine, op);
        engine = built.engine;
        scheduleWrite();
      })
      .catch(() => {})
      .finally(() => {
        if (compaction === c) compaction = null;
      });
  }

  function edit(op: Op): void {
    if (closed) return;
    if (engine && st.state === 'ready') {
      apply(engine, op);
      compaction?.ops.push(op);
      scheduleWrite();
      maybeCompact();
    } else {
      pending.push(op);
    }
  }

  return {
    setDocs(docs: SearchDoc[]): void {
      if (closed) return;
      const list = (Array.isArray(docs) ? docs : []).map(sanitizeDoc);
      const fp = fingerprint(list, engineOpts);
      if (engine && st.state === 'ready' && engine.fingerprint() === fp) return;
      const g = ++gen;
      compaction = null;
      for (const w of workers) void w.terminate();
      workers.clear();
      pending = [];
      engine = null;
      if (readyD.settled) readyD = deferred();
      st = { state: 'building', done: 0, total: list.length, fromCache: false };
      void load(g, list, fp);
    },
    upsertDoc(doc: SearchDoc): void {
      edit({ upsert: sanitizeDoc(doc) });
    },
    removeDoc(id: string): void {
      edit({ remove: String(id) });
    },
    status(): SearchStatus {
      return { ...st };
    },
    ready(): Promise<void> {
      return readyD.promise;
    },
    async search(q: SearchQuery): Promise<SearchResult> {
      if (closed) throw new Error('search service is closed');
      await readyD.promise;
      while (!engine || st.state !== 'ready') await readyD.promise; // a newer setDocs superseded this one
      return engine.search(q);
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      gen++;
      if (!readyD.settled) {
        readyD.settled = true;
        readyD.reject(new Error('search service is closed'));
      }
      for (const w of workers) await w.terminate();
      workers.clear();
      await flush();
    },
  };
}
