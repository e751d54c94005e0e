import { en, type MessageKey } from './en';
import { useI18n, type Translate } from './i18n';

/**
 * What to show for an error from the API: its `key` said in the UI language when we have words for
 * it (error.wrongPin, error.invalid.pin…), else the core's own message.
 */
export function errorText(err: unknown, t: Translate): string {
  const e = err as { code?: string; key?: string; params?: Record<string, string | number>; message?: string };
  const k = e?.key ? `error.${e.key}` : '';
  if (k && k in en) return t(k as MessageKey, e.params);
  const detail = e?.message ?? String(err);
  // No words for this one: English shows the core's own message, other languages a plain sentence for its kind.
  const byCode = `error.code.${e?.code ?? ''}`;
  if (byCode in en) return t(byCode as MessageKey, { detail });
  return detail;
}

export function useErrorText(): (err: unknown) => string {
  const { t } = useI18n();
  return (err) => errorText(err, t);
}
