import { afterEach, beforeEach } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HandbookApi } from '../../electron/contract';
import { createCore } from '../../electron/core/index';
import { startServer } from '../../electron/server/http-server';
import { createClient } from '../../renderer/src/api/client';

export const FIXTURE_PACK = path.resolve('test/fixtures/contract-pack');

export interface Harness { api: HandbookApi; close(): Promise<void> }
export type HarnessFactory = () => Promise<Harness>;

const tempDir = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

/** The core called directly, as the Electron main process does. */
export const direct: HarnessFactory = async () => {
  const core = await createCore({ contentDir: FIXTURE_PACK, dataDir: tempDir('hb-contract-') });
  return { api: core, close: () => core.close() };
};

/** The same core behind the real HTTP server, called with fetch, as browser mode does. */
export const overHttp: HarnessFactory = async () => {
  const core = await createCore({ contentDir: FIXTURE_PACK, dataDir: tempDir('hb-contract-http-') });
  const staticDir = tempDir('hb-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  const server = await startServer({ api: core, contentDir: () => core.contentDir, staticDir, token: 'contract-test-token-0123456789' });
  const api = createClient(async (method, arg) => {
    const res = await fetch(`http://127.0.0.1:${server.port}/api/${method}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(arg),
    });
    return res.json();
  });
  return { api, close: async () => { await server.close(); await core.close(); } };
};

/**
 * A fresh harness per test (opened before, closed after), behind an API object that always calls
 * the current one — so a suite reads `api.x()` whatever the transport.
 */
export function useHarness(factory: HarnessFactory): HandbookApi {
  let h: Harness | null = null;
  beforeEach(async () => {
    h = await factory();
  });
  afterEach(async () => {
    await h?.close();
    h = null;
  });
  return new Proxy({} as HandbookApi, { get: (_t, method) => (h!.api as unknown as Record<string | symbol, unknown>)[method] });
}
