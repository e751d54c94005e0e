import type { ErrorCode, WireError } from '../../contract.js';

/** An error meant for the person using the app: its message is shown as is. */
export class HandbookError extends Error {
  constructor(readonly code: ErrorCode, message: string) {
    super(message);
    this.name = 'HandbookError';
  }
}

export const notFound = (what: string) => new HandbookError('not_found', `${what} not found`);
export const badRequest = (message: string) => new HandbookError('bad_request', message);

/** Turns anything thrown into what crosses the wire; internals never leak a stack. */
export function toWireError(err: unknown): WireError {
  if (err instanceof HandbookError) return { code: err.code, message: err.message };
  return { code: 'internal', message: 'Internal error: ' + (err instanceof Error ? err.message : String(err)) };
}
