import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import type { ErrorCode, HandbookApi } from '../contract.js';
import { dispatch } from '../core/api/dispatch.js';
import { PACK_FILE_ROUTE } from '../core/content/links.js';
import { PACK_FILE_HEADERS, readServedFile } from '../core/content/servedFiles.js';
import { CONTENT_SECURITY_POLICY } from '../csp.js';
import { hasToken, isOwnOrigin, newToken, TOKEN_COOKIE } from './guard.js';

export interface ServerOptions {
  api: HandbookApi;
  contentDir: () => string;
  /** Built renderer (index.html and its assets). */
  staticDir: string;
  host?: string;
  port?: number;
  /** Fixed token; a random one per launch otherwise. */
  token?: string;
}

export interface RunningServer { url: string; port: number; token: string; close(): Promise<void> }

/** An API body larger than this is refused: no request of the contract comes near it. */
export const MAX_BODY_BYTES = 1024 * 1024;

const STATUS: Record<ErrorCode, number> = { bad_request: 400, not_found: 404, conflict: 409, unauthorized: 403, forbidden: 403, unavailable: 503, internal: 500 };
const STATIC_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.ico': 'image/x-icon', '.json': 'application/json',
};
const BASE_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'Cross-Origin-Resource-Policy': 'same-origin' };

function send(res: ServerResponse, status: number, body: string | Buffer, headers: Record<string, string>) {
  res.writeHead(status, { ...BASE_HEADERS, ...headers });
  res.end(body);
}
const sendJson = (res: ServerResponse, status: number, value: unknown) =>
  send(res, status, JSON.stringify(value), { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
const fail = (res: ServerResponse, status: number, code: ErrorCode, message: string) => sendJson(res, status, { ok: false, error: { code, message } });

/** Resolves null once the body passes the cap; the rest is drained and dropped, never buffered. */
function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
      else if (chunks.length) {
        chunks.length = 0;
        resolve(null);
      }
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Browser mode: the contract over HTTP plus the built renderer, on loopback, behind a per-launch token. */
export function startServer(opts: ServerOptions): Promise<RunningServer> {
  const token = opts.token ?? newToken();
  const host = opts.host ?? '127.0.0.1';
  let port = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return fail(res, 400, 'bad_request', 'malformed URL');
    }
    if (!isOwnOrigin(req, port)) return fail(res, 403, 'forbidden', 'foreign Origin or Host');

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return fail(res, 405 as never, 'bad_request', 'use POST');
      if (!hasToken(req, token)) return fail(res, 401, 'forbidden', 'missing or wrong token');
      if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return fail(res, 413, 'bad_request', 'request too large');
      const body = await readBody(req);
      if (body === null) {
        res.setHeader('Connection', 'close');
        return fail(res, 413, 'bad_request', 'request too large');
      }
      let arg: unknown = {};
      if (body.length) {
        try {
          arg = JSON.parse(body.toString('utf8'));
        } catch {
          return fail(res, 400, 'bad_request', 'malformed JSON body');
        }
      }
      const method = decodePath(url.pathname.slice(5));
      if (method === null) return fail(res, 400, 'bad_request', 'malformed URL');
      const out = await dispatch(opts.api, method, arg);
      return sendJson(res, out.ok ? 200 : STATUS[out.error.code], out);
    }

    if (url.pathname.startsWith('/' + PACK_FILE_ROUTE)) {
      if (!hasToken(req, token)) return send(res, 401, 'unauthorized', { 'Content-Type': 'text/plain' });
      const found = readServedFile(opts.contentDir(), url.pathname.slice(PACK_FILE_ROUTE.length + 1));
      if (!found) return send(res, 404, 'not found', { 'Content-Type': 'text/plain' });
      return send(res, 200, found.data, { 'Content-Type': found.type, ...PACK_FILE_HEADERS, 'Cache-Control': 'no-cache' });
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed', { 'Content-Type': 'text/plain' });

    if (url.pathname === '/' || url.pathname === '/index.html') {
      const given = url.searchParams.get('token');
      if (given !== null) {
        if (given !== token) return send(res, 401, unauthorizedPage, { 'Content-Type': 'text/html; charset=utf-8' });
        // Swap the token in the address bar for a cookie, so it is not left in history or screenshots.
        return send(res, 302, '', { Location: '/', 'Set-Cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/` });
      }
      if (!hasToken(req, token)) return send(res, 401, unauthorizedPage, { 'Content-Type': 'text/html; charset=utf-8' });
      return serveStatic(res, opts.staticDir, 'index.html');
    }
    return serveStatic(res, opts.staticDir, url.pathname.slice(1));
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => { if (!res.headersSent) fail(res, 500, 'internal', 'internal error'); });
  });
  server.requestTimeout = 30_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      port = (server.address() as { port: number }).port;
      resolve({
        url: `http://${host}:${port}/?token=${token}`,
        port,
        token,
        close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
      });
    });
  });
}

/** A percent-decoded path, or null when its escapes are malformed (`%E0%A4%A`). */
function decodePath(p: string): string | null {
  try {
    return decodeURIComponent(p);
  } catch {
    return null;
  }
}

function serveStatic(res: ServerResponse, dir: string, rel: string) {
  let name: string;
  try {
    name = decodeURIComponent(rel);
  } catch {
    return send(res, 400, 'bad path', { 'Content-Type': 'text/plain' });
  }
  const file = path.resolve(dir, name);
  if (!file.startsWith(path.resolve(dir) + path.sep) || name.includes('\0') || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    return send(res, 404, 'not found', { 'Content-Type': 'text/plain' });
  }
  const type = STATIC_TYPES[path.extname(file)] ?? 'application/octet-stream';
  const headers: Record<string, string> = { 'Content-Type': type, 'Cache-Control': rel.startsWith('assets/') ? 'max-age=31536000, immutable' : 'no-cache' };
  if (type.startsWith('text/html')) headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
  send(res, 200, fs.readFileSync(file), headers);
}

const unauthorizedPage = `<!doctype html><meta charset="utf-8"><title>Handbook</title>
<body style="font:16px system-ui;max-width:40em;margin:4em auto">
<h1>需要访问令牌 · Access token needed</h1>
<p>请打开 <code>handbook serve</code> 打印的完整地址（含 <code>?token=</code>）。</p>
<p>Open the full address printed by <code>handbook serve</code> (with <code>?token=</code>).</p></body>`;
