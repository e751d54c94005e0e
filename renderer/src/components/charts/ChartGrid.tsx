import { useEffect } from 'react';
import type { Charts } from '../../../../electron/contract';
import { CompletionChart } from './CompletionChart';
import { FailedSearchChart } from './FailedSearchChart';
import { MissedChart } from './MissedChart';
import { OverdueChart } from './OverdueChart';
import { noteChartsDrawn } from './prefetch';

/** The four charts, each with its table. */
export function ChartGrid({ charts }: { charts: Charts }) {
  useEffect(noteChartsDrawn, []);
  return (
    <div className="chart-grid">
      <CompletionChart charts={charts} />
      <OverdueChart charts={charts} />
      <MissedChart charts={charts} />
      <FailedSearchChart charts={charts} />
    </div>
  );
}
