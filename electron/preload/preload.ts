import { contextBridge, ipcRenderer } from 'electron';
import { methodNames } from '../contract.js';

/**
 * `window.handbook`: one function per contract method, each invoking exactly its own channel.
 * ipcRenderer itself is never exposed.
 */
const api = Object.fromEntries(
  methodNames.map((method) => [method, (arg: unknown) => ipcRenderer.invoke(`handbook:${method}`, arg ?? {})]),
);
contextBridge.exposeInMainWorld('handbook', Object.freeze(api));
