import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { HandbookApi } from '../contract.js';
import { dispatch } from '../core/api/dispatch.js';
import { channelOf, METHOD_NAMES } from '../ipcChannels.js';
import { isAppUrl } from './origin.js';

export { channelOf };

/** Only our own top-level page may call the API: not a frame, not a page that navigated elsewhere. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  return !!frame && frame.parent === null && isAppUrl(frame.url);
}

/** One handler per contract method, each checking the sender before the core sees the call. */
export function registerIpc(ipcMain: IpcMain, api: () => HandbookApi, afterCall?: (method: string) => void): void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(channelOf(method), async (event, arg: unknown) => {
      if (!isTrustedSender(event)) return { ok: false, error: { code: 'forbidden', message: 'untrusted sender' } };
      const out = await dispatch(api(), method, arg);
      afterCall?.(method);
      return out;
    });
  }
}
