import { errorText } from '../../i18n/errorText';
import { useState, type FormEvent } from 'react';
import type { Progress, StepProgress } from '../../../../electron/contract';
import { api } from '../../api';
import { useI18n } from '../../i18n/i18n';
import { titleIn } from '../../i18n/localTitle';
import { useSession } from '../../state/session';
import { Dialog } from '../Dialog';
import { useEditSession } from '../editor/editSession';

interface Props { learnerId: string; learnerName: string; trackId: string; step: StepProgress; onDone: (p: Progress) => void; onClose: () => void }

/**
 * The trainer confirms on the learner's PC: pick who you are, type your passphrase (not needed when
 * that trainer is unlocked already). A session opened here for a trainer who is not the selected
 * profile is closed again at once, so nothing of theirs stays unlocked on the learner's PC.
 */
export function SignoffDialog({ learnerId, learnerName, trackId, step, onDone, onClose }: Props) {
  const { t, locale } = useI18n();
  const { profiles, profile } = useSession();
  const trainers = profiles.filter((p) => p.trainer && p.id !== learnerId);
  const [trainerId, setTrainerId] = useState(profile?.trainer && profile.id !== learnerId ? profile.id : trainers[0]?.id ?? '');
  const [pin, setPin] = useState('');
  const { session } = useEditSession();
  const unlocked = session && session.profileId === trainerId ? session.token : null;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (unlocked) onDone(await api.signOff({ token: unlocked, profileId: learnerId, trackId, stepId: step.id }));
      else {
        const { token } = await api.openEditSession({ profileId: trainerId, passphrase: pin });
        try {
          onDone(await api.signOff({ token, profileId: learnerId, trackId, stepId: step.id }));
        } finally {
          api.closeEditSession({ token }).catch(() => {});
        }
      }
    } catch (err) {
      setError(errorText(err, t));
      setPin('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('signoff.title')} onClose={onClose} labelledBy="signoff-title">
      <p>{t('signoff.confirm', { step: titleIn(locale, step), name: learnerName })}</p>
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
          {!unlocked && (
            <label>
              {t('signoff.pin')}
              <input type="password" autoComplete="off" value={pin} name="pin" autoFocus required minLength={8} onChange={(e) => setPin(e.target.value)} />
            </label>
          )}
          {error && <p className="form-error" role="alert">{error}</p>}
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>{t('profile.cancel')}</button>
            <button type="submit" className="primary" disabled={busy || (!unlocked && pin.length < 8)}>{t('signoff.submit')}</button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
