import { requests, type Envelope, type HandbookApi, type MethodName } from '../../contract.js';
import { HandbookError, toWireError } from './errors.js';

const isMethod = (name: string): name is MethodName => Object.prototype.hasOwnProperty.call(requests, name);

/**
 * The one entry point every transport uses: calls the (validating) API by name and wraps the outcome
 * in the wire envelope. Never throws.
 */
export async function dispatch(api: HandbookApi, method: string, arg: unknown): Promise<Envelope<unknown>> {
  try {
    if (!isMethod(method)) throw new HandbookError('not_found', `unknown method: ${method}`);
    const call = api[method] as (a: unknown) => Promise<unknown>;
    return { ok: true, data: await call(arg ?? {}) };
  } catch (err) {
    return { ok: false, error: toWireError(err) };
  }
}
