import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Charts } from '../../../../electron/contract';
import { useI18n } from '../../i18n/i18n';
import { useRoleName } from '../../i18n/useRoleName';
import { ChartFigure } from './ChartFigure';
import { AXIS, seriesColor, STATIC, TOOLTIP } from './chartStyle';

export function CompletionChart({ charts }: { charts: Charts }) {
  const { t } = useI18n();
  const roleName = useRoleName();
  const series = charts.completionByRole;
  const data = charts.weeks.map((week, i) => ({ week: week.slice(5), ...Object.fromEntries(series.map((s) => [s.roleId, s.percent[i]])) }));
  return (
    <ChartFigure
      id="completion" title={t('charts.completion')} hint={t('charts.completionHint')} empty={!series.length}
      chart={(
        <ResponsiveContainer width="100%" height={280}>
          <LineChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 0, left: -8 }}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
            <XAxis dataKey="week" {...AXIS} />
            <YAxis domain={[0, 100]} unit="%" {...AXIS} />
            <Tooltip {...TOOLTIP} formatter={(v) => `${v}%`} />
            <Legend />
            {series.map((s, i) => <Line key={s.roleId} type="monotone" dataKey={s.roleId} name={roleName(s.roleId)} stroke={seriesColor(i)} strokeWidth={2} dot={{ r: 2 }} connectNulls {...STATIC} />)}
          </LineChart>
        </ResponsiveContainer>
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
