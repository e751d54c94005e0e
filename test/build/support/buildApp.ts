import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The app as `npm run build` makes it, in a throw-away folder laid out like the project (so the
 * shared dist/ that other tests read is never rebuilt under them): package.json, dist/renderer,
 * dist/node, the sample pack, and node_modules linked in. Returns the folder.
 */
export function buildApp(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-app-'));
  fs.copyFileSync('package.json', path.join(root, 'package.json'));
  fs.cpSync('content', path.join(root, 'content'), { recursive: true });
  fs.symlinkSync(fs.realpathSync('node_modules'), path.join(root, 'node_modules'), 'junction');
  run(['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn', '--emptyOutDir', '--outDir', path.join(root, 'dist', 'renderer')]);
  buildNodeBundles(path.join(root, 'dist', 'node'));
  return root;
}

/** Only what scripts/build-node.mjs makes (main, preload, worker, CLI), into `outdir`. */
export function buildNodeBundles(outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-node-'))): string {
  run(['scripts/build-node.mjs', `--outdir=${outdir}`]);
  return outdir;
}

const run = (args: string[]) => execFileSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 240_000 });
