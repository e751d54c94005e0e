import { createContext, useContext, type ReactNode } from 'react';
import { en, type MessageKey } from './en';
import { zhCN } from './zh-CN';

export type Locale = 'zh-CN' | 'en';
const catalogs: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** The system's language decides when the person has not chosen: Chinese for any zh-*, else English. */
export function systemLocale(): Locale {
  return (navigator.languages?.[0] ?? navigator.language ?? 'en').toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/**
 * `{count, plural, one {# article} other {# articles}}`: the form `Intl.PluralRules` picks for the
 * number in this language (`#` is the number). Chinese strings need no such blocks.
 */
const PLURAL = /\{(\w+), plural,((?:\s*[a-z]+ \{[^{}]*\})+)\s*\}/g;
const FORMS = /([a-z]+) \{([^{}]*)\}/g;

export function translator(locale: Locale): Translate {
  const catalog = catalogs[locale];
  const rules = new Intl.PluralRules(locale);
  return (key, vars) => catalog[key]
    .replace(PLURAL, (m, name: string, body: string) => {
      const n = Number(vars?.[name]);
      if (!vars || !(name in vars) || Number.isNaN(n)) return m;
      const forms = Object.fromEntries([...body.matchAll(FORMS)].map((f) => [f[1], f[2]]));
      return (forms[rules.select(n)] ?? forms.other ?? '').replace(/#/g, String(vars[name]));
    })
    .replace(/\{(\w+)\}/g, (m, name) => (vars && name in vars ? String(vars[name]) : m));
}

const I18nContext = createContext<{ locale: Locale; t: Translate }>({ locale: 'en', t: translator('en') });

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <I18nContext.Provider value={{ locale, t: translator(locale) }}>{children}</I18nContext.Provider>;
}

export const useI18n = () => useContext(I18nContext);
