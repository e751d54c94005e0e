/** Colours come from CSS variables (charts.css), so light, dark and print themes apply to the SVG as to the page. */
export const SERIES = ['var(--chart-1)', 'var(--chart-2)', 'var(--chart-3)', 'var(--chart-4)', 'var(--chart-5)', 'var(--chart-6)', 'var(--chart-7)'];
export const seriesColor = (i: number) => SERIES[i % SERIES.length];
export const AXIS = { stroke: 'var(--border)', tick: { fill: 'var(--muted)', fontSize: 12 } } as const;
export const TOOLTIP = {
  contentStyle: { background: 'var(--surface)', border: '1px solid var(--border)', borderRadius: 8, color: 'var(--text)' },
  labelStyle: { color: 'var(--text)' },
  cursor: { fill: 'var(--surface-2)' },
} as const;
/** Long step titles and prompts: cut for the axis, whole in the table and the tooltip. */
export const shorten = (text: string, max = 14) => ([...text].length > max ? [...text].slice(0, max - 1).join('') + '…' : text);
/** Charts are drawn once, without animation: it would only delay what the trainer came to see, and print half-drawn. */
export const STATIC = { isAnimationActive: false } as const;
/** Fixed ticks for a 0–100 % axis: nothing to compute or measure. */
export const PERCENT_TICKS = [0, 25, 50, 75, 100];
/**
 * Every week labelled ("MM-DD", ~44 px each) when they fit, else every other one: a fixed choice,
 * where recharts would measure each label's text in the page to decide.
 */
export const weekInterval = (width: number, weeks: number) => (width >= weeks * 44 + 60 ? 0 : 1);
/** A horizontal bar chart's height: one row per bar, and room for the axis. */
export const barsHeight = (bars: number) => Math.max(140, 30 * bars + 40);
