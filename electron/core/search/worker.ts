import { parentPort } from 'node:worker_threads';
import { SearchEngine } from './engine.js';
import type { SearchDoc } from './types.js';

/*
 * Worker entry (bundled to dist/node/search-worker.js): builds an index off the main thread and
 * sends back the serialised bytes, transferred without a copy. The main thread loads them the
 * same way as a cache file, which is also what it writes to disk.
 */

export interface BuildRequest {
  docs: SearchDoc[];
  synonyms?: string[][];
}
export type BuildMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; bytes: Uint8Array }
  | { type: 'error'; message: string };

const port = parentPort;
if (port) {
  port.on('message', (req: BuildRequest) => {
    try {
      const engine = SearchEngine.build(req.docs, { synonyms: req.synonyms }, (done, total) => {
        port.postMessage({ type: 'progress', done, total } satisfies BuildMessage);
      });
      const bytes = engine.serialize();
      port.postMessage({ type: 'done', bytes } satisfies BuildMessage, [bytes.buffer as ArrayBuffer]);
    } catch (err) {
      port.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) } satisfies BuildMessage);
    }
  });
}
