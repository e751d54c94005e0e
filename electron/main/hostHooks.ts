import { dialog, type BrowserWindow } from 'electron';
import fs from 'node:fs/promises';
import type { HostHooks } from '../core/host/host.js';

/** The desktop app's side of HostHooks: native folder picker and PDF export of the current page. */
export function desktopHooks(window: () => BrowserWindow | null): Omit<HostHooks, 'switchContentFolder'> {
  return {
    async pickFolder() {
      const win = window();
      const options = { properties: ['openDirectory' as const] };
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async savePageAsPdf(fileName) {
      const win = window();
      if (!win) return null;
      const r = await dialog.showSaveDialog(win, { defaultPath: fileName, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
      if (r.canceled || !r.filePath) return null;
      // The page's print CSS applies, so the certificate comes out as it prints.
      const pdf = await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
      await fs.writeFile(r.filePath, pdf);
      return r.filePath;
    },
  };
}
