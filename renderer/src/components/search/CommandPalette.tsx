import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../../i18n/i18n';
import { hitHref } from './hitHref';
import { IndexStatus } from './IndexStatus';
import { SearchHitItem } from './SearchHitItem';
import { useSearch } from './useSearch';

const LIMIT = 8;

/** Ctrl/Cmd+K: results as you type; arrows move, Enter opens, Escape closes. */
export function CommandPalette({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const ref = useRef<HTMLDialogElement>(null);
  const state = useSearch({ query, limit: LIMIT });
  const result = state.status === 'ready' ? state.result : state.status === 'loading' ? state.last : null;
  const hits = result?.hits ?? [];

  useEffect(() => {
    const d = ref.current!;
    if (!d.open) d.showModal();
    const cancel = (e: Event) => { e.preventDefault(); onClose(); };
    d.addEventListener('cancel', cancel);
    return () => d.removeEventListener('cancel', cancel);
  }, [onClose]);
  useEffect(() => setActive(0), [query]);

  const go = (href: string) => {
    location.hash = href;
    onClose();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') { e.preventDefault(); setActive((a) => Math.min(a + 1, hits.length)); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); setActive((a) => Math.max(a - 1, 0)); }
    else if (e.key === 'Enter') {
      e.preventDefault();
      if (active < hits.length) go(hitHref(hits[active], query));
      else if (query.trim()) go('#/search?q=' + encodeURIComponent(query));
    }
  };

  return (
    <dialog ref={ref} className="dialog palette" aria-label={t('search.palette')} onClick={(e) => { if (e.target === ref.current) onClose(); }}>
      <input
        className="palette-input" autoFocus value={query} onChange={(e) => setQuery(e.target.value)} onKeyDown={onKey}
        placeholder={t('search.placeholder')} aria-label={t('search.placeholder')} role="combobox" aria-expanded={hits.length > 0}
        aria-controls="palette-results" aria-activedescendant={hits.length ? `palette-hit-${active}` : undefined} data-testid="palette-input"
      />
      <IndexStatus />
      <div id="palette-results" role="listbox" aria-label={t('search.results')} onClick={(e) => { if ((e.target as HTMLElement).closest('a')) onClose(); }}>
        {hits.map((h, i) => <SearchHitItem key={h.id} hit={h} query={query} active={i === active} id={`palette-hit-${i}`} />)}
      </div>
      {query.trim() && result && result.total === 0 && result.suggestions.length > 0 && (
        <p className="palette-suggestions" data-testid="palette-suggestions">
          {t('search.tryInstead')}{' '}
          {result.suggestions.map((s) => <a key={s} className="suggestion" href={'#/search?q=' + encodeURIComponent(s)} onClick={onClose}>{s}</a>)}
        </p>
      )}
      {query.trim() && result && (
        <a className={active === hits.length ? 'palette-all active' : 'palette-all'} href={'#/search?q=' + encodeURIComponent(query)} onClick={onClose}>
          {result.total ? t('search.seeAll', { count: result.total }) : t('search.noResults')}
        </a>
      )}
      <p className="palette-hint muted small">{t('search.paletteHint')}</p>
    </dialog>
  );
}
