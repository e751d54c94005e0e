import { useState, type FormEvent } from 'react';
import { errorText } from '../../i18n/errorText';
import { useI18n } from '../../i18n/i18n';
import { unlockProfile } from '../../state/profileSession';
import { useSession } from '../../state/session';
import { Dialog } from '../Dialog';

/** A learner with a PIN: their own records open once the PIN is typed. */
export function ProfilePinPrompt({ onSwitch }: { onSwitch: () => void }) {
  const { t } = useI18n();
  const { profile } = useSession();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!profile) return null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await unlockProfile(profile.id, pin);
    } catch (err) {
      setError(errorText(err, t));
      setPin('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('trust.pinTitle')} onClose={onSwitch} labelledBy="pin-title">
      <form className="form" onSubmit={submit}>
        <p>{t('trust.pinBody', { name: profile.name })}</p>
        <label>
          {t('trust.pin')}
          <input type="password" inputMode="numeric" autoComplete="off" pattern="\d{4,8}" maxLength={8} required autoFocus value={pin}
            onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))} data-testid="profile-pin" />
        </label>
        {error && <p className="form-error" role="alert">{error}</p>}
        <div className="dialog-actions">
          <button type="button" onClick={onSwitch}>{t('profile.switch')}</button>
          <button type="submit" className="primary" disabled={busy || pin.length < 4}>{t('trust.pinSubmit')}</button>
        </div>
      </form>
    </Dialog>
  );
}
