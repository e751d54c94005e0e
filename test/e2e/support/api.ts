import type { Page } from 'playwright-core';
import type { ServeHandle } from './server.js';

/** One API call to a `handbook serve`, as a tool outside the page makes it (with the serve token). */
export async function callServe<T>(serve: Pick<ServeHandle, 'origin' | 'token'>, method: string, arg: unknown = {}): Promise<T> {
  const res = await fetch(`${serve.origin}/api/${method}`, { method: 'POST', headers: { Authorization: `Bearer ${serve.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(arg) });
  const env = await res.json();
  if (!env.ok) throw new Error(`${method}: ${env.error.message}`);
  return env.data as T;
}

/** One API call made by the page itself (its own origin and cookie), as the UI makes it. */
export async function callFromPage<T>(page: Page, method: string, arg: unknown): Promise<T> {
  const env = await page.evaluate(async ([m, a]) => (await fetch(`api/${m}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(a) })).json(), [method, arg] as const);
  if (!env.ok) throw new Error(`${method}: ${env.error.message}`);
  return env.data as T;
}
