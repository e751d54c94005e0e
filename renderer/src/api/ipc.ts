import type { Envelope, MethodName } from '../../../electron/contract';
import type { Send } from './client';

type Bridge = Record<MethodName, (arg: unknown) => Promise<Envelope<unknown>>>;

/** The preload's `window.handbook`, when running inside Electron. */
export const bridge = (): Bridge | undefined => (window as unknown as { handbook?: Bridge }).handbook;

/** Electron: one preload method per contract method. */
export const ipcSend: Send = (method, arg) => bridge()![method](arg);
