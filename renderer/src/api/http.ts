import type { Envelope } from '../../../electron/contract';
import type { Send } from './client';

/** Browser mode: POST /api/<method>; the HttpOnly cookie set by the launch URL authenticates. */
export const httpSend: Send = async (method, arg) => {
  let res: Response;
  try {
    res = await fetch(`api/${method}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(arg),
    });
  } catch {
    return { ok: false, error: { code: 'unavailable', message: 'offline', key: 'offline' } };
  }
  if (res.status === 401) return { ok: false, error: { code: 'forbidden', message: 'token', key: 'tokenMissing' } };
  return (await res.json()) as Envelope<unknown>;
};
