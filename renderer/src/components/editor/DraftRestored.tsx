import { useI18n } from '../../i18n/i18n';

/** Says that the unsaved work on this page came back from a kept draft, and lets it go. */
export function DraftRestored({ at, onDiscard }: { at: number; onDiscard(): void }) {
  const { t, locale } = useI18n();
  const time = new Date(at).toLocaleString(locale, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  return (
    <p className="notice notice-warning draft-restored" role="status" data-testid="draft-restored">
      {t('draft.restored', { time })}{' '}
      <button type="button" className="ghost small" onClick={onDiscard} data-testid="draft-discard">{t('draft.discard')}</button>
    </p>
  );
}
