import { build } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Bundles the markdown worker once per run, as scripts/build-node.mjs does for the app, so tests
 * parse markdown in real workers with the real time limit (sources cannot be loaded by a worker).
 */
export default async function setup(): Promise<() => void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handbook-md-worker-'));
  const outfile = path.join(dir, 'markdown-worker.js');
  await build({ entryPoints: ['electron/core/content/markdownWorker.ts'], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'silent',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  process.env.HANDBOOK_MARKDOWN_WORKER = outfile;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
