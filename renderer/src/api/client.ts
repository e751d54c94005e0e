import type { Envelope, HandbookApi, MethodName, Request, Responses } from '../../../electron/contract';

/** An error the API reported, with its wire code; the message is meant for people. */
export class ApiError extends Error {
  constructor(readonly code: string, message: string, readonly key?: string, readonly params?: Record<string, string | number>) {
    super(message);
  }
}

/** Sends one call and returns the envelope. Each transport implements only this. */
export type Send = (method: MethodName, arg: unknown) => Promise<Envelope<unknown>>;

/** The typed API on top of a transport: unwraps envelopes, throws ApiError on failure. */
export function createClient(send: Send): HandbookApi {
  return new Proxy({} as HandbookApi, {
    get: (_t, method: string) => async (arg: unknown) => {
      const env = await send(method as MethodName, arg ?? {});
      if (!env.ok) throw new ApiError(env.error.code, env.error.message, env.error.key, env.error.params);
      return env.data;
    },
  });
}

export type Api = HandbookApi;
export type { Request, Responses };
