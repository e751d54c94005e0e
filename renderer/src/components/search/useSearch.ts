import { useEffect, useState } from 'react';
import type { Request, SearchResult } from '../../../../electron/contract';
import { api } from '../../api';

export type SearchState = { status: 'idle' } | { status: 'loading'; last: SearchResult | null } | { status: 'ready'; result: SearchResult } | { status: 'error'; message: string };

/** Searches as the person types: a short pause first, and only the newest answer counts. */
export function useSearch(req: Request<'search'>, delayMs = 90): SearchState {
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  const key = JSON.stringify(req);
  useEffect(() => {
    if (!req.query.trim()) {
      setState({ status: 'idle' });
      return;
    }
    let live = true;
    setState((s) => ({ status: 'loading', last: s.status === 'ready' ? s.result : s.status === 'loading' ? s.last : null }));
    const timer = setTimeout(() => {
      api.search(req).then(
        (result) => live && setState({ status: 'ready', result }),
        (err: Error) => live && setState({ status: 'error', message: err.message }),
      );
    }, delayMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state;
}
