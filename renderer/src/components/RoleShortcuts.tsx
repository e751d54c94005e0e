import { useI18n } from '../i18n/i18n';
import { useSession } from '../state/session';
import { href } from '../app/route';

/** Every role's guide one click from home: where a newcomer (or a visitor from another team) starts. */
export function RoleShortcuts() {
  const { t, locale } = useI18n();
  const { roles } = useSession();
  if (roles.length === 0) return null;
  return (
    <div className="card">
      <h2>{t('home.byRole')}</h2>
      <ul className="role-chips">
        {roles.map((r) => (
          <li key={r.id}><a className="role-chip" href={href({ name: 'roles', id: r.id })}>{locale === 'en' ? r.titleEn : r.title}</a></li>
        ))}
      </ul>
      <p className="small"><a href={href({ name: 'library' })}>{t('home.browse')} →</a></p>
    </div>
  );
}
