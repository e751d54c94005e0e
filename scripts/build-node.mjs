// Bundles everything that runs in Node (CLI/server, Electron main, preload, search worker) into dist/node.
// package.json's `main` names dist/node/main.js: test/build/launch.test.ts loads that file.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

// `--outdir=<dir>` builds elsewhere (the launch test builds a throw-away copy of the app).
const outdir = process.argv.find((a) => a.startsWith('--outdir='))?.slice('--outdir='.length) ?? 'dist/node';
const out = (name) => path.join(outdir, name);

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
  { ...esm, entryPoints: ['electron/cli/entry.ts'], outfile: out('cli.js') },
  { ...esm, entryPoints: ['electron/main/main.ts'], outfile: out('main.js') },
  // A sandboxed preload cannot load modules from disk: bundle everything but electron, as CommonJS.
  { ...common, format: 'cjs', entryPoints: ['electron/preload/preload.ts'], outfile: out('preload.cjs'), external: ['electron'] },
];
// The workers run from inside app.asar in the desktop app: each one self-contained (lunr,
// pinyin-pro, marked… included) so it never depends on module resolution inside the archive.
entries.push({ ...esm, packages: undefined, entryPoints: ['electron/core/search/worker.ts'], outfile: out('search-worker.js') });
entries.push({ ...esm, packages: undefined, entryPoints: ['electron/core/content/markdownWorker.ts'], outfile: out('markdown-worker.js') });
await Promise.all(entries.map((e) => build(e)));
