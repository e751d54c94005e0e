import { useEffect, useState } from 'react';
import { ProfilePicker } from '../components/ProfilePicker';
import { CommandPalette } from '../components/search/CommandPalette';
import { I18nProvider, systemLocale, type Locale } from '../i18n/i18n';
import { SessionProvider, useSession } from '../state/session';
import { Page } from './Page';
import { useRoute } from './route';
import { Sidebar } from './Sidebar';
import { useResolvedTheme } from './theme';
import { TopBar } from './TopBar';
import { StartupScreen } from './StartupScreen';

function Shell() {
  const { settings, profiles } = useSession();
  const route = useRoute();
  const locale: Locale = settings.language === 'system' ? systemLocale() : settings.language;
  const theme = useResolvedTheme(settings.theme);
  const [picking, setPicking] = useState(!settings.currentProfileId && profiles.length > 0);
  const [palette, setPalette] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setPalette(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <I18nProvider locale={locale}>
      <div className="app">
        <Sidebar route={route} onSwitchProfile={() => setPicking(true)} />
        <div className="main-column">
          <TopBar theme={theme} onSearch={() => setPalette(true)} />
          <main id="content" tabIndex={-1}>
            <Page route={route} onPickProfile={() => setPicking(true)} />
          </main>
        </div>
      </div>
      {picking && <ProfilePicker onClose={() => setPicking(false)} />}
      {palette && <CommandPalette onClose={() => setPalette(false)} />}
    </I18nProvider>
  );
}

export function App() {
  return (
    <SessionProvider fallback={(error) => <StartupScreen error={error} />}>
      <Shell />
    </SessionProvider>
  );
}
