import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';

/** Said plainly: the page exists in the plan, not in the app yet. */
export function NotBuilt({ titleKey }: { titleKey: MessageKey }) {
  const { t } = useI18n();
  return (
    <section className="page">
      <h1>{t(titleKey)}</h1>
      <div className="notice">
        <strong>{t('notBuilt.title')}</strong>
        <p>{t('notBuilt.body')}</p>
      </div>
    </section>
  );
}
