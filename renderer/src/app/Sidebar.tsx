import { Icon, type IconName } from '../components/Icon';
import { ProfileButton } from '../components/ProfileButton';
import type { MessageKey } from '../i18n/en';
import { useI18n } from '../i18n/i18n';
import type { Route } from './route';
import { href } from './route';

const items: Array<{ route: Route['name']; href: string; icon: IconName; label: MessageKey }> = [
  { route: 'home', href: href({ name: 'home' }), icon: 'home', label: 'nav.home' },
  { route: 'library', href: href({ name: 'library' }), icon: 'library', label: 'nav.library' },
  { route: 'search', href: href({ name: 'search' }), icon: 'search', label: 'nav.search' },
  { route: 'onboarding', href: href({ name: 'onboarding' }), icon: 'onboarding', label: 'nav.onboarding' },
  { route: 'roles', href: href({ name: 'roles', id: null }), icon: 'roles', label: 'nav.roles' },
  { route: 'trainer', href: href({ name: 'trainer', profileId: null }), icon: 'trainer', label: 'nav.trainer' },
  { route: 'settings', href: href({ name: 'settings' }), icon: 'settings', label: 'nav.settings' },
];

const activeFor = (r: Route['name']): Route['name'] => (r === 'article' ? 'library' : r === 'edit' || r === 'health' ? 'trainer' : r === 'quiz' || r === 'certificate' ? 'onboarding' : r);

export function Sidebar({ route, onSwitchProfile }: { route: Route; onSwitchProfile: () => void }) {
  const { t } = useI18n();
  const active = activeFor(route.name);
  return (
    <aside className="sidebar">
      <div className="brand">
        <img src="./icon.svg" alt="" width={28} height={28} />
        <span>{t('app.name')}</span>
      </div>
      <nav aria-label={t('nav.main')}>
        <ul>
          {items.map((item) => (
            <li key={item.route}>
              <a href={item.href} className="nav-link" aria-current={active === item.route ? 'page' : undefined}>
                <Icon name={item.icon} />
                <span>{t(item.label)}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <ProfileButton onClick={onSwitchProfile} />
    </aside>
  );
}
