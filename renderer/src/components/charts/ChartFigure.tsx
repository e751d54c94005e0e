import { useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';

/**
 * One chart with its table. The table is always in the page for screen readers (visually hidden
 * while the chart shows, so the SVG itself is hidden from them); the toggle shows it to everyone.
 * Printing shows both (see charts.css).
 */
export function ChartFigure({ id, title, hint, empty, chart, table }: { id: string; title: string; hint: string; empty: boolean; chart: ReactNode; table: ReactNode }) {
  const { t } = useI18n();
  const [asTable, setAsTable] = useState(false);
  return (
    <figure className="chart-figure" aria-labelledby={`chart-${id}-title`} data-testid={`chart-${id}`}>
      <div className="chart-head">
        <h3 id={`chart-${id}-title`}>{title}</h3>
        {!empty && (
          <button type="button" className="no-print" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)} data-testid={`chart-${id}-toggle`}>
            {t('charts.showTable')}
          </button>
        )}
      </div>
      <p className="muted small">{hint}</p>
      {empty ? <p className="empty">{t('charts.noData')}</p> : (
        <>
          {!asTable && <div className="chart-plot" aria-hidden="true">{chart}</div>}
          <div className={asTable ? 'chart-table' : 'chart-table visually-hidden'}>{table}</div>
        </>
      )}
    </figure>
  );
}
