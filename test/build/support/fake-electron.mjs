// A stand-in for Electron's main-process API, for loading the built main file in Node. It keeps
// the rules of the real one that a wrong start-up order would break: schemes are made privileged
// only before `ready`, protocols and windows only after; `app.quit()` closes the windows, emits
// `before-quit` and `will-quit` (either may be prevented) and then `quit`, after which the
// process ends — Electron does not wait for promises there. Every call is recorded in `state`.
import { EventEmitter } from 'node:events';
import fs from 'node:fs';

export const state = {
  ready: false,
  privileged: [],
  protocolHandlers: new Map(),
  ipcHandlers: new Map(),
  windows: [],
  menus: [],
  errors: [],
  opened: [],
  quitPrevented: 0,
  executedScripts: [],
};
let exitHook = () => process.exit(0);
/** What to do when the app's process would end (the host records its checks there). */
export const onExit = (fn) => { exitHook = fn; };

const event = () => {
  const e = { defaultPrevented: false, preventDefault() { e.defaultPrevented = true; } };
  return e;
};

class App extends EventEmitter {
  isPackaged = false;
  #ready = null;
  #resolveReady = () => {};
  constructor() {
    super();
    this.#ready = new Promise((r) => { this.#resolveReady = r; });
  }
  requestSingleInstanceLock() { return true; }
  whenReady() { return this.#ready; }
  isReady() { return state.ready; }
  getPath(name) {
    if (name !== 'userData') throw new Error(`getPath(${name}) is not stood in for`);
    return process.env.HANDBOOK_TEST_USER_DATA;
  }
  getLocale() { return 'en-US'; }
  getVersion() { return '0.0.0-test'; }
  /** Called by the host: what Electron does once it is initialised. */
  becomeReady() {
    state.ready = true;
    this.emit('ready', event(), {});
    this.#resolveReady();
  }
  quit() {
    setImmediate(() => {
      const before = event();
      this.emit('before-quit', before);
      if (before.defaultPrevented) { state.quitPrevented++; return; }
      for (const w of [...state.windows]) if (!w.isDestroyed()) w.close();
      const will = event();
      this.emit('will-quit', will);
      if (will.defaultPrevented) { state.quitPrevented++; return; }
      this.emit('quit', event(), 0);
      exitHook();
    });
  }
}
export const app = new App();

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    if (state.ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    state.privileged.push(...schemes);
  },
  handle(scheme, handler) {
    if (!state.ready) throw new Error('protocol.handle before app is ready');
    state.protocolHandlers.set(scheme, handler);
  },
};

class WebContents extends EventEmitter {
  sent = [];
  openHandler = null;
  send(channel, ...args) { this.sent.push([channel, ...args]); }
  setWindowOpenHandler(fn) { this.openHandler = fn; }
  executeJavaScript(code) { state.executedScripts.push(code); return Promise.resolve(); }
}

export class BrowserWindow extends EventEmitter {
  #destroyed = false;
  shown = false;
  maximized = false;
  /** Shown (or maximized, which shows) before its first paint: the empty flash users see. */
  shownEarly = false;
  #painted = false;
  loadedURL = null;
  constructor(options = {}) {
    super();
    if (!state.ready) throw new Error('Cannot create BrowserWindow before app is ready');
    this.options = options;
    this.webContents = new WebContents();
    state.windows.push(this);
    app.emit('web-contents-created', event(), this.webContents);
  }
  loadURL(url) {
    this.loadedURL = url;
    setImmediate(() => { this.#painted = true; this.emit('ready-to-show'); });
    return Promise.resolve();
  }
  show() { this.shown = true; this.shownEarly ||= !this.#painted; }
  maximize() { this.maximized = true; this.show(); }
  isMaximized() { return this.maximized; }
  isMinimized() { return false; }
  restore() {}
  focus() {}
  getNormalBounds() { return { x: 10, y: 10, width: this.options.width ?? 800, height: this.options.height ?? 600 }; }
  isDestroyed() { return this.#destroyed; }
  close() {
    const e = event();
    this.emit('close', e);
    if (e.defaultPrevented) return;
    this.#destroyed = true;
    this.emit('closed');
  }
}

export const ipcMain = {
  handle(channel, fn) {
    if (state.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    state.ipcHandlers.set(channel, fn);
  },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler() {},
    setPermissionCheckHandler() {},
    setDevicePermissionHandler() {},
  },
};

export const Menu = {
  buildFromTemplate(template) { return { template }; },
  setApplicationMenu(menu) { state.menus.push(menu); },
};

export const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] };

export const dialog = {
  showErrorBox(title, text) { state.errors.push(`${title}: ${text}`); },
  async showOpenDialog() { return { canceled: true, filePaths: [] }; },
  async showSaveDialog() { return { canceled: true }; },
};

export const shell = {
  async openExternal(url) { state.opened.push(['external', url]); },
  async openPath(file) { state.opened.push(['path', file]); return fs.existsSync(file) ? '' : 'not found'; },
};

// As on a Linux desktop without a keyring: encryption "works" with a key every machine shares.
export const safeStorage = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'basic_text',
  encryptString: (plain) => Buffer.from(plain, 'utf8'),
  decryptString: (sealed) => sealed.toString('utf8'),
};

export default { app, protocol, BrowserWindow, ipcMain, session, Menu, screen, dialog, shell, safeStorage };
