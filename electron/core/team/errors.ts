import { HandbookError } from '../api/errors.js';
import type { ErrorCode, TeamReasonCode } from '../../contract.js';

/**
 * Why a team operation could not finish (the reasons are listed in the contract). Each reason has a sentence in the UI's dictionaries
 * (`team.reason.<reason>`), and the CLI maps it to an exit code (see `exitCodeFor`).
 */
export type TeamReason = TeamReasonCode;

const codes: Record<TeamReason, ErrorCode> = {
  auth: 'forbidden', forbidden: 'forbidden', unreachable: 'unavailable', no_repository: 'not_found',
  not_pack: 'bad_request', rewritten: 'conflict', unsafe: 'bad_request', not_joined: 'bad_request',
  bad_url: 'bad_request', folder_not_empty: 'bad_request', conflict: 'conflict',
  review_gone: 'not_found',
};

export class TeamError extends HandbookError {
  constructor(readonly reason: TeamReason, message: string, params?: Record<string, string | number>) {
    super(codes[reason], message, `team.reason.${reason}`, params);
    this.name = 'TeamError';
  }
}

/**
 * Turns what isomorphic-git or the network threw into a TeamError. The message never carries the
 * URL's query, a header or a credential: only the reason and, for HTTP, the status code.
 */
export function classifyGitError(err: unknown): TeamError {
  if (err instanceof TeamError) return err;
  const e = err as { code?: string; data?: { statusCode?: number }; message?: string; cause?: { code?: string } };
  const status = e?.data?.statusCode;
  const sysCode = e?.code && /^E[A-Z]+$/.test(e.code) ? e.code : e?.cause?.code;
  if (e?.code === 'HttpError' && (status === 401 || status === 403)) return new TeamError('auth', 'the server refused the user name or password');
  if (e?.code === 'HttpError' && status === 404) return new TeamError('no_repository', 'the server has no such repository');
  if (e?.code === 'HttpError') return new TeamError('unreachable', `the server answered HTTP ${status ?? '?'}`);
  if (e?.code === 'UserCanceledError') return new TeamError('auth', 'the server refused the user name or password');
  if (sysCode && /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EPIPE|UND_ERR_SOCKET|ECONNABORTED)$/.test(sysCode)) {
    return new TeamError('unreachable', 'the server cannot be reached');
  }
  if (e?.code === 'SmartHttpError' || e?.code === 'ParseError' || e?.code === 'UnknownTransportError') {
    return new TeamError('no_repository', 'the address does not answer like a git server');
  }
  if (e?.code === 'PushRejectedError' || e?.code === 'GitPushError') return new TeamError('forbidden', 'the server refused the push');
  if (e?.code === 'NotFoundError') return new TeamError('no_repository', 'the server has no such branch');
  // Anything else: keep the class of error, never its full text (it may hold paths or URLs).
  return new TeamError('unreachable', `git failed (${e?.code ?? 'unknown error'})`);
}

/** The contract's exit codes: 0 synced, 1 a conflict waits, 2 bad usage, 3 unreachable or refused. */
export function exitCodeFor(reason: TeamReason): 1 | 2 | 3 {
  if (reason === 'conflict' || reason === 'rewritten' || reason === 'unsafe' || reason === 'not_pack') return 1;
  if (reason === 'bad_url' || reason === 'not_joined' || reason === 'folder_not_empty') return 2;
  return 3;
}

/**
 * What a push came to. "moved": the server's branch moved under this push (another PC pushed first,
 * or at the same moment, so git's receive-pack could not lock or update the ref): fetch and try
 * again. "refused": the server said no for good (a protected branch, a hook, permissions).
 * isomorphic-git reports a client-side non-fast-forward as PushRejectedError and whatever the
 * server refused as GitPushError, with receive-pack's reason per ref.
 */
export function pushOutcome(err: unknown): 'moved' | 'refused' | null {
  const e = err as { code?: string; message?: string; data?: { result?: { error?: string; refs?: Record<string, { error?: string }> } } };
  if (e?.code === 'PushRejectedError') return 'moved';
  if (e?.code !== 'GitPushError') return null;
  const said = [e.message, e.data?.result?.error, ...Object.values(e.data?.result?.refs ?? {}).map((r) => r.error)].join(' ');
  return /non-fast-forward|fetch first|stale|cannot lock|failed to update ref|incorrect old value|reference already exists/i.test(said) ? 'moved' : 'refused';
}
