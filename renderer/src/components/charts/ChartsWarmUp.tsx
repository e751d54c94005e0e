import { useEffect } from 'react';
import type { Charts } from '../../../../electron/contract';
import { ChartGrid } from './ChartGrid';

/** Long enough for the chart library's passes after the first commit (measure, then draw). */
const DRAWN_MS = 1000;

/**
 * Draws the charts once where nobody sees them (visibility: hidden, off the page, so out of the
 * accessibility tree and the tab order, yet laid out at a real width), then goes. The chart
 * library's code runs cold the first time, about twice as slow as later; this first time happens
 * while the trainer reads the table, not after the click on "Charts".
 */
export function ChartsWarmUp({ charts, onDrawn }: { charts: Charts; onDrawn: () => void }) {
  useEffect(() => {
    const timer = setTimeout(onDrawn, DRAWN_MS);
    return () => clearTimeout(timer);
  }, [onDrawn]);
  return <div className="charts-warmup"><ChartGrid charts={charts} /></div>;
}
