import { useEffect } from 'react';
import type { MenuAction } from '../../../electron/contract';

/** The preload's `window.handbookHost`, present only inside the desktop app. */
interface HostBridge {
  onMenuAction(listener: (action: MenuAction) => void): () => void;
}
const host = () => (window as unknown as { handbookHost?: HostBridge }).handbookHost;

export interface MenuHandlers {
  openPalette(): void;
  openFind(): void;
  openHelp(): void;
}

/** Does what a menu command of the desktop app asks, the way the same keyboard shortcut would. */
export function runMenuAction(action: MenuAction, handlers: MenuHandlers): void {
  switch (action) {
    case 'home': location.hash = '#/'; break;
    case 'library': location.hash = '#/library'; break;
    case 'onboarding': location.hash = '#/onboarding'; break;
    case 'settings': location.hash = '#/settings'; break;
    case 'back': history.back(); break;
    case 'forward': history.forward(); break;
    case 'search': handlers.openPalette(); break;
    // Like Ctrl+F: only an article has text to find in.
    case 'find': if (document.querySelector('.prose')) handlers.openFind(); break;
    case 'shortcuts': handlers.openHelp(); break;
  }
}

/** Listens to the desktop app's menu while mounted; in a browser there is no menu. */
export function useMenuActions(handlers: MenuHandlers): void {
  useEffect(() => host()?.onMenuAction((action) => runMenuAction(action, handlers)), [handlers]);
}
