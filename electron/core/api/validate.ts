import { methodNames, requests, type HandbookApi, type Handlers, type MethodName } from '../../contract.js';
import { HandbookError } from './errors.js';

/** Validates one argument against its method's schema; the message names the field. */
export function parseRequest(method: MethodName, arg: unknown): unknown {
  const parsed = requests[method].safeParse(arg ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  // A missing or malformed session token means "who are you?", not a bad field: the caller is refused the same way on every method.
  if (issue.path[0] === 'token') throw new HandbookError('unauthorized', `${method}: this needs a session (a profile's, or a trainer's for trainer-only methods)`, 'sessionNeeded');
  const where = issue.path.length ? issue.path.join('.') + ': ' : '';
  // Keyed by field (invalid.pin, invalid.name…): the UI knows what each field needs in both languages.
  throw new HandbookError('bad_request', `${method}: ${where}${issue.message}`, `invalid.${String(issue.path[0] ?? 'request')}`, { field: issue.path.join('.') });
}

/**
 * Wraps handlers so every call, whichever transport it came by (or none), is validated first.
 * Handlers therefore receive parsed, trimmed, defaulted arguments.
 */
export function withValidation(handlers: Handlers): HandbookApi {
  const api = {} as Record<MethodName, (arg: unknown) => Promise<unknown>>;
  for (const method of methodNames) {
    const handler = handlers[method] as (arg: unknown) => Promise<unknown>;
    api[method] = async (arg: unknown) => handler(parseRequest(method, arg));
  }
  return api as HandbookApi;
}
