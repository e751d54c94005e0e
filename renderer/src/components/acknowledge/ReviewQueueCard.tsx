import { useState } from 'react';
import { api } from '../../api';
import { articleHref } from '../../app/route';
import { useI18n } from '../../i18n/i18n';
import { useLoad } from '../../state/useLoad';
import { formatDay } from '../onboarding/format';

/** A trainer's queue of articles due for review: theirs by the owner field, or all. "Still valid" is on each article's page, where it is read. */
export function ReviewQueueCard({ token }: { token: string }) {
  const { t } = useI18n();
  const [scope, setScope] = useState<'mine' | 'all'>('mine');
  const [state] = useLoad(() => api.getReviewQueue({ token, scope }), [token, scope]);
  if (state.status !== 'ready') return null;
  const q = state.data;
  return (
    <section className="card review-queue" aria-labelledby="review-queue-h" data-testid="review-queue">
      <h2 id="review-queue-h">{t('review.queueTitle')}</h2>
      <p className="muted small">{t('review.queueHint')}</p>
      <div className="segmented" role="radiogroup" aria-label={t('review.queueTitle')}>
        {(['mine', 'all'] as const).map((s) => (
          <label key={s} className="chip">
            <input type="radio" name="review-scope" value={s} checked={scope === s} onChange={() => setScope(s)} />
            {s === 'mine' ? t('review.scopeMine', { owner: q.owner }) : t('review.scopeAll')}
          </label>
        ))}
      </div>
      {q.items.length === 0 ? <p className="muted small">{t('review.queueEmpty')}</p> : (
        <ul className="link-list">
          {q.items.map((i) => (
            <li key={i.articleId}>
              <a href={articleHref(i.articleId)}>{i.title}</a>{' '}
              <span className={i.overdue ? 'overdue small' : 'muted small'}>{i.overdue ? t('review.overdueSince', { date: i.reviewDue }) : t('review.dueOn', { date: i.reviewDue })}</span>
              {i.owner && scope === 'all' && <span className="muted small"> · {i.owner}</span>}
              {i.lastVerified && <span className="muted small"> · {t('review.verifiedBy', { name: i.lastVerified.by, date: formatDay(i.lastVerified.at) })}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
