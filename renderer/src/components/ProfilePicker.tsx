import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { useRoleName } from '../i18n/useRoleName';
import { useSession } from '../state/session';
import { CreateProfileForm } from './CreateProfileForm';
import { Dialog } from './Dialog';
import { TeamRosterList } from './TeamRosterList';

/** Shared PC: pick who you are, or add yourself. */
export function ProfilePicker({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { profiles, profile, updateSettings, reloadProfiles } = useSession();
  const roleName = useRoleName();
  const [creating, setCreating] = useState(profiles.length === 0);
  const choose = async (id: string) => {
    await updateSettings({ currentProfileId: id });
    onClose();
  };
  const adopted = async (p: { id: string }) => {
    await reloadProfiles();
    await choose(p.id);
  };
  return (
    <Dialog title={creating ? t('profile.create') : t('profile.pickerTitle')} onClose={onClose} labelledBy="profile-dialog-title">
      {creating ? (
        <>
        <TeamRosterList onAdopted={adopted} />
        <CreateProfileForm
          onCancel={profiles.length ? () => setCreating(false) : onClose}
          onCreated={async (p) => {
            await reloadProfiles();
            await choose(p.id);
          }}
        />
        </>
      ) : (
        <>
          <p className="muted">{t('profile.pickerHint')}</p>
          <ul className="profile-list">
            {profiles.map((p) => (
              <li key={p.id}>
                <button type="button" className="profile-choice" aria-pressed={p.id === profile?.id} onClick={() => choose(p.id)}>
                  <span className="avatar" aria-hidden="true">{[...p.name][0]}</span>
                  <span>
                    <strong>{p.name}</strong>
                    <small>{p.trainer ? t('profile.trainerBadge') + ' · ' : ''}{roleName(p.roleId)} · {t('profile.startedOn', { date: p.startDate })}</small>
                  </span>
                </button>
              </li>
            ))}
          </ul>
          <TeamRosterList onAdopted={adopted} />
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>{t('common.close')}</button>
            <button type="button" className="primary" onClick={() => setCreating(true)}>{t('profile.create')}</button>
          </div>
        </>
      )}
    </Dialog>
  );
}
