import { useI18n } from '../../i18n/i18n';
import { useLoad } from '../../state/useLoad';
import { PageState } from '../PageState';
import { ChartGrid } from './ChartGrid';
import { chartsFor } from './prefetch';

// Reached only through this chunk, like the panel: it draws with the chart library.
export { ChartsWarmUp } from './ChartsWarmUp';

/** The trainer's charts: the core sums everyone's records; this draws the small series it returns. */
export function ChartsPanel({ token, role }: { token: string; role: string }) {
  const { t } = useI18n();
  const [state, retry] = useLoad(() => chartsFor(token, role), [token, role]);
  return (
    <section aria-labelledby="charts-title" className="trainer-section charts" data-testid="charts">
      <h2 id="charts-title">{t('charts.title')}</h2>
      <PageState state={state} retry={retry}>
        {(charts) => <ChartGrid charts={charts} />}
      </PageState>
    </section>
  );
}
