import { errorText } from '../../i18n/errorText';
import { useState, type FormEvent } from 'react';
import type { Progress, StepProgress } from '../../../../electron/contract';
import { api } from '../../api';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../state/session';
import { Dialog } from '../Dialog';

interface Props { learnerId: string; learnerName: string; trackId: string; step: StepProgress; onDone: (p: Progress) => void; onClose: () => void }

/** The trainer confirms on the learner's PC: pick who you are, type your PIN. */
export function SignoffDialog({ learnerId, learnerName, trackId, step, onDone, onClose }: Props) {
  const { t } = useI18n();
  const { profiles, profile } = useSession();
  const trainers = profiles.filter((p) => p.trainer && p.id !== learnerId);
  const [trainerId, setTrainerId] = useState(profile?.trainer && profile.id !== learnerId ? profile.id : trainers[0]?.id ?? '');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onDone(await api.signOff({ trainerId, pin, profileId: learnerId, trackId, stepId: step.id }));
    } catch (err) {
      setError(errorText(err, t));
      setPin('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('signoff.title')} onClose={onClose} labelledBy="signoff-title">
      <p>{t('signoff.confirm', { step: step.title, name: learnerName })}</p>
      {trainers.length === 0 ? (
        <>
          <p className="notice">{t('signoff.noTrainer')}</p>
          <div className="dialog-actions"><button type="button" onClick={onClose}>{t('common.close')}</button></div>
        </>
      ) : (
        <form className="form" onSubmit={submit} noValidate>
          <label>
            {t('signoff.trainer')}
            <select value={trainerId} onChange={(e) => setTrainerId(e.target.value)} name="trainer">
              {trainers.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
          </label>
          <label>
            {t('signoff.pin')}
            <input type="password" inputMode="numeric" autoComplete="off" value={pin} name="pin" autoFocus required
              pattern="\d{4,8}" maxLength={8} onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))} />
          </label>
          {error && <p className="form-error" role="alert">{error}</p>}
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>{t('profile.cancel')}</button>
            <button type="submit" className="primary" disabled={busy || pin.length < 4}>{t('signoff.submit')}</button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
