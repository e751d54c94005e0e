import fs from 'node:fs';
import path from 'node:path';
import type { Protocol } from 'electron';
import { PACK_FILE_ROUTE } from '../core/content/links.js';
import { PACK_FILE_HEADERS, readServedFile } from '../core/content/servedFiles.js';
import { CONTENT_SECURITY_POLICY } from '../csp.js';
import { APP_HOST, APP_SCHEME } from './origin.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.json': 'application/json',
};

/** Must run before `app.whenReady`: the scheme behaves like https (secure, standard, fetch). */
export const privilegedSchemes = [{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }];

const notFound = () => new Response('not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });

/** Serves the built renderer and the pack's files on app://handbook/ — never file://. */
export function createAppProtocolHandler(rendererDir: string, contentDir: () => string) {
  const root = path.resolve(rendererDir);
  return async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return notFound();
    const pathname = url.pathname;
    if (pathname.startsWith('/' + PACK_FILE_ROUTE)) {
      const found = readServedFile(contentDir(), pathname.slice(PACK_FILE_ROUTE.length + 1));
      if (!found) return notFound();
      return new Response(found.data, { headers: { 'Content-Type': found.type, ...PACK_FILE_HEADERS } });
    }
    let rel: string;
    try {
      rel = decodeURIComponent(pathname === '/' ? '/index.html' : pathname).slice(1);
    } catch {
      return notFound();
    }
    const file = path.resolve(root, rel);
    if (!file.startsWith(root + path.sep) || rel.includes('\0') || !fs.existsSync(file) || !fs.statSync(file).isFile()) return notFound();
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff' };
    if (type.startsWith('text/html')) headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
    return new Response(fs.readFileSync(file), { headers });
  };
}

export function registerAppProtocol(protocol: Protocol, rendererDir: string, contentDir: () => string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir, contentDir));
}
