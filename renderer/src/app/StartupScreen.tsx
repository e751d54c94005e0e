import { errorText } from '../i18n/errorText';
import { systemLocale, translator } from '../i18n/i18n';

/** Before settings are known the system language decides. */
export function StartupScreen({ error }: { error: Error | null }) {
  const t = translator(systemLocale());
  return (
    <div className="startup" role={error ? 'alert' : 'status'}>
      <img src="./icon.svg" alt="" width={56} height={56} />
      <p>{error ? t('common.error', { message: errorText(error, t) }) : t('common.loading')}</p>
      {error && <button type="button" onClick={() => location.reload()}>{t('common.retry')}</button>}
    </div>
  );
}
