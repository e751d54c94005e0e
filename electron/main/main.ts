import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSwappableCore, type SwappableCore } from '../core/host/swappable.js';
import { desktopHooks } from './hostHooks.js';
import { registerIpc } from './ipc.js';
import { menuTemplate, pageScripts, type MenuLocale, type PageAction } from './menu.js';
import { APP_URL, isExternalWebUrl } from './origin.js';
import { privilegedSchemes, registerAppProtocol } from './protocol.js';
import { denyPermissions, hardenContents } from './security.js';
import { windowOptions } from './window.js';
import { loadWindowState, saveWindowState } from './windowState.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** dist/node in development and inside the asar when packaged. */
const appRoot = path.resolve(here, '..', '..');
const bundledContent = () => (app.isPackaged ? path.join(process.resourcesPath, 'content') : path.join(appRoot, 'content'));

/** The sample pack is copied once to the user's folder, so edits never touch the installed app. */
function userContentDir(): string {
  const dir = path.join(app.getPath('userData'), 'content');
  if (!fs.existsSync(dir)) fs.cpSync(bundledContent(), dir, { recursive: true });
  return dir;
}

const openExternal = async (url: string) => {
  if (isExternalWebUrl(url)) await shell.openExternal(url);
};

let core: SwappableCore | null = null;
let mainWindow: BrowserWindow | null = null;

function createWindow(): void {
  const dir = app.getPath('userData');
  const state = loadWindowState(dir, screen.getAllDisplays().map((d) => d.workArea));
  mainWindow = new BrowserWindow({ ...windowOptions(path.join(here, 'preload.cjs')), ...(state.bounds ?? {}) });
  if (state.maximized) mainWindow.maximize();
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('close', () => {
    if (mainWindow) saveWindowState(dir, { bounds: mainWindow.getNormalBounds(), maximized: mainWindow.isMaximized() });
  });
  mainWindow.on('closed', () => { mainWindow = null; });
  void mainWindow.loadURL(APP_URL);
}

const runInPage = (action: PageAction) => {
  void mainWindow?.webContents.executeJavaScript(pageScripts[action]);
};

/** The menu follows the language chosen in the app (or the system's). */
async function updateMenu(): Promise<void> {
  const chosen = core ? (await core.api.getSettings({})).language : 'system';
  const locale: MenuLocale = (chosen === 'system' ? app.getLocale() : chosen).toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(locale, runInPage, process.platform === 'darwin')));
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
  app.on('web-contents-created', (_e, contents) => hardenContents(contents, openExternal));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => { void core?.close(); });
  app.whenReady().then(async () => {
    denyPermissions(session.defaultSession);
    try {
      core = await createSwappableCore(
        { contentDir: userContentDir(), dataDir: app.getPath('userData'), watch: true, searchWorker: path.join(here, 'search-worker.js') },
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
