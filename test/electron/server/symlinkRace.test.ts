import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/index';
import { startServer, type RunningServer } from '../../../electron/server/http-server';
import { FIXTURE_PACK } from '../../contract/harness';
import { startFlipper } from '../../support/flipper';

const TOKEN = 'symlink-race-token-abcdefghijk';
let core: Core;
let server: RunningServer;
let contentDir: string;
let outsideDir: string;

beforeAll(async () => {
  contentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-race-pack-'));
  fs.cpSync(FIXTURE_PACK, contentDir, { recursive: true });
  outsideDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-race-outside-'));
  fs.writeFileSync(path.join(outsideDir, 'race.txt'), 'SECRET outside the pack');
  fs.writeFileSync(path.join(contentDir, 'assets', 'race.txt'), 'inside');
  fs.mkdirSync(path.join(contentDir, 'assets', 'racedir'));
  fs.writeFileSync(path.join(contentDir, 'assets', 'racedir', 'race.txt'), 'inside');
  core = await createCore({ contentDir, dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'hb-race-data-')) });
  const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-race-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>app</title>');
  server = await startServer({ api: core, contentDir: () => core.contentDir, staticDir, token: TOKEN });
});
afterAll(async () => {
  await server.close();
  await core.close();
});

/** Reads the route as fast as one client can, for a bounded time; counts answers by content. */
async function hammer(route: string, ms: number): Promise<{ inside: number; outside: number; refused: number }> {
  const counts = { inside: 0, outside: 0, refused: 0 };
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const r = await fetch(`http://127.0.0.1:${server.port}/${route}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    const body = await r.text();
    if (r.status !== 200) counts.refused++;
    else if (body.includes('SECRET')) counts.outside++;
    else counts.inside++;
  }
  return counts;
}

describe('pack-file reads while the path is swapped for a symbolic link', () => {
  it('never serves the file a flipped link points to', async () => {
    const flipper = startFlipper({ kind: 'file', target: path.join(contentDir, 'assets', 'race.txt'), outside: path.join(outsideDir, 'race.txt') });
    const counts = await hammer('pack-file/assets/race.txt', 4000);
    const flips = await flipper.stop();
    expect(flips).toBeGreaterThan(10); // the race ran (a busy machine flips less often)
    expect(counts.inside + counts.refused).toBeGreaterThan(50);
    expect(counts.outside).toBe(0);
  }, 30_000);

  it('never serves a file below a folder flipped to a link', async () => {
    const flipper = startFlipper({ kind: 'dir', target: path.join(contentDir, 'assets', 'racedir'), outside: outsideDir });
    const counts = await hammer('pack-file/assets/racedir/race.txt', 4000);
    const flips = await flipper.stop();
    expect(flips).toBeGreaterThan(10); // the race ran (a busy machine flips less often)
    expect(counts.inside + counts.refused).toBeGreaterThan(50);
    expect(counts.outside).toBe(0);
  }, 30_000);
});
