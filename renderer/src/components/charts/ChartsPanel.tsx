import { useI18n } from '../../i18n/i18n';
import { useLoad } from '../../state/useLoad';
import { PageState } from '../PageState';
import { CompletionChart } from './CompletionChart';
import { FailedSearchChart } from './FailedSearchChart';
import { chartsFor } from './prefetch';
import { MissedChart } from './MissedChart';
import { OverdueChart } from './OverdueChart';

/** The trainer's charts: the core sums everyone's records; this draws the small series it returns. */
export function ChartsPanel({ token, role }: { token: string; role: string }) {
  const { t } = useI18n();
  const [state, retry] = useLoad(() => chartsFor(token, role), [token, role]);
  return (
    <section aria-labelledby="charts-title" className="trainer-section charts" data-testid="charts">
      <h2 id="charts-title">{t('charts.title')}</h2>
      <PageState state={state} retry={retry}>
        {(charts) => (
          <div className="chart-grid">
            <CompletionChart charts={charts} />
            <OverdueChart charts={charts} />
            <MissedChart charts={charts} />
            <FailedSearchChart charts={charts} />
          </div>
        )}
      </PageState>
    </section>
  );
}
