import type { DashboardRow } from '../../../../electron/contract';
import { useI18n } from '../../i18n/i18n';
import { titleIn } from '../../i18n/localTitle';
import { useRoleName } from '../../i18n/useRoleName';
import { formatWhen } from './format';
import { ProgressBar } from './ProgressBar';
import { href } from '../../app/route';

const learnerHref = (id: string) => href({ name: 'trainer', profileId: id });

/** Learners × tracks: who is behind and why, in one table a trainer can scan. */
export function DashboardTable({ rows }: { rows: DashboardRow[] }) {
  const { t, locale } = useI18n();
  const roleName = useRoleName();
  if (rows.length === 0) return <p className="empty">{t('trainer.noLearners')}</p>;
  return (
    <div className="table-wrap">
      <table className="dashboard" data-testid="dashboard">
        <caption className="visually-hidden">{t('trainer.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('trainer.learner')}</th>
            <th scope="col">{t('trainer.track')}</th>
            <th scope="col">{t('trainer.done')}</th>
            <th scope="col">{t('trainer.overdue')}</th>
            <th scope="col">{t('trainer.quizzes')}</th>
            <th scope="col">{t('trainer.signoffs')}</th>
            <th scope="col">{t('trainer.reread')}</th>
            <th scope="col">{t('trainer.lastActivity')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.profileId + r.trackId} data-testid={`row-${r.name}`} className={r.behind ? 'row-behind' : ''}>
              <th scope="row">
                <a href={learnerHref(r.profileId)}>{r.name}</a>
                <div className="muted small">{roleName(r.roleId)} · {t('profile.startedOn', { date: r.startDate })}</div>
                {!!r.devices?.length && (
                  <div className="muted small" data-testid="row-devices">
                    {r.devices.map((d) => t('trainer.deviceSynced', { pc: d.name, at: d.lastSyncedAt ? formatWhen(d.lastSyncedAt, locale) : t('trainer.never') })).join(' · ')}
                  </div>
                )}
              </th>
              <td>{locale === 'en' ? r.trackTitleEn : r.trackTitle}</td>
              <td className="cell-progress">
                <ProgressBar percent={r.percent} label={t('onb.progressLabel', { title: r.name })} />
                <span>{r.percent}% <span className="muted small">({r.done}/{r.total})</span></span>
              </td>
              <td>
                {r.overdue.length > 0 && <span className="badge badge-overdue" title={r.overdue.map((o) => titleIn(locale, o)).join('\n')}>{r.overdue.length}</span>}
                {r.overdueConfirmations.length > 0 && <span className="badge badge-overdue" data-testid="row-overdue-confirmations" title={r.overdueConfirmations.map((o) => o.title).join('\n')}>{t('trainer.overdueConfirmations', { count: r.overdueConfirmations.length })}</span>}
                {!r.behind && <span className="muted">—</span>}
              </td>
              <td className="cell-quizzes">
                {r.quizzes.length === 0 && <span className="muted">—</span>}
                {r.quizzes.map((q) => (
                  <div key={q.stepId} className="small">
                    {q.attempts ? `${q.bestScore}%${q.passed ? ' ✓' : ''}` : t('trainer.notTaken')} <span className="muted">{titleIn(locale, q)}</span>
                  </div>
                ))}
              </td>
              <td>
                {r.pendingSignoffs.length ? <a className="badge badge-soon" href={learnerHref(r.profileId)}>{t('trainer.pending', { count: r.pendingSignoffs.length })}</a> : !r.unverifiedSignoffs?.length && <span className="muted">—</span>}
                {r.unverifiedSignoffs?.length > 0 && <a className="badge badge-unverified" href={learnerHref(r.profileId)} title={r.unverifiedSignoffs.map((u) => titleIn(locale, u)).join('\n')}>{t('trust.unverifiedCount', { count: r.unverifiedSignoffs.length })}</a>}
              </td>
              <td>{r.needsReread.length ? <span className="badge badge-soon" title={r.needsReread.map((n) => titleIn(locale, n)).join('\n')}>{r.needsReread.length}</span> : <span className="muted">—</span>}</td>
              <td className="small cell-when">{r.lastActivity ? formatWhen(r.lastActivity, locale) : <span className="muted">{t('trainer.never')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
