import { useState, type FormEvent } from 'react';
import { api } from '../../api';
import { errorText } from '../../i18n/errorText';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../state/session';
import { useEditSession } from '../editor/editSession';

/**
 * The unlock form for the selected trainer profile: the passphrase, or — for a trainer from before
 * passphrases — the old PIN once plus a new passphrase.
 */
export function TrainerUnlock({ compact }: { compact?: boolean }) {
  const { t } = useI18n();
  const { profile, reloadProfiles } = useSession();
  const { open } = useEditSession();
  const [secret, setSecret] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!profile?.trainer) return <p className="notice">{t('trust.onlyTrainer')}</p>;
  const migrating = !!profile.mustSetPassphrase;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (migrating) {
        await api.setPassphrase({ profileId: profile.id, current: secret, passphrase: next });
        await reloadProfiles();
        await open(next);
      } else {
        await open(secret);
      }
    } catch (err) {
      setError(errorText(err, t));
      setSecret('');
    } finally {
      setBusy(false);
    }
  };
  return (
    // noValidate: the browser's own bubbles speak the browser's language; the core's refusal says it in ours.
    <form className={compact ? 'form trainer-unlock' : 'card edit-gate trainer-unlock'} onSubmit={submit} aria-labelledby="unlock-title" noValidate>
      <h2 id="unlock-title">{migrating ? t('trust.setPassphraseTitle') : t('trust.unlockTitle')}</h2>
      <p>{migrating ? t('trust.setPassphraseBody', { name: profile.name }) : t('trust.unlockBody', { name: profile.name })}</p>
      <label>
        {migrating ? t('trust.oldPin') : t('editor.pin')}
        <input type="password" autoComplete={migrating ? 'off' : 'current-password'} required autoFocus={!compact} value={secret}
          onChange={(e) => setSecret(e.target.value)} data-testid="unlock-secret" />
      </label>
      {migrating && (
        <label>
          {t('trust.newPassphrase')}
          <input type="password" autoComplete="new-password" required minLength={8} value={next} onChange={(e) => setNext(e.target.value)} data-testid="unlock-new" />
        </label>
      )}
      {error && <p className="form-error" role="alert">{error}</p>}
      <button type="submit" className="primary" disabled={busy} data-testid="edit-unlock">{migrating ? t('trust.setPassphrase') : t('trust.unlock')}</button>
      <p className="muted small">{t('editor.pinHint')}</p>
    </form>
  );
}
