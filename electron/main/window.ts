import type { BrowserWindowConstructorOptions } from 'electron';

/** Every renderer runs isolated and sandboxed, with no Node: the preload's methods are all it gets. */
export function windowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 820,
    minHeight: 560,
    show: false,
    title: 'Handbook',
    backgroundColor: '#f7f7f5',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click would otherwise try to open links in new windows (denied anyway, but never asked).
      disableBlinkFeatures: 'Auxclick',
    },
  };
}
