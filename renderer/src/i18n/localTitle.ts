import type { Locale } from './i18n';

/** What the pack names in two languages: `title` in the pack's language, `titleEn` where it has one. */
export interface Titled { title: string; titleEn?: string }

/** The title in the UI language: English shows `titleEn` when there is one, else the pack's title. */
export function titleIn(locale: Locale, item: Titled): string {
  return locale === 'en' && item.titleEn ? item.titleEn : item.title;
}
