import type { IndexView, Plan } from './plan.js';
import { phaseA, type Scratch, type Segments } from './scorer.js';

/** what one query runs against: the index segments, the engine's term view and reusable scratch */
export interface SearchContext extends Segments {
  view: IndexView;
  scratch: Scratch;
}

export type Filter = (d: number) => boolean;

/** documents matching a plan under a filter (used to verify suggestions) */
export function countMatches(ctx: SearchContext, plan: Plan, filter: Filter | null): number {
  if (plan.clauses.length === 0) return 0;
  const a = phaseA(ctx, plan, ctx.scratch);
  if (!filter) return a.matched.length;
  let n = 0;
  for (const d of a.matched) if (filter(d)) n++;
  return n;
}
