import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser';
import { startServe, type ServeHandle } from './server';

/**
 * One real `handbook serve` and one Chromium for a test file, started before its tests and
 * stopped after them. Read `.serve` and `.browser` inside tests (they exist once beforeAll ran).
 */
export function useServeAndBrowser(opts: Parameters<typeof startServe>[0] = {}): { serve: ServeHandle; browser: Browser } {
  const handle = {} as { serve: ServeHandle; browser: Browser };
  beforeAll(async () => {
    handle.serve = await startServe(opts);
    handle.browser = await launchBrowser();
  });
  afterAll(async () => {
    await handle.browser?.close();
    await handle.serve?.stop();
  });
  return handle;
}
