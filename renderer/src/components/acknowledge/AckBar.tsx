import { useState } from 'react';
import { api } from '../../api';
import { errorText } from '../../i18n/errorText';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../state/session';
import { withToken } from '../../state/profileSession';
import { formatDay } from '../onboarding/format';
import { useMyAcknowledgements } from './useMyAcknowledgements';

/**
 * Mounted on the article page: when this article asks the reader to confirm it, "I have read and
 * understood" is here, at the end of the text. The confirmation names the version and the text's
 * hash as shown, so a change made meanwhile is refused rather than confirmed unread.
 */
export function AckBar({ articleId, hash }: { articleId: string; hash: string }) {
  const { t } = useI18n();
  const { profile } = useSession();
  const [tick, setTick] = useState(0);
  const [state] = useMyAcknowledgements([tick, hash]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!profile || state.status !== 'ready' || !state.data) return null;
  const pending = state.data.pending.find((p) => p.articleId === articleId);
  const confirmed = state.data.confirmed.find((c) => c.articleId === articleId);
  if (!pending && !confirmed) return null;
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await withToken(profile.id, (token) => api.confirmAcknowledgement({ token, profileId: profile.id, articleId, version: pending!.version, contentHash: hash }));
      setTick((n) => n + 1);
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <aside className={`read-step-bar ack-bar${pending ? '' : ' read-step-done'}`} aria-label={t('ack.homeTitle')} data-testid="ack-bar">
      {pending ? (
        <>
          <p>{pending.confirmedVersion !== null ? t('ack.barChanged', { old: pending.confirmedVersion, version: pending.version }) : t('ack.barPending', { version: pending.version, date: pending.due })}</p>
          <button type="button" className="primary" onClick={confirm} disabled={busy} data-testid="ack-confirm">{t('ack.confirm')}</button>
        </>
      ) : (
        <p role="status">✓ {t('ack.confirmedOn', { version: confirmed!.version, date: formatDay(confirmed!.confirmedAt) })}</p>
      )}
      {error && <p className="form-error" role="alert">{error}</p>}
    </aside>
  );
}
