import type { SearchResult } from '../../contract.js';
import type { Store } from '../store/store.js';
import { localToday, weekStart } from '../onboarding/dates.js';

/** Kept per query; the least useful (fewest, oldest) go first beyond this. */
export const MAX_FAILED_SEARCHES = 500;
/** Weeks of counts kept per query (half a year: the chart shows at most 26). */
export const WEEKS_KEPT = 26;
/** A search typed as you go: a failed query followed this soon by a longer one was not the real question. */
const TYPING_MS = 15_000;

export const normalizeQuery = (q: string) => q.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Records a search that found nothing, for "what to write next". Only plain first-page searches
 * count (a filter can empty any result), and the palette searches while typing, so a failed query
 * that the next failed query extends within a few seconds is replaced by it, not counted apart.
 */
export function noteSearch(store: Store, req: { query: string; offset?: number; role?: string; tag?: string; category?: string; platform?: string }, result: Pick<SearchResult, 'total'>, now = new Date()): Promise<void> | null {
  if (result.total > 0 || req.offset || req.role || req.tag || req.category || req.platform) return null;
  const query = normalizeQuery(req.query);
  if ([...query].length < 2 || query.length > 200) return null;
  const at = now.toISOString();
  return store.updateShared((d) => {
    const list = d.failedSearches;
    const last = list.reduce<(typeof list)[number] | null>((a, b) => (!a || b.lastAt > a.lastAt ? b : a), null);
    const week = weekStart(localToday(now));
    const countWeek = (r: (typeof list)[number], n: 1 | -1) => {
      const weeks = (r.weeks ??= {});
      weeks[week] = (weeks[week] ?? 0) + n;
      if (weeks[week] <= 0) delete weeks[week];
      for (const old of Object.keys(weeks).sort().slice(0, -WEEKS_KEPT)) delete weeks[old];
    };
    if (last && last.query !== query && query.startsWith(last.query) && now.getTime() - Date.parse(last.lastAt) < TYPING_MS) {
      if (last.count <= 1) list.splice(list.indexOf(last), 1);
      else { last.count -= 1; countWeek(last, -1); }
    }
    const row = list.find((r) => r.query === query);
    if (row) {
      // The same query again within the typing window is one search (a re-render, a debounce), not two.
      if (now.getTime() - Date.parse(row.lastAt) >= TYPING_MS) { row.count += 1; countWeek(row, 1); }
      row.lastAt = at;
    } else {
      const fresh = { query, count: 1, firstAt: at, lastAt: at };
      countWeek(fresh, 1);
      list.push(fresh);
    }
    if (list.length > MAX_FAILED_SEARCHES) {
      list.sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt));
      list.length = MAX_FAILED_SEARCHES;
    }
  });
}
