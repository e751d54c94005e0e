import { requests, type Envelope, type HandbookApi, type MethodName } from '../../contract.js';
import { HandbookError, toWireError } from './errors.js';

const isMethod = (name: string): name is MethodName => Object.prototype.hasOwnProperty.call(requests, name);

/**
 * The one entry point every transport uses: validates the argument against the contract's schema,
 * calls the core and wraps the outcome in the wire envelope. Never throws.
 */
export async function dispatch(api: HandbookApi, method: string, arg: unknown): Promise<Envelope<unknown>> {
  try {
    if (!isMethod(method)) throw new HandbookError('not_found', `unknown method: ${method}`);
    const parsed = requests[method].safeParse(arg ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue.path.length ? issue.path.join('.') + ': ' : '';
      throw new HandbookError('bad_request', `${method}: ${where}${issue.message}`);
    }
    const call = api[method] as (a: unknown) => Promise<unknown>;
    return { ok: true, data: await call(parsed.data) };
  } catch (err) {
    return { ok: false, error: toWireError(err) };
  }
}
