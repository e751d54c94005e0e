import type { TeamStatusInfo } from '../../../../electron/contract';
import { errorText } from '../../i18n/errorText';
import { useI18n } from '../../i18n/i18n';

const when = (iso: string | null | undefined, locale: string) => (iso ? new Date(iso).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' }) : null);

/** "Up to date · 3 files updated at 10:32", "Offline since … (last good sync …)", or the reason it failed. */
export function TeamStatusLine({ status }: { status: TeamStatusInfo }) {
  const { t, locale } = useI18n();
  const last = when(status.lastSyncAt, locale) ?? t('team.never');
  const failing = status.state === 'failing';
  return (
    <div className={failing || status.state === 'conflict' ? 'notice notice-warning team-status' : 'notice team-status'} role="status" data-testid="team-status">
      <p>
        <strong>
          {status.state === 'failing' ? t('team.state.failing', { since: when(status.failingSince, locale) ?? '', last })
            : status.state === 'conflict' ? t('team.state.conflict', { count: status.conflicts?.length ?? 0 })
            : status.state === 'unpublished' ? t('team.state.unpublished') : t('team.state.up_to_date')}
        </strong>
        {!failing && <> · {t('team.lastSync', { at: last })}</>}
        {status.lastChange && !failing && <> · {t('team.updated', { count: status.lastChange.files, at: when(status.lastChange.at, locale) ?? '' })}</>}
        {status.recordsPending && <> · {t('team.recordsPending')}</>}
      </p>
      {status.lastError && <p>{errorText({ key: 'team.reason.' + status.lastError.reason, message: status.lastError.message, params: { path: '' } }, t)}</p>}
    </div>
  );
}
