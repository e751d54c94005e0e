import { parentPort } from 'node:worker_threads';
import { runJob, TableCache, type MarkdownJob, type WorkerReply } from './markdownJobs.js';

/*
 * Worker entry (bundled to dist/node/markdown-worker.js): parses and renders markdown off the main
 * thread, so a file that takes marked minutes costs the app one terminated worker, not a frozen server.
 */
const port = parentPort;
const tables = new TableCache();
if (port) {
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
