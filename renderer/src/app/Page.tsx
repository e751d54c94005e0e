import { NotBuilt } from '../components/NotBuilt';
import { ArticlePage } from '../pages/ArticlePage';
import { HomePage } from '../pages/HomePage';
import { LibraryPage } from '../pages/LibraryPage';
import { RolesPage } from '../pages/RolesPage';
import { SearchPage } from '../pages/SearchPage';
import { SettingsPage } from '../pages/SettingsPage';
import type { Route } from './route';

export function Page({ route, onPickProfile }: { route: Route; onPickProfile: () => void }) {
  switch (route.name) {
    case 'home': return <HomePage onPickProfile={onPickProfile} />;
    case 'library': return <LibraryPage query={route.query} />;
    case 'article': return <ArticlePage id={route.id} section={route.query.get('section')} />;
    case 'roles': return <RolesPage id={route.id} />;
    case 'settings': return <SettingsPage />;
    case 'search': return <SearchPage query={route.query} />;
    case 'onboarding': return <NotBuilt titleKey="nav.onboarding" />;
    case 'trainer': case 'edit': return <NotBuilt titleKey="nav.trainer" />;
    case 'notFound': return <NotBuilt titleKey="nav.home" />;
  }
}
