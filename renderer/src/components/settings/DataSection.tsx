import { errorText } from '../../i18n/errorText';
import { useRef, useState, type ChangeEvent } from 'react';
import { api } from '../../api';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../state/session';
import { Dialog } from '../Dialog';
import { useEditSession } from '../editor/editSession';
import { TrainerUnlock } from '../trust/TrainerUnlock';

/** One click to save the database to a file; restoring asks first and keeps the current one. */
export function DataSection() {
  const { t } = useI18n();
  const { info } = useSession();
  const file = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<{ name: string; content: string } | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // The backup holds everyone's records: a trainer's unlocked session is needed for both buttons.
  const { token } = useEditSession();

  const backup = async () => {
    if (!token) return;
    const { fileName, content } = await api.backupDatabase({ token });
    const url = URL.createObjectURL(new Blob([content], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setMessage({ ok: true, text: t('data.backedUp', { file: fileName }) });
  };
  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    e.target.value = '';
    if (f) setPending({ name: f.name, content: await f.text() });
  };
  const restore = async () => {
    if (!pending || !token) return;
    try {
      const r = await api.restoreDatabase({ token, content: pending.content, confirm: true });
      setMessage({ ok: true, text: t('data.restored', { count: r.profiles }) });
      setTimeout(() => location.reload(), 1200);
    } catch (err) {
      setMessage({ ok: false, text: errorText(err, t) });
    } finally {
      setPending(null);
    }
  };

  return (
    <div className="card">
      <h2>{t('data.title')}</h2>
      <dl className="paths">
        <dt>{t('data.dataDir')}</dt><dd><code>{info.paths.dataDir}</code></dd>
      </dl>
      <p className="muted small">{t('data.hint')}</p>
      {!token && <TrainerUnlock compact />}
      {/* Not `hidden`: .button-row's display: flex would override it and show buttons that do nothing while locked. */}
      {token && (
        <div className="button-row">
          <button type="button" onClick={backup} data-testid="backup-db">{t('data.backup')}</button>
          <button type="button" onClick={() => file.current?.click()}>{t('data.restore')}</button>
          <input ref={file} type="file" accept="application/json,.json" hidden onChange={pick} data-testid="restore-file" />
        </div>
      )}
      {message && <p className={message.ok ? 'notice' : 'notice notice-error'} role="status">{message.text}</p>}
      {pending && (
        <Dialog title={t('data.confirmTitle')} onClose={() => setPending(null)} labelledBy="restore-title">
          <p>{t('data.confirmBody', { file: pending.name })}</p>
          <div className="dialog-actions">
            <button type="button" onClick={() => setPending(null)} autoFocus>{t('profile.cancel')}</button>
            <button type="button" className="primary" onClick={restore}>{t('data.confirm')}</button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
