import { useI18n } from '../../i18n/i18n';

/** Onboarding is personal: without a profile there is nothing to show but the way to pick one. */
export function NeedProfile({ title, onPickProfile }: { title: string; onPickProfile?: () => void }) {
  const { t } = useI18n();
  return (
    <section className="page">
      <h1>{title}</h1>
      <div className="notice">
        <p>{t('home.pickProfile')}</p>
        {onPickProfile && <button type="button" className="primary" onClick={onPickProfile}>{t('profile.choose')}</button>}
      </div>
    </section>
  );
}
