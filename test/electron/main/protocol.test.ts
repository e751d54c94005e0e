import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from '../../../electron/main/protocol';
import { FIXTURE_PACK } from '../../contract/harness';

const renderer = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-proto-'));
fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html>');
const handler = createAppProtocolHandler(renderer, () => FIXTURE_PACK);
const get = (url: string) => handler(new Request(url));

describe('app:// protocol', () => {
  it('serves the renderer with the strict CSP', async () => {
    const r = await get('app://handbook/index.html');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-security-policy')).toMatch(/default-src 'self'.*script-src 'self'/);
    expect(r.headers.get('content-security-policy')).not.toContain('unsafe-eval');
  });
  it('serves pack files through the path check', async () => {
    expect((await get('app://handbook/pack-file/assets/flow.svg')).status).toBe(200);
    expect((await get('app://handbook/pack-file/..%2F..%2Fpackage.json')).status).toBe(404);
    expect((await get('app://handbook/pack-file/handbook.yaml')).status).toBe(404);
  });
  it('serves nothing outside the renderer folder, nor for another host', async () => {
    expect((await get('app://handbook/..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
    expect((await get('app://other/index.html')).status).toBe(404);
  });
});
