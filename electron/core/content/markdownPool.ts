import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LinkTable } from './linkTable.js';
import { runJob, TableCache, type JobResult, type MarkdownJob, type WorkerReply } from './markdownJobs.js';

/**
 * Longest one file may take to parse or render: a base plus a share per megabyte, so the limit grows
 * linearly with the text while marked's super-linear inputs (`*a` repeated, thousands of reference
 * links, deep quote staircases) run past it; such a file is shown as plain text. A real 2 MB article
 * takes 0.5 s on an idle 2-core machine and 5 s on one eight times oversubscribed, against 10 s here.
 */
export const MARKDOWN_BUDGET = { baseMs: 3000, perMegabyteMs: 4000 };

/** The time limit for one body of markdown. */
export const budgetFor = (body: string, b = MARKDOWN_BUDGET) => Math.round(b.baseMs + (b.perMegabyteMs * Buffer.byteLength(body)) / 1_048_576);

export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: 'too-slow' | 'failed'; message: string };

/** A job as callers give it: render jobs carry the table itself, the pool decides when to send it. */
export type PoolJob = { kind: 'analyze'; body: string } | { kind: 'render'; body: string; rel: string; table: LinkTable };
type Result<J extends PoolJob> = JobResult<J extends { kind: 'analyze' } ? { kind: 'analyze'; body: string } : { kind: 'render'; body: string; rel: string; tableId: number }>;

interface Task { job: PoolJob; slowKey: string; resolve(o: Outcome<unknown>): void }
/** `ready` once the worker has loaded its code: a job's time counts from then (start-up is slow on a busy machine). */
interface Slot { worker: Worker; task: Task | null; sentTables: Set<number>; timer: NodeJS.Timeout | null; ready: boolean }

export interface PoolOptions {
  /** Bundled worker script; without one, jobs run on this thread with no time limit (sources, not the app). */
  script: string | null;
  size?: number;
  budget?: typeof MARKDOWN_BUDGET;
}

/** Markdown work in worker threads, each job with a time limit; a job over it costs its worker. */
export class MarkdownPool {
  readonly budget: typeof MARKDOWN_BUDGET;
  private readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private readonly tableIds = new WeakMap<LinkTable, number>();
  private nextTableId = 1;
  private nextJobId = 1;
  /** Bodies that ran out of time once are not tried again (a preview re-sends the same text). */
  private readonly slow = new Set<string>();
  private readonly localTables = new TableCache();
  private closed = false;

  constructor(private readonly opts: PoolOptions) {
    this.budget = opts.budget ?? MARKDOWN_BUDGET;
    this.size = opts.size ?? Math.max(2, Math.min(4, os.availableParallelism?.() ?? 2));
  }

  /** True when jobs run in workers with the time limit. */
  get bounded(): boolean { return this.opts.script !== null; }

  run<J extends PoolJob>(job: J): Promise<Outcome<Result<J>>> {
    if (!this.opts.script) return Promise.resolve(this.runHere(job) as Outcome<Result<J>>);
    const slowKey = crypto.createHash('sha1').update(job.kind).update('\0').update(job.body).digest('hex');
    if (this.slow.has(slowKey)) return Promise.resolve(this.tooSlow(budgetFor(job.body, this.budget)));
    return new Promise((resolve) => {
      this.queue.push({ job, slowKey, resolve: resolve as Task['resolve'] });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.queue.splice(0)) t.resolve({ ok: false, reason: 'failed', message: 'closed' });
    await Promise.all(this.slots.splice(0).map((s) => { if (s.timer) clearTimeout(s.timer); s.task?.resolve({ ok: false, reason: 'failed', message: 'closed' }); return s.worker.terminate(); }));
  }

  private runHere(job: PoolJob): Outcome<unknown> {
    try {
      return { ok: true, value: runJob(this.wire(job, null), this.localTables) };
    } catch (err) {
      return { ok: false, reason: 'failed', message: (err as Error).message };
    }
  }

  private tooSlow<T>(ms: number): Outcome<T> {
    return { ok: false, reason: 'too-slow', message: `took longer than the ${(ms / 1000).toFixed(1)} s allowed for its length` };
  }

  /** The job as sent: a table goes to each worker once, then only its id. */
  private wire(job: PoolJob, slot: Slot | null): MarkdownJob {
    if (job.kind === 'analyze') return job;
    let id = this.tableIds.get(job.table);
    if (!id) this.tableIds.set(job.table, (id = this.nextTableId++));
    const send = slot ? !slot.sentTables.has(id) : true;
    slot?.sentTables.add(id);
    return { kind: 'render', body: job.body, rel: job.rel, tableId: id, table: send ? job.table : undefined };
  }

  private pump(): void {
    while (this.queue.length && !this.closed) {
      let slot = this.slots.find((s) => !s.task);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      this.start(slot, this.queue.shift()!);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.opts.script!);
    const slot: Slot = { worker, task: null, sentTables: new Set(), timer: null, ready: false };
    worker.on('message', (reply: WorkerReply | { ready: true }) => {
      if ('ready' in reply) {
        slot.ready = true;
        if (slot.task) this.arm(slot, slot.task);
        return;
      }
      const task = slot.task;
      if (!task) return;
      this.finish(slot, reply.ok ? { ok: true, value: reply.value } : { ok: false, reason: 'failed', message: reply.message });
    });
    // A worker that dies (out of memory, a bug) fails its job; the next job gets a new worker.
    const lost = (message: string) => {
      this.drop(slot);
      if (slot.task) this.finish(slot, { ok: false, reason: 'failed', message });
    };
    worker.on('error', (err) => lost(err.message));
    worker.on('exit', (code) => lost(`markdown worker exited (${code})`));
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private start(slot: Slot, task: Task): void {
    slot.task = task;
    slot.worker.ref();
    if (slot.ready) this.arm(slot, task);
    slot.worker.postMessage({ id: this.nextJobId++, job: this.wire(task.job, slot) });
  }

  private arm(slot: Slot, task: Task): void {
    const ms = budgetFor(task.job.body, this.budget);
    slot.timer = setTimeout(() => {
      // marked cannot be interrupted: the worker goes, and a fresh one takes the next job.
      this.slow.add(task.slowKey);
      if (this.slow.size > 256) this.slow.delete(this.slow.values().next().value!);
      this.drop(slot);
      void slot.worker.terminate();
      this.finish(slot, this.tooSlow(ms));
    }, ms);
  }

  private finish(slot: Slot, outcome: Outcome<unknown>): void {
    const task = slot.task;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.task = null;
    slot.worker.unref();
    task?.resolve(outcome);
    this.pump();
  }

  private drop(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
  }
}

/** The bundled worker next to the bundle that runs this code (dist/node/), or one named by the environment. */
export function defaultWorkerScript(): string | null {
  const candidates = [process.env.HANDBOOK_MARKDOWN_WORKER, path.join(path.dirname(fileURLToPath(import.meta.url)), 'markdown-worker.js')];
  return candidates.find((c): c is string => !!c && fs.existsSync(c)) ?? null;
}

let shared: MarkdownPool | null = null;
/** One pool per process: its workers are idle (and unreferenced) between jobs. */
export function markdownPool(): MarkdownPool {
  return (shared ??= new MarkdownPool({ script: defaultWorkerScript() }));
}
