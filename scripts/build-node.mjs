// Bundles everything that runs in Node (CLI/server, Electron main, preload, search worker) into dist/node.
import { build } from 'esbuild';
import fs from 'node:fs';

const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  define: { __HANDBOOK_VERSION__: JSON.stringify(pkg.version) },
};
const esm = { ...common, format: 'esm', packages: 'external', banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } };

const entries = [
  { ...esm, entryPoints: ['electron/cli/entry.ts'], outfile: 'dist/node/cli.js' },
  { ...esm, entryPoints: ['electron/main/main.ts'], outfile: 'dist/node/main.js' },
  // A sandboxed preload cannot load modules from disk: bundle everything but electron, as CommonJS.
  { ...common, format: 'cjs', entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/node/preload.cjs', external: ['electron'] },
];
if (fs.existsSync('electron/core/search/worker.ts')) entries.push({ ...esm, entryPoints: ['electron/core/search/worker.ts'], outfile: 'dist/node/search-worker.js' });
entries.push({ ...esm, entryPoints: ['electron/core/content/markdownWorker.ts'], outfile: 'dist/node/markdown-worker.js' });
await Promise.all(entries.map((e) => build(e)));
