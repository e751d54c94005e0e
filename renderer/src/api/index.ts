import { createClient } from './client';
import { httpSend } from './http';
import { bridge, ipcSend } from './ipc';

/** The one API object the UI uses: IPC inside Electron, HTTP in a browser. */
export const api = createClient(bridge() ? ipcSend : httpSend);
export { ApiError } from './client';
