import { useEffect, useMemo, useState } from 'react';
import { useMenuActions } from '../api/menu';
import { ProfilePicker } from '../components/ProfilePicker';
import { ProfilePinPrompt } from '../components/trust/ProfilePinPrompt';
import { RecoveryBanner } from '../components/settings/RecoveryBanner';
import { CommandPalette } from '../components/search/CommandPalette';
import { FindBar } from '../components/shortcuts/FindBar';
import { HelpOverlay } from '../components/shortcuts/HelpOverlay';
import { useShortcuts } from '../components/shortcuts/useShortcuts';
import { I18nProvider, systemLocale, translator, type Locale } from '../i18n/i18n';
import { SessionProvider, useSession } from '../state/session';
import { Page } from './Page';
import { useRoute } from './route';
import { Sidebar } from './Sidebar';
import { useResolvedTheme } from './theme';
import { TopBar } from './TopBar';
import { StartupScreen } from './StartupScreen';

function Shell() {
  const { settings, profiles, needsPin } = useSession();
  const route = useRoute();
  const locale: Locale = settings.language === 'system' ? systemLocale() : settings.language;
  const theme = useResolvedTheme(settings.theme);
  const [picking, setPicking] = useState(!settings.currentProfileId && profiles.length > 0);
  const [palette, setPalette] = useState(false);
  const [help, setHelp] = useState(false);
  const [find, setFind] = useState(false);
  const actions = useMemo(() => ({ openPalette: () => setPalette(true), openFind: () => setFind(true), openHelp: () => setHelp(true) }), []);
  useShortcuts(actions);
  useMenuActions(actions);
  useEffect(() => setFind(false), [route]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <I18nProvider locale={locale}>
      <button type="button" className="skip-link" onClick={() => document.getElementById('content')?.focus()}>{translator(locale)('nav.skip')}</button>
      <div className="app">
        <Sidebar route={route} onSwitchProfile={() => setPicking(true)} />
        <div className="main-column">
          <TopBar theme={theme} onSearch={() => setPalette(true)} onHelp={() => setHelp(true)} />
          {find && <FindBar onClose={() => setFind(false)} />}
          <main id="content" tabIndex={-1}>
            <RecoveryBanner />
            <Page route={route} onPickProfile={() => setPicking(true)} />
          </main>
        </div>
      </div>
      {picking && <ProfilePicker onClose={() => setPicking(false)} />}
      {!picking && needsPin && <ProfilePinPrompt onSwitch={() => setPicking(true)} />}
      {palette && <CommandPalette onClose={() => setPalette(false)} />}
      {help && <HelpOverlay onClose={() => setHelp(false)} />}
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
