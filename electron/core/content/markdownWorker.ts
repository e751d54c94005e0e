import fs from 'node:fs';
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { runJob, TableCache, type MarkdownJob, type WorkerReply } from './markdownJobs.js';

/*
 * Worker entry (bundled to dist/node/markdown-worker.js): parses and renders markdown off the main
 * thread, so a file that takes marked minutes costs the app one terminated worker, not a frozen server.
 */
const port = parentPort;
const tables = new TableCache();

/**
 * A hostile file keeps this thread busy until its time limit; on a 2-core PC it then competes with the
 * server's own thread for a core. On Linux a thread has its own id and priority: this worker lowers
 * its own (never the process's), so the thread that answers requests wins the CPU. Elsewhere Node
 * offers only process priorities, and the worker keeps the normal one.
 */
function yieldCpuToTheServer(): void {
  if (process.platform !== 'linux') return;
  try {
    const tid = Number(/task\/(\d+)$/.exec(fs.readlinkSync('/proc/thread-self'))?.[1]);
    if (Number.isInteger(tid) && tid !== process.pid) os.setPriority(tid, 10);
  } catch { /* no /proc, or not allowed: the normal priority */ }
}

if (port) {
  yieldCpuToTheServer();
  port.on('message', ({ id, job }: { id: number; job: MarkdownJob }) => {
    let reply: WorkerReply;
    try {
      reply = { id, ok: true, value: runJob(job, tables) };
    } catch (err) {
      reply = { id, ok: false, message: err instanceof Error ? err.message : String(err) };
    }
    port.postMessage(reply);
  });
  port.postMessage({ ready: true });
}
