import { contextBridge, ipcRenderer } from 'electron';
import { channelOf, MENU_ACTIONS, MENU_CHANNEL, METHOD_NAMES } from '../ipcChannels.js';

/*
 * Imports nothing but electron and the zod-free channel list: a sandboxed preload runs as one
 * CommonJS file with only `electron` to require (test/electron/preload/preload.test.ts runs the
 * built file that way).
 */

/**
 * `window.handbook`: one function per contract method, each invoking exactly its own channel.
 * ipcRenderer itself is never exposed.
 */
const api = Object.fromEntries(METHOD_NAMES.map((method) => [method, (arg: unknown) => ipcRenderer.invoke(channelOf(method), arg ?? {})]));
contextBridge.exposeInMainWorld('handbook', Object.freeze(api));

const menuActions: ReadonlySet<string> = new Set(MENU_ACTIONS);

/**
 * `window.handbookHost.onMenuAction(listener)`: the application menu's commands. The listener gets
 * the action's name only (never the IPC event, which would reach back into Electron); the returned
 * function unsubscribes.
 */
contextBridge.exposeInMainWorld('handbookHost', Object.freeze({
  onMenuAction(listener: (action: string) => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('onMenuAction needs a function');
    const forward = (_event: unknown, action: unknown) => {
      if (typeof action === 'string' && menuActions.has(action)) listener(action);
    };
    ipcRenderer.on(MENU_CHANNEL, forward);
    return () => { ipcRenderer.removeListener(MENU_CHANNEL, forward); };
  },
}));
