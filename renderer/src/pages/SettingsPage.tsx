import type { Settings } from '../../../electron/contract';
import { ContentFolderSection } from '../components/settings/ContentFolderSection';
import { DataSection } from '../components/settings/DataSection';
import { TeamSection } from '../components/settings/TeamSection';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../state/session';

export function SettingsPage() {
  const { t } = useI18n();
  const { settings, updateSettings, info } = useSession();
  return (
    <section className="page settings">
      <h1>{t('settings.title')}</h1>
      <div className="card form">
        <label>
          {t('settings.language')}
          <select value={settings.language} onChange={(e) => updateSettings({ language: e.target.value as Settings['language'] })} name="language">
            <option value="system">{t('settings.system')}</option>
            <option value="zh-CN">简体中文</option>
            <option value="en">English</option>
          </select>
        </label>
        <label>
          {t('settings.theme')}
          <select value={settings.theme} onChange={(e) => updateSettings({ theme: e.target.value as Settings['theme'] })} name="theme">
            <option value="system">{t('settings.system')}</option>
            <option value="light">{t('settings.light')}</option>
            <option value="dark">{t('settings.dark')}</option>
          </select>
        </label>
      </div>
      <DataSection />
      <ContentFolderSection />
      <TeamSection />
      <div className="card">
        <h2>{t('settings.about')}</h2>
        <p className="muted">{t('settings.version', { version: info.version })}</p>
      </div>
    </section>
  );
}
