import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../state/session';

/** Says plainly that the database was damaged, where it went, and what may be missing. */
export function RecoveryBanner() {
  const { t } = useI18n();
  const { info } = useSession();
  const [hidden, setHidden] = useState(false);
  if (!info.recovery || hidden) return null;
  const r = info.recovery;
  return (
    <div className="notice notice-warning recovery-banner" role="alert">
      <strong>{t('recovery.title')}</strong>
      <p>{t('recovery.body', { reason: r.reason, file: r.damagedFile })}</p>
      <p>{r.restoredFrom ? t('recovery.restored', { backup: r.restoredFrom }) : t('recovery.empty')}</p>
      <button type="button" onClick={() => setHidden(true)}>{t('common.close')}</button>
    </div>
  );
}
