import { useState } from 'react';
import { api } from '../../api';
import { articleHref } from '../../app/route';
import { useI18n } from '../../i18n/i18n';
import { useRoleName } from '../../i18n/useRoleName';
import type { Loaded } from '../../state/useLoad';
import type { AckReport } from '../../../../electron/contract';
import { saveFile } from '../onboarding/download';
import { formatDay } from '../onboarding/format';

/**
 * Dashboard: per policy, who confirmed which version and who has not; a reminder to paste into the
 * team chat (in the pack's language, since the team reads it) and the CSV.
 */
export function AckReportSection({ token, state }: { token: string; state: Loaded<AckReport> }) {
  const { t } = useI18n();
  const roleName = useRoleName();
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  if (state.status !== 'ready') return null;
  const r = state.data;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(r.reminder);
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <section className="ack-report" aria-labelledby="ack-report-h" data-testid="ack-report">
      <h2 id="ack-report-h">{t('ack.reportTitle')}</h2>
      {r.articles.length === 0 ? <p className="muted small">{t('ack.reportEmpty')}</p> : (
        <>
          <p className="button-row">
            <button type="button" onClick={async () => saveFile(await api.exportAcknowledgements({ token }))} data-testid="ack-csv">{t('ack.exportCsv')}</button>
          </p>
          {r.articles.map((a) => (
            <details key={a.articleId} className="ack-policy" open={a.confirmed < a.total}>
              {/* No link inside the summary: a link in a disclosure button is two controls in one (axe nested-interactive). */}
              <summary>
                {a.title}{' '}
                <span className="muted small">{t('ack.policyMeta', { version: a.policy.version, due: a.policy.due })} · {t('ack.reportSummary', { confirmed: a.confirmed, total: a.total, overdue: a.overdue })}</span>
              </summary>
              <p className="small"><a href={articleHref(a.articleId)}>{a.title}</a></p>
              <table className="dashboard" data-testid={`ack-table-${a.articleId}`}>
                <thead><tr><th scope="col">{t('ack.colName')}</th><th scope="col">{t('ack.colRole')}</th><th scope="col">{t('ack.colState')}</th><th scope="col">{t('ack.colConfirmed')}</th><th scope="col">{t('ack.colDue')}</th></tr></thead>
                <tbody>
                  {a.people.map((p) => (
                    <tr key={p.profileId} className={p.overdue ? 'row-behind' : ''}>
                      <th scope="row">{p.name}</th>
                      <td>{roleName(p.roleId)}</td>
                      <td>{p.state === 'pending' ? t('ack.state.pending') : t(`ack.state.${p.state}`, { version: p.confirmedVersion ?? 0 })}</td>
                      <td>{formatDay(p.confirmedAt)}</td>
                      <td className={p.overdue ? 'overdue' : undefined}>{p.due}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          ))}
          <h3 id="ack-reminder-h">{t('ack.reminderTitle')}</h3>
          {r.reminder ? (
            <>
              <textarea className="ack-reminder" readOnly rows={Math.min(8, r.reminder.split('\n').length + 1)} value={r.reminder} aria-labelledby="ack-reminder-h" data-testid="ack-reminder" />
              <p className="button-row">
                <button type="button" className="primary" onClick={copy} data-testid="ack-copy">{t('ack.copy')}</button>
                {copied && <span role="status" className="small">{copied === 'ok' ? t('ack.copied') : t('ack.copyFailed')}</span>}
              </p>
            </>
          ) : <p className="muted small">{t('ack.nobodyMissing')}</p>}
        </>
      )}
    </section>
  );
}
