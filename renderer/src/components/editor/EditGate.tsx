import { errorText } from '../../i18n/errorText';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../state/session';
import { useEditSession } from './editSession';

/** Editing is for trainers: asks the current trainer profile for its PIN once, then shows the editor. */
export function EditGate({ children, onPickProfile }: { children: (token: string) => ReactNode; onPickProfile?: () => void }) {
  const { t } = useI18n();
  const { profile } = useSession();
  const { token, open } = useEditSession();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (token) return <>{children(token)}</>;
  if (!profile?.trainer) {
    return (
      <section className="page">
        <h1>{t('editor.locked')}</h1>
        <div className="notice">
          <p>{t('editor.onlyTrainers')}</p>
          {onPickProfile && <button type="button" className="primary" onClick={onPickProfile}>{t('profile.switch')}</button>}
        </div>
      </section>
    );
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await open(pin);
    } catch (err) {
      setError(errorText(err, t));
      setPin('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="page">
      <h1>{t('editor.locked')}</h1>
      {/* noValidate: the browser's own bubbles speak the browser's language; the core's refusal says it in ours. */}
      <form className="card edit-gate" onSubmit={submit} noValidate>
        <p>{t('editor.enterPin', { name: profile.name })}</p>
        <label>
          {t('editor.pin')}
          <input type="password" inputMode="numeric" autoComplete="off" pattern="\d{4,8}" required autoFocus value={pin} onChange={(e) => setPin(e.target.value)} data-testid="edit-pin" />
        </label>
        {error && <p className="form-error" role="alert">{error}</p>}
        <button type="submit" className="primary" disabled={busy} data-testid="edit-unlock">{t('editor.unlock')}</button>
        <p className="muted small">{t('editor.pinHint')}</p>
      </form>
    </section>
  );
}
