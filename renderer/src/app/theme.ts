import { useEffect, useState } from 'react';
import type { Settings } from '../../../electron/contract';

export type ResolvedTheme = 'light' | 'dark';

const query = () => window.matchMedia('(prefers-color-scheme: dark)');

/** The theme to draw: the chosen one, or the system's, following it live. */
export function useResolvedTheme(choice: Settings['theme']): ResolvedTheme {
  const [systemDark, setSystemDark] = useState(() => query().matches);
  useEffect(() => {
    const mq = query();
    const on = () => setSystemDark(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  const theme = choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return theme;
}
