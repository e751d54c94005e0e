import http from 'isomorphic-git/http/node';
import type { GitCredentials } from './credentials.js';
import { TeamError } from './errors.js';

/**
 * The server address a person typed. Only http(s); user names or passwords inside the URL are
 * refused, because the URL is written to the checkout's `.git/config` (the content folder) and
 * credentials must live in the data folder only.
 */
export function checkUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    throw new TeamError('bad_url', 'the server address is not a URL (expected http://… or https://…)');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new TeamError('bad_url', 'the server address must start with http:// or https://');
  if (u.username || u.password) throw new TeamError('bad_url', 'put the user name and password in their own fields, not in the address');
  u.hash = '';
  return u.toString().replace(/\/$/, '');
}

/** The address as shown to people and logs: no query (tokens sometimes travel there). */
export const displayUrl = (url: string) => url.replace(/[?#].*$/, '');

/**
 * Options every network call shares. Credentials are handed to isomorphic-git when the server asks
 * (HTTP 401) and only once: a refusal ends the call instead of asking again.
 */
export function network(creds: GitCredentials | null) {
  return {
    http,
    onAuth: () => (creds ? { username: creds.username, password: creds.password } : { cancel: true }),
    onAuthFailure: () => ({ cancel: true }),
  };
}
