// Runs the built desktop app's main file the way Electron would start it, with the stand-in
// `electron` module, and writes what it saw to a JSON report. Usage:
//   node launch-host.mjs <app root> <report.json>     (env HANDBOOK_TEST_USER_DATA: the userData folder)
import fs from 'node:fs';
import { register } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

register('./electron-hook.mjs', import.meta.url);
const electron = await import('./fake-electron.mjs');
const { app, state } = electron;

const [root, reportFile] = process.argv.slice(2);
const userData = process.env.HANDBOOK_TEST_USER_DATA;
const report = { steps: [] };
const write = () => fs.writeFileSync(reportFile, JSON.stringify(report, null, 2));
const step = (name, data) => { report.steps.push(name); Object.assign(report, data); write(); };

async function until(what, test, ms = 60_000) {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

try {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const mainFile = path.resolve(root, pkg.main);
  step('main', { main: pkg.main, mainExists: fs.existsSync(mainFile) });
  await import(pathToFileURL(mainFile).href);
  step('loaded', { privilegedBeforeReady: structuredClone(state.privileged) });

  app.becomeReady();
  await until('a window that loads a page', () => state.windows[0]?.loadedURL || state.errors.length);
  if (state.errors.length) throw new Error('error box: ' + state.errors.join('; '));
  const win = state.windows[0];
  const prefs = win.options.webPreferences ?? {};
  await until('the window to show', () => win.shown);
  step('window', {
    windows: state.windows.length,
    webPreferences: { sandbox: prefs.sandbox, contextIsolation: prefs.contextIsolation, nodeIntegration: prefs.nodeIntegration },
    preload: prefs.preload ? path.relative(root, prefs.preload) : null,
    preloadExists: !!prefs.preload && fs.existsSync(prefs.preload),
    loadedURL: win.loadedURL,
    maximized: win.maximized,
    shownEarly: win.shownEarly,
  });

  const handler = state.protocolHandlers.get(new URL(win.loadedURL).protocol.slice(0, -1));
  const index = await handler(new Request(win.loadedURL));
  const html = await index.text();
  const scriptSrc = /<script[^>]*\bsrc="([^"]+)"/.exec(html)?.[1];
  const script = scriptSrc ? await handler(new Request(new URL(scriptSrc, win.loadedURL).href)) : null;
  step('protocol', {
    protocols: [...state.protocolHandlers.keys()],
    index: { status: index.status, type: index.headers.get('content-type'), csp: !!index.headers.get('content-security-policy') },
    script: script ? { src: scriptSrc, status: script.status, type: script.headers.get('content-type'), bytes: (await script.arrayBuffer()).byteLength } : null,
  });

  const trusted = { senderFrame: { url: win.loadedURL, parent: null } };
  const info = await state.ipcHandlers.get('handbook:getAppInfo')(trusted, {});
  const foreign = await state.ipcHandlers.get('handbook:getAppInfo')({ senderFrame: { url: 'https://evil.example/', parent: null } }, {});
  step('ipc', { channels: state.ipcHandlers.size, appInfo: info.ok ? { ok: true, contentDir: info.data.paths.contentDir, articles: info.data.counts.articles } : info, foreign });

  // Menu → page: a typed event, never script run in the page.
  const items = (list) => list.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? items(i.submenu) : [])]);
  const menu = state.menus.at(-1);
  items(menu.template).find((i) => i.label === 'Search…').click();
  // Links leaving the page.
  win.webContents.openHandler({ url: 'mailto:hr@example.com' });
  const denied = win.webContents.openHandler({ url: 'file:///etc/passwd' });
  await new Promise((r) => setTimeout(r, 50));
  step('menu', { sent: win.webContents.sent, executedScripts: state.executedScripts, opened: state.opened, fileOpen: denied });

  const lock = path.join(userData, 'handbook.lock');
  step('running', { lockWhileRunning: fs.existsSync(lock) });
  electron.onExit(() => {
    step('exit', { lockAtExit: fs.existsSync(lock), quitPrevented: state.quitPrevented, windowStateSaved: fs.existsSync(path.join(userData, 'window-state.json')) });
    process.exit(0);
  });
  app.quit();
  await new Promise((r) => setTimeout(r, 30_000));
  throw new Error('the app did not quit within 30 s');
} catch (err) {
  report.error = String(err?.stack ?? err);
  write();
  process.exit(1);
}
