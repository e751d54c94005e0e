import { useState, type FormEvent } from 'react';
import type { Profile, TeamRosterEntry } from '../../../electron/contract';
import { api } from '../api';
import { errorText } from '../i18n/errorText';
import { useI18n } from '../i18n/i18n';
import { useRoleName } from '../i18n/useRoleName';
import { useSession } from '../state/session';
import { useLoad } from '../state/useLoad';
import { useEditSession } from './editor/editSession';

/**
 * Team mode: people other PCs of the team hold. Picking yourself here keeps one profile (and one
 * progress) across PCs instead of a second profile. Hidden when the handbook is not a team's.
 */
export function TeamRosterList({ onAdopted }: { onAdopted: (p: Profile) => void }) {
  const { t } = useI18n();
  const roleName = useRoleName();
  const [roster] = useLoad(() => api.listTeamRoster({}), []);
  const [picked, setPicked] = useState<TeamRosterEntry | null>(null);
  const people = roster.status === 'ready' ? roster.data.profiles : [];
  if (!people.length) return null;
  return (
    <section className="team-roster" aria-labelledby="team-roster-title" data-testid="team-roster">
      <h3 id="team-roster-title">{t('roster.title')}</h3>
      <p className="muted small">{t('roster.hint')}</p>
      <ul className="profile-list">
        {people.map((p) => (
          <li key={p.id}>
            <button type="button" className="profile-choice" aria-expanded={picked?.id === p.id} onClick={() => setPicked(picked?.id === p.id ? null : p)}>
              <span className="avatar" aria-hidden="true">{[...p.name][0]}</span>
              <span>
                <strong>{p.name}</strong>
                <small>{p.trainer ? t('profile.trainerBadge') + ' · ' : ''}{roleName(p.roleId)} · {t('profile.startedOn', { date: p.startDate })} · {t('roster.onPcs', { pcs: p.devices.join(', ') })}</small>
              </span>
            </button>
            {picked?.id === p.id && <AdoptForm person={p} onAdopted={onAdopted} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

function AdoptForm({ person, onAdopted }: { person: TeamRosterEntry; onAdopted: (p: Profile) => void }) {
  const { t } = useI18n();
  const { profiles } = useSession();
  const { token } = useEditSession();
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const firstTrainer = !profiles.some((p) => p.trainer);
  const blocked = person.trainer && !firstTrainer && !token;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onAdopted(await api.adoptTeamProfile({
        profileId: person.id,
        ...(person.trainer ? { passphrase: secret, ...(token ? { token } : {}) } : secret ? { pin: secret } : {}),
      }));
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="form adopt-form" onSubmit={submit} noValidate data-testid="adopt-form">
      {person.trainer && <p className={blocked ? 'notice notice-warning' : 'notice'}>{blocked ? t('trust.trainerNeedsTrainer') : t('roster.trainerHint')}</p>}
      <label>
        {person.trainer ? t('trust.passphrase') : t('profile.pin')}
        <input
          value={secret} onChange={(e) => setSecret(e.target.value)} autoFocus name={person.trainer ? 'passphrase' : 'pin'}
          type="password" autoComplete={person.trainer ? 'new-password' : 'off'} inputMode={person.trainer ? undefined : 'numeric'}
          maxLength={person.trainer ? 200 : 8}
        />
      </label>
      {error && <p className="notice notice-error" role="alert">{error}</p>}
      <div className="dialog-actions">
        <button type="submit" className="primary" disabled={busy || blocked}>{t('roster.adopt', { name: person.name })}</button>
      </div>
    </form>
  );
}
