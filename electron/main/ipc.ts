import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { methodNames, type HandbookApi } from '../contract.js';
import { dispatch } from '../core/api/dispatch.js';
import { isAppUrl } from './origin.js';

export const channelOf = (method: string) => `handbook:${method}`;

/** Only our own top-level page may call the API: not a frame, not a page that navigated elsewhere. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  return !!frame && frame.parent === null && isAppUrl(frame.url);
}

/** One handler per contract method, each checking the sender before the core sees the call. */
export function registerIpc(ipcMain: IpcMain, api: () => HandbookApi, afterCall?: (method: string) => void): void {
  for (const method of methodNames) {
    ipcMain.handle(channelOf(method), async (event, arg: unknown) => {
      if (!isTrustedSender(event)) return { ok: false, error: { code: 'forbidden', message: 'untrusted sender' } };
      const out = await dispatch(api(), method, arg);
      afterCall?.(method);
      return out;
    });
  }
}
