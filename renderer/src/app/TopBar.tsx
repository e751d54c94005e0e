import { Icon } from '../components/Icon';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../state/session';
import type { ResolvedTheme } from './theme';

/** Quick switches for language and theme; Settings has the full choices (incl. "follow the system"). */
export function TopBar({ theme, onSearch, onHelp }: { theme: ResolvedTheme; onSearch: () => void; onHelp: () => void }) {
  const { t, locale } = useI18n();
  const { updateSettings } = useSession();
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <div className="topbar">
      <button type="button" className="topbar-search" onClick={onSearch} data-testid="open-palette">
        <Icon name="search" />
        <span>{t('nav.search')}</span>
        <kbd aria-hidden="true">{navigator.platform.startsWith('Mac') ? '⌘K' : 'Ctrl K'}</kbd>
      </button>
      <div className="topbar-actions">
        <button type="button" className="ghost" onClick={onHelp} aria-label={t('help.title')} title={t('help.title')}>
          <kbd aria-hidden="true">?</kbd>
        </button>
        <button type="button" className="ghost" data-testid="toggle-language" title={t('lang.toggleLabel')} onClick={() => updateSettings({ language: locale === 'en' ? 'zh-CN' : 'en' })}>
          <Icon name="globe" />
          <span lang={locale === 'en' ? 'zh-CN' : 'en'}>{t('lang.toggle')}</span>
        </button>
        <button type="button" className="ghost" data-testid="toggle-theme" aria-label={t('theme.toggle', { theme: t(next === 'dark' ? 'settings.dark' : 'settings.light') })} onClick={() => updateSettings({ theme: next })}>
          <Icon name={theme === 'dark' ? 'sun' : 'moon'} />
        </button>
      </div>
    </div>
  );
}
