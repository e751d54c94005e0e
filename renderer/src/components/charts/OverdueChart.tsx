import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Charts } from '../../../../electron/contract';
import { useI18n } from '../../i18n/i18n';
import { ChartFigure } from './ChartFigure';
import { AXIS, seriesColor, shorten, STATIC, TOOLTIP } from './chartStyle';

export function OverdueChart({ charts }: { charts: Charts }) {
  const { t, locale } = useI18n();
  const steps = charts.overdueSteps.map((s) => ({ ...s, label: locale === 'en' && s.titleEn ? s.titleEn : s.title }));
  return (
    <ChartFigure
      id="overdue" title={t('charts.overdue')} hint={t('charts.overdueHint')} empty={!steps.length}
      chart={(
        <ResponsiveContainer width="100%" height={Math.max(160, 34 * steps.length + 60)}>
          <BarChart data={steps} layout="vertical" accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} {...AXIS} />
            <YAxis type="category" dataKey="label" width={180} tickFormatter={(v: string) => shorten(v, 12)} {...AXIS} />
            <Tooltip {...TOOLTIP} />
            <Legend />
            <Bar dataKey="overdueNow" name={t('charts.overdueNow')} stackId="a" fill={seriesColor(0)} {...STATIC} />
            <Bar dataKey="doneLate" name={t('charts.doneLate')} stackId="a" fill={seriesColor(2)} {...STATIC} />
          </BarChart>
        </ResponsiveContainer>
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
