// `npm run bench`: the search benchmark (ours vs lunr vs MiniSearch) and the start-up benchmark.
// Flags: --quick (search bench at small N), --startup-only, --search-only, others go to the search bench.
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

if (!args.includes('--startup-only') && !args.includes('--team-only')) {
  await bundle('bench/search-bench.ts', 'search-bench.mjs');
  run('search-bench.mjs', args.filter((a) => !a.startsWith('--search-only')));
}
if (!args.includes('--search-only') && !args.includes('--team-only')) {
  if (!fs.existsSync('dist/renderer/index.html')) spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  await bundle('bench/startup-bench.ts', 'startup-bench.mjs', ['playwright-core']);
  run('startup-bench.mjs');
}
if (!args.includes('--search-only') && !args.includes('--startup-only')) {
  await bundle('bench/team-bench.ts', 'team-bench.mjs');
  run('team-bench.mjs');
}
