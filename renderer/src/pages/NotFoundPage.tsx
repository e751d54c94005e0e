import { useI18n } from '../i18n/i18n';
import { href } from '../app/route';

/** A hash that matches no route (an old bookmark, a typo): say so and offer the way home. */
export function NotFoundPage({ path }: { path: string }) {
  const { t } = useI18n();
  return (
    <section className="page">
      <h1>{t('notFound.title')}</h1>
      <p className="notice">{t('notFound.body', { path })}</p>
      <p><a className="button" href={href({ name: 'home' })}>{t('nav.home')}</a></p>
    </section>
  );
}
