import { errorText } from '../../i18n/errorText';
import { useState, type FormEvent } from 'react';
import { api } from '../../api';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../state/session';
import { useEditSession } from '../editor/editSession';

/** Which content pack Handbook reads: the bundled sample, or a folder the team keeps (shared drive, git checkout…). */
export function ContentFolderSection() {
  const { t, locale } = useI18n();
  const { info, settings } = useSession();
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { capabilities } = info;
  const { token } = useEditSession();
  const packName = locale === 'en' && info.pack.nameEn ? info.pack.nameEn : info.pack.name;

  const use = async (dir: string | null) => {
    setBusy(true);
    setError(null);
    try {
      if (!token) return;
      await api.setContentFolder({ token, path: dir });
      location.reload();
    } catch (err) {
      setError(errorText(err, t));
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (path.trim()) void use(path.trim());
  };
  const pick = async () => {
    const r = await api.pickContentFolder({}).catch((err: Error) => (setError(err.message), null));
    if (r?.path) setPath(r.path);
  };

  return (
    <div className="card">
      <h2>{t('settings.content')}</h2>
      <p>{t('settings.contentHint', { name: packName, version: info.pack.version })}</p>
      <p className="small"><code>{info.paths.contentDir}</code></p>
      {capabilities.switchContent && !token ? (
        <p className="muted small">{t('trust.onlyTrainer')}</p>
      ) : capabilities.switchContent ? (
        <form className="form" onSubmit={submit}>
          <label>
            {t('content.folder')}
            <span className="input-row">
              <input value={path} onChange={(e) => setPath(e.target.value)} placeholder={t('content.placeholder')} name="contentFolder" />
              {capabilities.pickFolder && <button type="button" onClick={pick}>{t('content.choose')}</button>}
            </span>
          </label>
          {error && <p className="form-error" role="alert">{error}</p>}
          <div className="button-row">
            <button type="submit" className="primary" disabled={busy || !path.trim()}>{t('content.use')}</button>
            {settings.contentDir && <button type="button" disabled={busy} onClick={() => use(null)}>{t('content.useSample')}</button>}
          </div>
          <p className="muted small">{t('content.hint')}</p>
        </form>
      ) : (
        <p className="muted small">{t('content.fixed')}</p>
      )}
    </div>
  );
}
