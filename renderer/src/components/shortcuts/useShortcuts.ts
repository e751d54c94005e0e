import { useEffect } from 'react';
import { href } from '../../app/route';

export interface ShortcutActions {
  openPalette(): void;
  openFind(): void;
  openHelp(): void;
}

const typing = (t: EventTarget | null) => {
  const el = t as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
};

/**
 * The app's keyboard shortcuts, the same in Electron and in a browser:
 * Ctrl/Cmd+K search · Ctrl/Cmd+F find in the article · Alt+←/→ back/forward · Ctrl/Cmd+, settings · ? help.
 */
export function useShortcuts(actions: ShortcutActions): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && !e.altKey && key === 'k') {
        e.preventDefault();
        actions.openPalette();
      } else if (mod && !e.altKey && key === 'f' && document.querySelector('.prose')) {
        e.preventDefault();
        actions.openFind();
      } else if (mod && e.key === ',') {
        e.preventDefault();
        location.hash = href({ name: 'settings' });
      } else if (e.altKey && !mod && e.key === 'ArrowLeft') {
        e.preventDefault();
        history.back();
      } else if (e.altKey && !mod && e.key === 'ArrowRight') {
        e.preventDefault();
        history.forward();
      } else if (e.key === '?' && !mod && !typing(e.target) && !document.querySelector('dialog[open]')) {
        e.preventDefault();
        actions.openHelp();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions]);
}
