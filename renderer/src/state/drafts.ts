import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useSession } from './session';

/**
 * Work that is not saved yet (an article being edited, a quiz half answered), kept in this
 * browser's localStorage so that leaving the page any way at all — the sidebar, a search result, a
 * shortcut, Back, another profile, another content folder, a reload — loses nothing: the page
 * finds the draft when it opens again. Drafts are kept per content folder and per profile, so
 * another person on a shared PC never sees them, and another pack never gets them.
 */
export interface Draft<T> { value: T; at: number }

const PREFIX = 'handbook.draft\u0000';

export const draftStorageKey = (scope: string, name: string) => PREFIX + scope + '\u0000' + name;

export function readDraft<T>(key: string): Draft<T> | null {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return null;
    const d = JSON.parse(raw) as Draft<T>;
    return d && typeof d.at === 'number' && 'value' in d ? d : null;
  } catch {
    return null;
  }
}

export function writeDraft<T>(key: string, value: T): void {
  try {
    localStorage.setItem(key, JSON.stringify({ value, at: Date.now() } satisfies Draft<T>));
  } catch {
    // Storage full or disabled: the page still works, only the safety net is gone.
  }
}

export function dropDraft(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch { /* as above */ }
}

/** The names of every draft kept in a scope (the content desk marks those articles). */
export function draftNames(scope: string): string[] {
  const head = PREFIX + scope + '\u0000';
  const names: string[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k?.startsWith(head)) names.push(k.slice(head.length));
    }
  } catch { /* as above */ }
  return names;
}

/** The scope of the person at the keyboard: this content folder, this profile. */
export function useDraftScope(): string {
  const { info, profile } = useSession();
  return info.paths.contentDir + '\u0000' + (profile?.id ?? '');
}

/**
 * Keeps one draft in step with a page: `take()` says what to keep now (null when nothing is
 * unsaved, which drops the draft). Writes are debounced while typing and flushed when the page
 * goes away (unmount, pagehide), so the last keystroke before a click elsewhere is kept too.
 */
export function useDraftKeeper<T>(key: string, take: () => T | null): { touch(): void; flush(): void } {
  const latest = useRef({ key, take });
  latest.current = { key, take };
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const flush = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const v = latest.current.take();
    if (v === null) dropDraft(latest.current.key);
    else writeDraft(latest.current.key, v);
  }, []);
  const touch = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, 250);
  }, [flush]);
  useEffect(() => {
    const onHide = () => { if (timer.current !== undefined) flush(); };
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      if (timer.current !== undefined) flush();
    };
  }, [flush]);
  return useMemo(() => ({ touch, flush }), [touch, flush]);
}
