import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/index';
import { startServer, type RunningServer } from '../../../electron/server/http-server';
import { FIXTURE_PACK } from '../../contract/harness';

const TOKEN = 'server-test-token-abcdefghijkl';
let core: Core;
let server: RunningServer;
let contentDir: string;

/** Raw request so Host and Origin can be forged, as a DNS-rebinding or cross-site page would. */
function request(opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, method: opts.method ?? 'GET', path: opts.path, headers: { Host: `127.0.0.1:${server.port}`, ...opts.headers } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}
const auth = { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' };

beforeAll(async () => {
  contentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-srv-pack-'));
  fs.cpSync(FIXTURE_PACK, contentDir, { recursive: true });
  fs.symlinkSync('/etc/hostname', path.join(contentDir, 'assets', 'leak.png'));
  fs.writeFileSync(path.join(os.tmpdir(), 'outside-secret.png'), 'secret');
  core = await createCore({ contentDir, dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'hb-srv-')) });
  const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-srv-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>app</title>');
  server = await startServer({ api: core, contentDir: () => core.contentDir, staticDir, token: TOKEN });
});
afterAll(async () => {
  await server.close();
  await core.close();
});

describe('browser-mode server', () => {
  it('binds to loopback and prints the URL with its token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${TOKEN}`);
  });

  it('answers an API call with the token in the envelope format', async () => {
    const r = await request({ method: 'POST', path: '/api/getAppInfo', headers: auth, body: '{}' });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, data: { pack: { id: 'contract-fixture' } } });
  });

  it('refuses API calls without the token, or with a wrong one (401)', async () => {
    expect((await request({ method: 'POST', path: '/api/listProfiles', body: '{}' })).status).toBe(401);
    const wrong = await request({ method: 'POST', path: '/api/listProfiles', headers: { Authorization: 'Bearer nope' }, body: '{}' });
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses a foreign Origin (403) even with the token', async () => {
    const r = await request({ method: 'POST', path: '/api/listProfiles', headers: { ...auth, Origin: 'http://evil.example' }, body: '{}' });
    expect(r.status).toBe(403);
  });

  it('refuses a foreign Host (DNS rebinding) with 403', async () => {
    const r = await request({ method: 'POST', path: '/api/listProfiles', headers: { ...auth, Host: `evil.example:${server.port}` }, body: '{}' });
    expect(r.status).toBe(403);
  });

  it('accepts its own Origin', async () => {
    const r = await request({ method: 'POST', path: '/api/listProfiles', headers: { ...auth, Origin: `http://127.0.0.1:${server.port}` }, body: '{}' });
    expect(r.status).toBe(200);
  });

  it('answers malformed JSON with 400 and unknown methods with 404', async () => {
    const bad = await request({ method: 'POST', path: '/api/listProfiles', headers: auth, body: '{not json' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.code).toBe('bad_request');
    expect((await request({ method: 'POST', path: '/api/constructor', headers: auth, body: '{}' })).status).toBe(404);
    expect((await request({ method: 'POST', path: '/api/__proto__', headers: auth, body: '{}' })).status).toBe(404);
  });

  it('refuses oversized bodies with 413', async () => {
    const r = await request({ method: 'POST', path: '/api/search', headers: auth, body: JSON.stringify({ query: 'x'.repeat(1_100_000) }) });
    expect(r.status).toBe(413);
  });

  it('swaps the launch token for an HttpOnly cookie, which then authenticates', async () => {
    const r = await request({ path: `/?token=${TOKEN}` });
    expect(r.status).toBe(302);
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await request({ path: '/', headers: { Cookie: cookie.split(';')[0] } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const api = await request({ method: 'POST', path: '/api/listProfiles', headers: { Cookie: cookie.split(';')[0] }, body: '{}' });
    expect(api.status).toBe(200);
    expect((await request({ path: '/' })).status).toBe(401);
    expect((await request({ path: '/?token=wrong' })).status).toBe(401);
  });

  it('serves pack files but nothing outside the pack', async () => {
    const ok = await request({ path: '/pack-file/assets/flow.svg', headers: auth });
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toBe('image/svg+xml');
    expect(ok.headers['content-security-policy']).toContain('sandbox');
    for (const p of [
      '/pack-file/..%2F..%2F..%2Fetc%2Fhostname', '/pack-file/assets/..%2F..%2Foutside-secret.png', '/pack-file/assets%5C..%5Chandbook.yaml',
      '/pack-file/assets/flow.svg%00.png', '/pack-file/assets/leak.png', '/pack-file/handbook.yaml', '/pack-file/articles/cs/refunds.md',
      '/pack-file/%2Fetc%2Fhostname',
    ]) {
      expect((await request({ path: p, headers: auth })).status, p).toBe(404);
    }
    expect((await request({ path: '/pack-file/assets/flow.svg' })).status).toBe(401);
  });

  it('serves no static file outside the renderer folder', async () => {
    expect((await request({ path: '/..%2F..%2Fetc%2Fpasswd' })).status).toBe(404);
    expect((await request({ path: '/%2e%2e/%2e%2e/etc/passwd' })).status).toBe(404);
  });
});
