// `npm run bench`: the search benchmark (ours vs lunr vs MiniSearch), the start-up benchmark and the
// records benchmark (the store at 50, 500 and 5,000 learners next to the single-file store).
// Flags: --quick (search bench at small N, records at 50 and 500), --search-only, --startup-only,
// --records-only, --team-only, --hostile-only, --charts-only; others go to the search bench.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-bench-'));
const bundle = (entry, file, external = []) => build({ entryPoints: [entry], external, bundle: true, platform: 'node', format: 'esm', outfile: path.join(out, file), logLevel: 'error', banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } });
// Bundles resolve nothing at run time except playwright-core, found through this link.
fs.symlinkSync(path.resolve('node_modules'), path.join(out, 'node_modules'));
const run = (file, extra = []) => {
  const r = spawnSync(process.execPath, ['--expose-gc', path.join(out, file), ...extra], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

// One part alone with --<part>-only; without one, every part runs.
const parts = ['search', 'startup', 'records', 'team', 'hostile', 'charts'];
const only = parts.find((p) => args.includes(`--${p}-only`));
const wanted = (part) => !only || only === part;

if (wanted('search')) {
  await bundle('bench/search-bench.ts', 'search-bench.mjs');
  run('search-bench.mjs', args.filter((a) => !a.endsWith('-only')));
}
if (wanted('startup')) {
  if (!fs.existsSync('dist/renderer/index.html')) spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  await bundle('bench/startup-bench.ts', 'startup-bench.mjs', ['playwright-core']);
  run('startup-bench.mjs');
}
if (wanted('records')) {
  await bundle('bench/records-bench.ts', 'records-bench.mjs');
  run('records-bench.mjs', args.filter((a) => a === '--quick'));
}
if (wanted('hostile')) {
  // The markdown pool needs its worker bundled beside the bench, as the app ships it.
  await bundle('electron/core/content/markdownWorker.ts', 'markdown-worker.js');
  await bundle('bench/hostile-bench.ts', 'hostile-bench.mjs');
  run('hostile-bench.mjs');
}
if (wanted('charts')) {
  if (!fs.existsSync('dist/renderer/index.html')) spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  await bundle('bench/charts-bench.ts', 'charts-bench.mjs', ['playwright-core']);
  run('charts-bench.mjs');
}
if (wanted('team')) {
  await bundle('bench/team-bench.ts', 'team-bench.mjs');
  run('team-bench.mjs');
}
