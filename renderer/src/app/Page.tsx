import { ArticlePage } from '../pages/ArticlePage';
import { CertificatePage } from '../pages/CertificatePage';
import { ChangesPage } from '../pages/ChangesPage';
import { EditPage } from '../pages/editor/EditPage';
import { HealthPage } from '../pages/HealthPage';
import { HomePage } from '../pages/HomePage';
import { LibraryPage } from '../pages/LibraryPage';
import { MistakesPage } from '../pages/MistakesPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { OnboardingPage } from '../pages/OnboardingPage';
import { QuizPage } from '../pages/QuizPage';
import { RolesPage } from '../pages/RolesPage';
import { SearchPage } from '../pages/SearchPage';
import { SettingsPage } from '../pages/SettingsPage';
import { TrainerPage } from '../pages/TrainerPage';
import type { Route } from './route';

export function Page({ route, onPickProfile }: { route: Route; onPickProfile: () => void }) {
  switch (route.name) {
    case 'home': return <HomePage onPickProfile={onPickProfile} />;
    case 'library': return <LibraryPage query={route.query} />;
    case 'article': return <ArticlePage id={route.id} section={route.query.get('section')} />;
    case 'roles': return <RolesPage id={route.id} />;
    case 'settings': return <SettingsPage />;
    case 'search': return <SearchPage query={route.query} />;
    case 'onboarding': return <OnboardingPage onPickProfile={onPickProfile} />;
    case 'quiz': return <QuizPage key={route.trackId + '/' + route.stepId} trackId={route.trackId} stepId={route.stepId} />;
    case 'certificate': return <CertificatePage trackId={route.trackId} profileId={route.profileId} />;
    case 'trainer': return <TrainerPage profileId={route.profileId} onPickProfile={onPickProfile} />;
    case 'edit': return <EditPage id={route.id} query={route.query} onPickProfile={onPickProfile} />;
    case 'health': return <HealthPage onPickProfile={onPickProfile} />;
    case 'changes': return <ChangesPage onPickProfile={onPickProfile} />;
    case 'mistakes': return <MistakesPage onPickProfile={onPickProfile} />;
    case 'notFound': return <NotFoundPage path={route.path} />;
  }
}
