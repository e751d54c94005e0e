import { withToken } from '../../state/profileSession';
import { useState } from 'react';
import { api } from '../../api';
import { useI18n } from '../../i18n/i18n';
import { saveFile } from './download';

/** For a learner on another PC: a file to hand to the trainer, who imports it. */
export function ExportMyProgress({ profileId }: { profileId: string }) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setError(null);
    try {
      saveFile(await withToken(profileId, (token) => api.exportProgress({ token, format: 'json', profileId })));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="export-mine">
      <button type="button" onClick={run} data-testid="export-mine">{t('onb.exportMine')}</button>
      <span className="muted small">{t('onb.exportMineHint')}</span>
      {error && <p className="form-error" role="alert">{error}</p>}
    </div>
  );
}
