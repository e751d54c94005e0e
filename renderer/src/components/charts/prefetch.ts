import type { Charts } from '../../../../electron/contract';
import { api } from '../../api';

/*
 * When a trainer's dashboard has drawn, the charts' code and data are fetched in the background:
 * the core computes every learner's part then (and keeps it until their records change), and the
 * first click on "Charts" draws at once. Nothing of this is loaded before the trainer page opens.
 * A later click on "Charts" sends the request itself, before the page has swapped the views.
 */

/** Fetched-ahead charts are used once, and only while this fresh; later visits ask again. */
const FRESH_MS = 30_000;
let ahead: { key: string; at: number; charts: Promise<Charts> } | null = null;
const keyOf = (token: string, role: string) => `${token}\n${role}`;
const fetchCharts = (token: string, role: string) => api.getCharts({ token, ...(role ? { role } : {}) });

type PanelModule = typeof import('./ChartsPanel');
let loaded: PanelModule | null = null;
export const loadChartsPanel = (): Promise<PanelModule> => import('./ChartsPanel').then((m) => (loaded = m));
/** The panel's module once fetched, so the charts view can draw it in the same render. */
export const loadedChartsPanel = (): PanelModule | null => loaded;

export function prefetchCharts(token: string, role: string): void {
  loadChartsPanel().catch(() => { /* opening the charts will load it again and say */ });
  // One still on its way (or just in) for the same filter serves: a second would only queue behind it.
  if (ahead && ahead.key === keyOf(token, role) && Date.now() - ahead.at < FRESH_MS) return;
  const charts = fetchCharts(token, role);
  charts.catch(() => { /* opening the charts asks again and shows the error */ });
  ahead = { key: keyOf(token, role), at: Date.now(), charts };
}

/** Whether the chart code has drawn once in this page (its first run is the slow one). */
let drawnOnce = false;
export const chartsDrawnOnce = (): boolean => drawnOnce;
export const noteChartsDrawn = (): void => { drawnOnce = true; };

/** The charts fetched ahead for this filter, left in place for the click (the warm-up draws them once). */
export function chartsAhead(token: string, role: string): Promise<Charts> | null {
  return ahead && ahead.key === keyOf(token, role) && Date.now() - ahead.at < FRESH_MS ? ahead.charts : null;
}

/** The charts to draw now: the ones fetched ahead if fresh and for the same filter, else asked for. */
export function chartsFor(token: string, role: string): Promise<Charts> {
  const a = ahead;
  ahead = null;
  if (a && a.key === keyOf(token, role) && Date.now() - a.at < FRESH_MS) return a.charts.catch(() => fetchCharts(token, role));
  return fetchCharts(token, role);
}
