import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { Charts } from '../../../../electron/contract';
import { useI18n } from '../../i18n/i18n';
import { ChartFigure } from './ChartFigure';
import { AXIS, barsHeight, seriesColor, shorten, STATIC, TOOLTIP } from './chartStyle';

export function MissedChart({ charts }: { charts: Charts }) {
  const { t } = useI18n();
  const questions = charts.missedQuestions;
  return (
    <ChartFigure
      id="missed" title={t('charts.missed')} hint={t('charts.missedHint')} empty={!questions.length}
      legend={[{ name: t('charts.wrong'), color: seriesColor(1) }]}
      chart={(width) => (
        <BarChart width={width} height={barsHeight(questions.length)} data={questions} layout="vertical" accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} {...AXIS} interval={0} />
          <YAxis type="category" dataKey="prompt" width={180} tickFormatter={(v: string) => shorten(v, 12)} {...AXIS} interval={0} />
          <Tooltip {...TOOLTIP} />
          <Bar dataKey="wrong" name={t('charts.wrong')} fill={seriesColor(1)} {...STATIC} />
        </BarChart>
      )}
      table={(
        <table className="data-table">
          <caption className="visually-hidden">{t('charts.missed')}</caption>
          <thead><tr><th scope="col">{t('charts.question')}</th><th scope="col" className="num">{t('charts.wrong')}</th><th scope="col" className="num">{t('charts.asked')}</th></tr></thead>
          <tbody>{questions.map((q) => <tr key={q.quizId + q.questionId}><th scope="row">{q.prompt}</th><td className="num">{q.wrong}</td><td className="num">{q.asked}</td></tr>)}</tbody>
        </table>
      )}
    />
  );
}
