import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { channelOf, MENU_CHANNEL, METHOD_NAMES } from '../../electron/ipcChannels';
import { buildNodeBundles } from './support/buildApp';

/**
 * The built preload, run the way Electron runs a sandboxed preload: one CommonJS function in a
 * context without Node's globals, whose `require` knows only `electron` and the few modules
 * Electron polyfills there (events, timers, url). Anything else it tried to load would throw.
 */
const SANDBOX_MODULES = new Set(['events', 'timers', 'url']);
let file: string;
beforeAll(() => { file = path.join(buildNodeBundles(), 'preload.cjs'); }, 120_000);

function runPreload() {
  const exposed: Record<string, any> = {};
  const invoked: Array<[string, unknown]> = [];
  const required: string[] = [];
  const ipcRenderer = Object.assign(new EventEmitter(), {
    invoke: (channel: string, arg: unknown) => { invoked.push([channel, arg]); return Promise.resolve({ ok: true, data: channel }); },
  });
  const electron = { contextBridge: { exposeInMainWorld: (key: string, value: unknown) => { exposed[key] = value; } }, ipcRenderer };
  const sandboxRequire = (id: string) => {
    required.push(id);
    if (id === 'electron') return electron;
    if (SANDBOX_MODULES.has(id)) return { events: { EventEmitter }, timers: { setTimeout, clearTimeout }, url: { URL } }[id];
    throw new Error(`module not found in a sandboxed preload: ${id}`);
  };
  const context = vm.createContext({ console });
  const wrapper = vm.runInContext(`(function (exports, require, module) {${fs.readFileSync(file, 'utf8')}\n})`, context, { filename: file });
  const module = { exports: {} };
  wrapper(module.exports, sandboxRequire, module);
  return { exposed, invoked, required, ipcRenderer };
}

describe('built preload in a sandboxed renderer', () => {
  it('loads with only electron to require, and carries no schema library', () => {
    const { required } = runPreload();
    expect(required).toEqual(['electron']);
    expect(fs.statSync(file).size).toBeLessThan(16_000);
    expect(fs.readFileSync(file, 'utf8')).not.toMatch(/zod|ZodError/);
  });

  it('exposes window.handbook (one frozen function per contract method) and window.handbookHost, nothing else', () => {
    const { exposed } = runPreload();
    expect(Object.keys(exposed).sort()).toEqual(['handbook', 'handbookHost']);
    expect(Object.keys(exposed.handbook).sort()).toEqual([...METHOD_NAMES].sort());
    expect(Object.isFrozen(exposed.handbook)).toBe(true);
    expect(Object.keys(exposed.handbookHost)).toEqual(['onMenuAction']);
    for (const value of [...Object.values(exposed.handbook), exposed.handbookHost.onMenuAction]) expect(typeof value).toBe('function');
  });

  it('each method invokes exactly its own channel with its argument', async () => {
    const { exposed, invoked } = runPreload();
    expect(await exposed.handbook.search({ query: 'x' })).toEqual({ ok: true, data: channelOf('search') });
    await exposed.handbook.getAppInfo();
    expect(invoked).toEqual([[channelOf('search'), { query: 'x' }], [channelOf('getAppInfo'), {}]]);
  });

  it('forwards only known menu actions, as a bare name, until unsubscribed', () => {
    const { exposed, ipcRenderer } = runPreload();
    const calls: unknown[][] = [];
    const stop = exposed.handbookHost.onMenuAction((...args: unknown[]) => calls.push(args));
    ipcRenderer.emit(MENU_CHANNEL, { sender: 'the IPC event stays in the preload' }, 'search');
    ipcRenderer.emit(MENU_CHANNEL, {}, 'rm -rf');
    ipcRenderer.emit(MENU_CHANNEL, {}, { toString: () => 'home' });
    stop();
    ipcRenderer.emit(MENU_CHANNEL, {}, 'home');
    expect(calls).toEqual([['search']]);
    expect(ipcRenderer.listenerCount(MENU_CHANNEL)).toBe(0);
    expect(() => exposed.handbookHost.onMenuAction('not a function')).toThrow(/needs a function/);
  });
});
