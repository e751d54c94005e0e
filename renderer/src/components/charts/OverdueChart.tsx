import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { Charts } from '../../../../electron/contract';
import { useI18n } from '../../i18n/i18n';
import { titleIn } from '../../i18n/localTitle';
import { ChartFigure } from './ChartFigure';
import { AXIS, barsHeight, seriesColor, shorten, STATIC, TOOLTIP } from './chartStyle';

export function OverdueChart({ charts }: { charts: Charts }) {
  const { t, locale } = useI18n();
  const steps = charts.overdueSteps.map((s) => ({ ...s, label: titleIn(locale, s) }));
  return (
    <ChartFigure
      id="overdue" title={t('charts.overdue')} hint={t('charts.overdueHint')} empty={!steps.length}
      legend={[{ name: t('charts.overdueNow'), color: seriesColor(0) }, { name: t('charts.doneLate'), color: seriesColor(2) }]}
      chart={(width) => (
        <BarChart width={width} height={barsHeight(steps.length)} data={steps} layout="vertical" accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} {...AXIS} interval={0} />
          <YAxis type="category" dataKey="label" width={180} tickFormatter={(v: string) => shorten(v, 12)} {...AXIS} interval={0} />
          <Tooltip {...TOOLTIP} />
          <Bar dataKey="overdueNow" name={t('charts.overdueNow')} stackId="a" fill={seriesColor(0)} {...STATIC} />
          <Bar dataKey="doneLate" name={t('charts.doneLate')} stackId="a" fill={seriesColor(2)} {...STATIC} />
        </BarChart>
      )}
      table={(
        <table className="data-table">
          <caption className="visually-hidden">{t('charts.overdue')}</caption>
          <thead><tr><th scope="col">{t('charts.step')}</th><th scope="col" className="num">{t('charts.overdueNow')}</th><th scope="col" className="num">{t('charts.doneLate')}</th></tr></thead>
          <tbody>{steps.map((s) => <tr key={s.trackId + s.stepId}><th scope="row">{s.label}</th><td className="num">{s.overdueNow}</td><td className="num">{s.doneLate}</td></tr>)}</tbody>
        </table>
      )}
    />
  );
}
