import { errorText } from '../i18n/errorText';
import { useState, type FormEvent } from 'react';
import type { Profile } from '../../../electron/contract';
import { api } from '../api';
import { useI18n } from '../i18n/i18n';
import { useLoad } from '../state/useLoad';
import { useSession } from '../state/session';
import { useEditSession } from './editor/editSession';

const today = () => {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
};

export function CreateProfileForm({ onCreated, onCancel }: { onCreated: (p: Profile) => void; onCancel: () => void }) {
  const { t, locale } = useI18n();
  const [roles] = useLoad(() => api.listRoles({}), []);
  const [name, setName] = useState('');
  const [roleId, setRoleId] = useState('');
  const [startDate, setStartDate] = useState(today());
  const [pin, setPin] = useState('');
  const [trainer, setTrainer] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const { profiles } = useSession();
  const { token } = useEditSession();
  // The first trainer of an empty handbook is free; every later one needs an unlocked trainer.
  const firstTrainer = !profiles.some((p) => p.trainer);
  const blocked = trainer && !firstTrainer && !token;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const roleList = roles.status === 'ready' ? roles.data : [];
  const chosenRole = roleId || roleList[0]?.id || '';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onCreated(await api.createProfile({
        name, roleId: chosenRole, startDate, trainer,
        ...(trainer ? { passphrase, ...(token ? { token } : {}) } : pin ? { pin } : {}),
      }));
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <label>
        {t('profile.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={60} autoFocus name="name" />
      </label>
      <label>
        {t('profile.role')}
        <select value={chosenRole} onChange={(e) => setRoleId(e.target.value)} name="role">
          {roleList.map((r) => <option key={r.id} value={r.id}>{locale === 'en' ? r.titleEn : r.title}</option>)}
        </select>
      </label>
      <label>
        {t('profile.startDate')}
        <input type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} required name="startDate" />
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={trainer} onChange={(e) => setTrainer(e.target.checked)} name="trainer" />
        {t('profile.trainer')}
      </label>
      {trainer ? (
        <>
          <p className={blocked ? 'notice notice-warning' : 'notice'} data-testid="trainer-rule">{firstTrainer ? t('trust.firstTrainerFree') : blocked ? t('trust.trainerNeedsTrainer') : t('trust.passphraseHint')}</p>
          <label>
            {t('trust.passphrase')}
            <input value={passphrase} onChange={(e) => setPassphrase(e.target.value)} type="password" minLength={8} maxLength={200} required name="passphrase" autoComplete="new-password" />
          </label>
          {firstTrainer && <p className="muted small">{t('trust.passphraseHint')}</p>}
        </>
      ) : (
        <label>
          {t('profile.pin')}
          <input value={pin} onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))} inputMode="numeric" type="password" pattern="\d{4,8}" maxLength={8} name="pin" autoComplete="off" />
        </label>
      )}
      {error && <p className="form-error" role="alert">{error}</p>}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>{t('profile.cancel')}</button>
        <button type="submit" className="primary" disabled={busy || !chosenRole || blocked}>{t('profile.save')}</button>
      </div>
    </form>
  );
}
