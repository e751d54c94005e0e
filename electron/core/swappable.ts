import type { HandbookApi } from '../contract.js';
import { createCore, type Core, type CoreOptions } from './index.js';
import { PinGuard } from './profiles/pin.js';
import { newSessionState } from './profiles/sessions.js';
import type { HostHooks } from './host/host.js';

export interface SwappableCore {
  /** Always calls the current core: hand this to the transports. */
  readonly api: HandbookApi;
  current(): Core;
  close(): Promise<void>;
}

/**
 * A core that can be replaced by one reading another content folder (Settings → content folder),
 * without the transports noticing. The old core is closed first: it holds the data folder's lock.
 */
export async function createSwappableCore(opts: Omit<CoreOptions, 'host' | 'useSavedContentDir'>, hooks: Omit<HostHooks, 'switchContentFolder'> = {}): Promise<SwappableCore> {
  let core: Core;
  // Switching the content folder does not lock anyone out or end a lock-out: sessions are about the data folder.
  const sessionState = opts.sessionState ?? newSessionState(new PinGuard());
  const host: HostHooks = {
    ...hooks,
    async switchContentFolder() {
      await core.close();
      // The new folder was saved in the settings; the new core reads it from there.
      core = await createCore({ ...opts, host, useSavedContentDir: true, sessionState });
    },
  };
  core = await createCore({ ...opts, host, useSavedContentDir: true, sessionState });
  const api = new Proxy({} as HandbookApi, { get: (_t, method) => (core as unknown as Record<string | symbol, unknown>)[method] });
  return { api, current: () => core, close: () => core.close() };
}
