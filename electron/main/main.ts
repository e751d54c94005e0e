import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, screen, session, shell } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MenuAction } from '../contract.js';
import { createSwappableCore, type SwappableCore } from '../core/swappable.js';
import { MENU_CHANNEL } from '../ipcChannels.js';
import { useCredentialSeal } from '../core/team/credentials.js';
import { safeStorageSeal } from './credentialSeal.js';
import { copySamplePackOnce } from './firstRun.js';
import { desktopHooks } from './hostHooks.js';
import { registerIpc } from './ipc.js';
import { createLinkOpener } from './linkOpener.js';
import { menuTemplate, type MenuLocale } from './menu.js';
import { APP_URL } from './origin.js';
import { privilegedSchemes, registerAppProtocol } from './protocol.js';
import { denyPermissions, hardenContents } from './security.js';
import { windowOptions } from './window.js';
import { loadWindowState, saveWindowState } from './windowState.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The folder holding dist/: the project in development, app.asar when packaged. */
const appRoot = path.resolve(here, '..', '..');
const bundledContent = () => (app.isPackaged ? path.join(process.resourcesPath, 'content') : path.join(appRoot, 'content'));

let core: SwappableCore | null = null;
let mainWindow: BrowserWindow | null = null;

const openOutside = createLinkOpener(() => core!.current().contentDir, {
  openExternal: (url) => shell.openExternal(url),
  openPath: (file) => shell.openPath(file),
});

function createWindow(): void {
  const dir = app.getPath('userData');
  const state = loadWindowState(dir, screen.getAllDisplays().map((d) => d.workArea));
  const win = new BrowserWindow({ ...windowOptions(path.join(here, 'preload.cjs')), ...(state.bounds ?? {}) });
  mainWindow = win;
  // maximize() shows the window at once; waiting for the first paint avoids an empty flash.
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
  });
  win.on('close', () => saveWindowState(dir, { bounds: win.getNormalBounds(), maximized: win.isMaximized() }));
  win.on('closed', () => { if (mainWindow === win) mainWindow = null; });
  void win.loadURL(APP_URL);
}

/** Menu commands reach the page as a typed event; the page acts on them with its own routes. */
const sendMenuAction = (action: MenuAction) => {
  mainWindow?.webContents.send(MENU_CHANNEL, action);
};

/** The menu follows the language chosen in the app (or the system's). */
async function updateMenu(): Promise<void> {
  const chosen = core ? (await core.api.getSettings({})).language : 'system';
  const locale: MenuLocale = (chosen === 'system' ? app.getLocale() : chosen).toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(locale, sendMenuAction, process.platform === 'darwin')));
}

/**
 * Quitting waits for the core to close: it releases the data folder's lock and finishes a pending
 * index-cache write. Electron does not wait for promises, so the first will-quit is held back and
 * the app quits again once the store is closed (or after 10 s, rather than never).
 */
function closeCoreBeforeQuit(): void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  app.on('will-quit', (event) => {
    if (state === 'closed' || !core) return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    const timeout = new Promise((resolve) => setTimeout(resolve, 10_000).unref());
    void Promise.race([core.close(), timeout]).catch(() => {}).finally(() => {
      state = 'closed';
      app.quit();
    });
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  protocol.registerSchemesAsPrivileged(privilegedSchemes);
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_e, contents) => hardenContents(contents, openOutside));
  app.on('window-all-closed', () => app.quit());
  closeCoreBeforeQuit();
  app.whenReady().then(async () => {
    denyPermissions(session.defaultSession);
    // safeStorage answers only once the app is ready; team credentials are sealed from then on.
    useCredentialSeal(safeStorageSeal(safeStorage));
    try {
      const userData = app.getPath('userData');
      core = await createSwappableCore(
        { contentDir: copySamplePackOnce(bundledContent(), path.join(userData, 'content')), dataDir: userData, watch: true, searchWorker: path.join(here, 'search-worker.js') },
        desktopHooks(() => mainWindow),
      );
    } catch (err) {
      dialog.showErrorBox('Handbook', (err as Error).message);
      app.quit();
      return;
    }
    registerAppProtocol(protocol, path.join(appRoot, 'dist', 'renderer'), () => core!.current().contentDir);
    registerIpc(ipcMain, () => core!.api, (method) => { if (method === 'updateSettings') void updateMenu(); });
    await updateMenu();
    createWindow();
  });
}
