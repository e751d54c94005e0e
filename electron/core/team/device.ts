import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * This data folder's device id: the name of the records files this PC alone writes
 * (`records/<profileId>/<deviceId>.json`). Made once, on first use, and kept in `device.json`.
 */
export function deviceIdOf(dataDir: string): string {
  const file = path.join(dataDir, 'device.json');
  try {
    const id = (JSON.parse(fs.readFileSync(file, 'utf8')) as { deviceId?: unknown }).deviceId;
    if (typeof id === 'string' && SAFE_ID.test(id)) return id;
  } catch { /* first use */ }
  const id = 'd-' + crypto.randomBytes(8).toString('hex');
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ deviceId: id }) + '\n', { flag: 'wx' });
  return id;
}

/** Profile and device ids as they may appear in a records path: no separators, no dots. */
export const SAFE_ID = /^[A-Za-z0-9_-]{1,80}$/;
