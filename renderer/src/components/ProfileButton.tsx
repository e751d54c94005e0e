import { useI18n } from '../i18n/i18n';
import { useRoleName } from '../i18n/useRoleName';
import { useSession } from '../state/session';
import { Icon } from './Icon';

export function ProfileButton({ onClick }: { onClick: () => void }) {
  const { t } = useI18n();
  const { profile } = useSession();
  const roleName = useRoleName();
  return (
    <button type="button" className="profile-button" onClick={onClick} title={t('profile.switch')} data-testid="profile-button">
      <span className="avatar" aria-hidden="true">{profile ? [...profile.name][0] : <Icon name="user" />}</span>
      <span className="profile-button-text">
        <strong>{profile?.name ?? t('profile.none')}</strong>
        <small>{profile ? (profile.trainer ? `${t('profile.trainerBadge')} · ${roleName(profile.roleId)}` : roleName(profile.roleId)) : t('profile.choose')}</small>
      </span>
    </button>
  );
}
