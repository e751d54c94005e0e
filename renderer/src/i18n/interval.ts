import type { Translate } from './i18n';

/** A review interval (`30d`, `12w`, `6m`, `1y`) in words: 30 天 / 30 days; anything else as written. */
export function intervalText(v: string, t: Translate): string {
  const m = /^(\d+)([dwmy])$/.exec(v);
  return m ? t(`interval.${m[2] as 'd' | 'w' | 'm' | 'y'}`, { n: Number(m[1]) }) : v;
}
