import type { Handlers } from '../../contract.js';
import { noteSearch } from '../health/failedSearches.js';
import type { Store } from '../store/store.js';
import type { SearchService } from './service.js';

export type SearchMethods = 'search' | 'searchStatus';

/** What the search methods need from the core. */
export interface SearchContext {
  search: SearchService;
  /** Where searches that found nothing are counted (for the content health page). */
  store: Store;
}

export function searchHandlers({ search, store }: SearchContext): Pick<Handlers, SearchMethods> {
  return {
    async search(req) {
      const result = await search.search(req);
      noteSearch(store, req, result)?.catch(() => { /* a lost count must not fail the search */ });
      return result;
    },
    async searchStatus() { return search.status(); },
  };
}
