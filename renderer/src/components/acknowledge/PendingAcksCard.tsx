import { articleHref } from '../../app/route';
import { useI18n } from '../../i18n/i18n';
import { useMyAcknowledgements } from './useMyAcknowledgements';

/** Home: the policies this person must still confirm, the most urgent first. Renders nothing when none. */
export function PendingAcksCard() {
  const { t } = useI18n();
  const [state] = useMyAcknowledgements();
  if (state.status !== 'ready' || !state.data || state.data.pending.length === 0) return null;
  return (
    <section className="card ack-card" aria-labelledby="ack-home-h" data-testid="pending-acks">
      <h2 id="ack-home-h">{t('ack.homeTitle')} <span className="badge">{state.data.pending.length}</span></h2>
      <p className="muted small">{t('ack.homeHint')}</p>
      <ul className="link-list">
        {state.data.pending.map((p) => (
          <li key={p.articleId}>
            <a href={articleHref(p.articleId)}>{p.title}</a>{' '}
            <span className={p.overdue ? 'overdue small' : 'muted small'}>{p.overdue ? t('ack.overdue', { date: p.due }) : t('ack.due', { date: p.due })}</span>
            {p.confirmedVersion !== null && <span className="muted small"> · {t('ack.changed', { version: p.confirmedVersion })}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
