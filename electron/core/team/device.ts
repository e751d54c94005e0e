import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DEVICE_FILE } from '../store/layout.js';

/**
 * This data folder's device id: the name of the records files this PC alone writes
 * (`records/<profileId>/<deviceId>.json`). The store makes it at its first start and keeps it in
 * `device-id`; this reads the same file (and makes it the same way when team mode runs first).
 */
export function deviceIdOf(dataDir: string): string {
  const file = path.join(dataDir, DEVICE_FILE);
  try {
    const id = fs.readFileSync(file, 'utf8').trim();
    if (SAFE_ID.test(id)) return id;
  } catch { /* first use */ }
  const id = crypto.randomUUID();
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, id + '\n', { flag: 'wx' });
  return id;
}

/** Profile and device ids as they may appear in a records path: no separators, no dots. */
export const SAFE_ID = /^[A-Za-z0-9_-]{1,80}$/;
