import { startTransition, useCallback, useEffect, useState, type ComponentType } from 'react';
import type { Charts } from '../../../../electron/contract';
import { chartsAhead, chartsDrawnOnce, loadChartsPanel, prefetchCharts } from './prefetch';

/** The session the charts were last fetched ahead for. */
let aheadFor = '';
type WarmUp = { Draw: ComponentType<{ charts: Charts; onDrawn: () => void }>; charts: Charts };

/**
 * Put in the page once the dashboard's table has drawn. Once per session: fetches the charts' code
 * and data in the background (the core computes everyone's part then), so "Charts" opens at once.
 * Until the charts have drawn once in this page: when both are in and the page is idle, draws them
 * out of sight (see ChartsWarmUp), at a priority any input beats, so the chart library's slow first
 * run is spent here and not after the click.
 */
export function ChartsAhead({ token, role }: { token: string; role: string }) {
  const [warmUp, setWarmUp] = useState<WarmUp | null>(null);
  useEffect(() => {
    if (aheadFor === token) return;
    aheadFor = token;
    prefetchCharts(token, role);
    const charts = chartsAhead(token, role);
    if (chartsDrawnOnce() || !charts) return;
    let live = true;
    let idle = 0;
    Promise.all([loadChartsPanel(), charts]).then(([m, c]) => {
      if (live) idle = requestIdleCallback(() => startTransition(() => setWarmUp({ Draw: m.ChartsWarmUp, charts: c })), { timeout: 2000 });
    }, () => { /* the click asks again and says what failed */ });
    return () => {
      live = false;
      cancelIdleCallback(idle);
      if (!chartsDrawnOnce()) aheadFor = ''; // gone before the warm-up (or React's dev double run): next time
    };
  }, [token, role]);
  const drawn = useCallback(() => setWarmUp(null), []);
  return warmUp ? <warmUp.Draw charts={warmUp.charts} onDrawn={drawn} /> : null;
}
