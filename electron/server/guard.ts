import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'handbook_token';

export function newToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

export function cookieToken(req: IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === TOKEN_COOKIE) return v.join('=');
  }
  return null;
}

/** The bearer header or the cookie set by opening the printed URL. */
export function hasToken(req: IncomingMessage, token: string): boolean {
  const auth = req.headers.authorization ?? '';
  const bearer = auth.startsWith('Bearer ') ? auth.slice(7).trim() : null;
  const given = bearer ?? cookieToken(req);
  return given !== null && sameSecret(given, token);
}

/**
 * Host must name this loopback server (a DNS-rebinding page arrives with its own host name) and an
 * Origin, when sent, must be this server's own.
 */
export function isOwnOrigin(req: IncomingMessage, port: number): boolean {
  const allowed = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  if (!allowed.has(req.headers.host ?? '')) return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return [...allowed].some((h) => origin === `http://${h}`);
}
