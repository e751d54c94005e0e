import { useState } from 'react';
import type { Article } from '../../../../electron/contract';
import { api } from '../../api';
import { errorText } from '../../i18n/errorText';
import { useI18n } from '../../i18n/i18n';
import { dropIfExpired, useEditSession } from '../editor/editSession';

/**
 * Article page, for an unlocked trainer: "Still valid" records a signed review of the text as shown
 * (its hash), without editing it. The page reloads the article to show the new review dates.
 */
export function StillValidButton({ article, onVerified }: { article: Article; onVerified(): void }) {
  const { t } = useI18n();
  const { token } = useEditSession();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  if (!token) return null;
  const verify = async () => {
    setBusy(true);
    try {
      const v = await api.verifyArticle({ token, articleId: article.id, contentHash: article.hash });
      setMessage({ ok: true, text: v.reviewDue ? t('review.verifiedNow', { date: v.reviewDue }) : t('review.verifiedNoCycle') });
      onVerified();
    } catch (e) {
      dropIfExpired(e);
      setMessage({ ok: false, text: errorText(e, t) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="button small" onClick={verify} disabled={busy} data-testid="still-valid">{t('review.stillValid')}</button>
      {message && <span className={message.ok ? 'small' : 'form-error small'} role={message.ok ? 'status' : 'alert'}>{message.text}</span>}
    </>
  );
}
