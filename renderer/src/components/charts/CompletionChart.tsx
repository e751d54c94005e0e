import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { Charts } from '../../../../electron/contract';
import { useI18n } from '../../i18n/i18n';
import { useRoleName } from '../../i18n/useRoleName';
import { ChartFigure } from './ChartFigure';
import { AXIS, PERCENT_TICKS, seriesColor, STATIC, TOOLTIP, weekInterval } from './chartStyle';

export function CompletionChart({ charts }: { charts: Charts }) {
  const { t } = useI18n();
  const roleName = useRoleName();
  const series = charts.completionByRole;
  const data = charts.weeks.map((week, i) => ({ week: week.slice(5), ...Object.fromEntries(series.map((s) => [s.roleId, s.percent[i]])) }));
  return (
    <ChartFigure
      id="completion" title={t('charts.completion')} hint={t('charts.completionHint')} empty={!series.length}
      legend={series.map((s, i) => ({ name: roleName(s.roleId), color: seriesColor(i) }))}
      chart={(width) => (
        <LineChart width={width} height={260} data={data} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 0, left: -8 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis dataKey="week" {...AXIS} interval={weekInterval(width, data.length)} />
          <YAxis domain={[0, 100]} ticks={PERCENT_TICKS} unit="%" {...AXIS} />
          <Tooltip {...TOOLTIP} formatter={(v) => `${v}%`} />
          {series.map((s, i) => <Line key={s.roleId} type="monotone" dataKey={s.roleId} name={roleName(s.roleId)} stroke={seriesColor(i)} strokeWidth={2} dot={{ r: 2 }} connectNulls {...STATIC} />)}
        </LineChart>
      )}
      table={(
        <table className="data-table">
          <caption className="visually-hidden">{t('charts.completion')}</caption>
          <thead><tr><th scope="col">{t('charts.week')}</th>{series.map((s) => <th key={s.roleId} scope="col" className="num">{roleName(s.roleId)}</th>)}</tr></thead>
          <tbody>
            {charts.weeks.map((week, i) => (
              <tr key={week}>
                <th scope="row">{week}</th>
                {series.map((s) => <td key={s.roleId} className="num">{s.percent[i] === null ? '–' : t('charts.percentOf', { percent: s.percent[i]!, learners: s.learners[i] })}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    />
  );
}
