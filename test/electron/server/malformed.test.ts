import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toWireError } from '../../../electron/core/api/errors';
import { createCore, type Core } from '../../../electron/core/index';
import { startServer, type RunningServer } from '../../../electron/server/http-server';
import { FIXTURE_PACK } from '../../contract/harness';

const TOKEN = 'malformed-url-token-abcdefghij';
let core: Core;
let server: RunningServer;

/** A raw request: fetch would normalise the path before sending it. */
function raw(method: string, urlPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, method, path: urlPath, headers: { Host: `127.0.0.1:${server.port}`, Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end(method === 'POST' ? '{}' : undefined);
  });
}

beforeAll(async () => {
  const contentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-malformed-pack-'));
  fs.cpSync(FIXTURE_PACK, contentDir, { recursive: true });
  core = await createCore({ contentDir, dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'hb-malformed-data-')) });
  const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-malformed-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>app</title>');
  server = await startServer({ api: core, contentDir: () => core.contentDir, staticDir, token: TOKEN });
});
afterAll(async () => {
  await server.close();
  await core.close();
});

describe('malformed URLs', () => {
  it('answer 400, not 500, on the API, the pack-file route and static files', async () => {
    const api = await raw('POST', '/api/%E0%A4%A');
    expect(api.status).toBe(400);
    expect(JSON.parse(api.body)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect((await raw('GET', '/pack-file/%E0%A4%A')).status).toBe(404);
    expect((await raw('GET', '/assets/%E0%A4%A')).status).toBe(400);
    // The server still answers afterwards.
    expect((await raw('POST', '/api/getAppInfo')).status).toBe(200);
  });
});

describe('internal errors over the API', () => {
  it('never carry an absolute path', () => {
    let fsError: unknown;
    try { fs.renameSync(path.join(os.tmpdir(), 'hb-no-such', 'a'), path.join(os.tmpdir(), 'b')); } catch (e) { fsError = e; }
    expect(toWireError(fsError)).toEqual({ code: 'internal', message: 'Internal error: rename failed (ENOENT)' });
    const other = toWireError(new Error(`cannot open '/home/ann/.handbook/x.json' nor C:\\Users\\ann\\x.json; a/b stays`));
    expect(other.message).toBe("Internal error: cannot open '<path>' nor <path>; a/b stays");
  });
});
