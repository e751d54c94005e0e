import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { Charts } from '../../../../electron/contract';
import { useI18n } from '../../i18n/i18n';
import { ChartFigure } from './ChartFigure';
import { AXIS, seriesColor, STATIC, TOOLTIP, weekInterval } from './chartStyle';

export function FailedSearchChart({ charts }: { charts: Charts }) {
  const { t } = useI18n();
  const weeks = charts.failedSearches.map((w) => ({ ...w, label: w.week.slice(5) }));
  return (
    <ChartFigure
      id="failed" title={t('charts.failed')} hint={t('charts.failedHint')} empty={!weeks.some((w) => w.searches > 0)}
      chart={(width) => (
        <BarChart width={width} height={240} data={weeks} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 0, left: -8 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" {...AXIS} interval={weekInterval(width, weeks.length)} />
          <YAxis allowDecimals={false} {...AXIS} interval={0} />
          <Tooltip {...TOOLTIP} />
          <Bar dataKey="searches" name={t('charts.searches')} fill={seriesColor(3)} {...STATIC} />
        </BarChart>
      )}
      table={(
        <table className="data-table">
          <caption className="visually-hidden">{t('charts.failed')}</caption>
          <thead><tr><th scope="col">{t('charts.week')}</th><th scope="col" className="num">{t('charts.searches')}</th><th scope="col" className="num">{t('charts.queries')}</th><th scope="col">{t('charts.topQuery')}</th></tr></thead>
          <tbody>{weeks.map((w) => <tr key={w.week}><th scope="row">{w.week}</th><td className="num">{w.searches}</td><td className="num">{w.queries}</td><td>{w.top ?? '–'}</td></tr>)}</tbody>
        </table>
      )}
    />
  );
}
