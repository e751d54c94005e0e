import type { ReactNode } from 'react';
import { TrainerUnlock } from '../trust/TrainerUnlock';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../state/session';
import { useEditSession } from './editSession';

/** Editing is for trainers: asks the current trainer profile for its passphrase once, then shows the editor. */
export function EditGate({ children, onPickProfile }: { children: (token: string) => ReactNode; onPickProfile?: () => void }) {
  const { t } = useI18n();
  const { profile } = useSession();
  const { token } = useEditSession();
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
  return (
    <section className="page">
      <h1>{t('editor.locked')}</h1>
      <TrainerUnlock />
    </section>
  );
}
