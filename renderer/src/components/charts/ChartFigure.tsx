import { useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useI18n } from '../../i18n/i18n';

export interface LegendItem { name: string; color: string }

/**
 * The plot's width, measured before the first paint and again when the page resizes: the chart is
 * drawn once at its size (recharts' ResponsiveContainer draws empty first, then again when measured).
 */
function useWidth(): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(Math.floor(el.clientWidth));
    const observer = new ResizeObserver(() => setWidth(Math.floor(el.clientWidth)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/** The drawing, hidden from screen readers (they read the table). */
function Plot({ chart, legend }: { chart: (width: number) => ReactNode; legend: LegendItem[] }) {
  const [ref, width] = useWidth();
  return (
    <div className="chart-plot" aria-hidden="true" ref={ref}>
      {width > 0 && chart(width)}
      {legend.length > 0 && (
        <ul className="chart-legend">
          {legend.map((l) => <li key={l.name}><span className="chart-swatch" style={{ background: l.color }} />{l.name}</li>)}
        </ul>
      )}
    </div>
  );
}

/**
 * One chart with its table. The table is always in the page for screen readers (visually hidden
 * while the chart shows, so the SVG itself is hidden from them); the toggle shows it to everyone.
 * Printing shows both (see charts.css). The legend is plain HTML: recharts' own is measured and
 * laid out again after the first draw.
 */
export function ChartFigure({ id, title, hint, empty, chart, legend = [], table }: { id: string; title: string; hint: string; empty: boolean; chart: (width: number) => ReactNode; legend?: LegendItem[]; table: ReactNode }) {
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
          {!asTable && <Plot chart={chart} legend={legend} />}
          <div className={asTable ? 'chart-table' : 'chart-table visually-hidden'}>{table}</div>
        </>
      )}
    </figure>
  );
}
