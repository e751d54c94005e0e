import type { ErrorCode, WireError } from '../../contract.js';

type Params = Record<string, string | number>;

/**
 * An error meant for the person using the app. The message is English (logs, the CLI); `key` and
 * `params` let the UI say the same thing in the person's language.
 */
export class HandbookError extends Error {
  constructor(readonly code: ErrorCode, message: string, readonly key?: string, readonly params?: Params) {
    super(message);
    this.name = 'HandbookError';
  }
}

/** The UI says a generic “not found (deleted or moved?)”: `what` is for logs and the CLI. */
export const notFound = (what: string) => new HandbookError('not_found', `${what} not found`, 'notFound');
export const badRequest = (message: string, key?: string, params?: Params) => new HandbookError('bad_request', message, key, params);

/** Turns anything thrown into what crosses the wire; internals never leak a stack. */
export function toWireError(err: unknown): WireError {
  if (err instanceof HandbookError) {
    return { code: err.code, message: err.message, ...(err.key ? { key: err.key } : {}), ...(err.params ? { params: err.params } : {}) };
  }
  return { code: 'internal', message: 'Internal error: ' + withoutPaths(err) };
}

/**
 * What an unexpected error may say over the API: a file-system error by its code and operation,
 * anything else with absolute paths cut out (they name the user's folders, and help no one there).
 */
function withoutPaths(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e && typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code)) return `${e.syscall ?? 'file operation'} failed (${e.code})`;
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/(?<![\w.~-])(?:[A-Za-z]:\\|\\\\|\/)[^\s'"`,;]*/g, (m) => (m.length > 1 && /[\\/]\w/.test(m) ? '<path>' : m));
}
