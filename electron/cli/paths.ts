import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The installed package's folder: found upwards, so it works from the sources and from dist/. */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  return dir;
}

export const defaultContentDir = () => path.join(packageRoot(), 'content');
export const defaultDataDir = () => process.env.HANDBOOK_DATA ?? path.join(os.homedir(), '.handbook');
export const rendererDir = () => path.join(packageRoot(), 'dist', 'renderer');
export const searchWorkerFile = () => path.join(packageRoot(), 'dist', 'node', 'search-worker.js');
