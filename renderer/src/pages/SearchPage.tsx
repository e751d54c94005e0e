import { useState, type FormEvent } from 'react';
import type { Request } from '../../../electron/contract';
import { FacetSelect } from '../components/FacetSelect';
import { IndexStatus } from '../components/search/IndexStatus';
import { SearchHitItem } from '../components/search/SearchHitItem';
import { useCategoryName } from '../components/search/useCategoryName';
import { useSearch } from '../components/search/useSearch';
import { useI18n } from '../i18n/i18n';
import { useRoleName } from '../i18n/useRoleName';
import { href } from '../app/route';

const FILTERS = ['role', 'tag', 'category', 'platform'] as const;
const PAGE = 20;

function setParam(query: URLSearchParams, key: string, value: string) {
  const next = new URLSearchParams(query);
  if (value) next.set(key, value);
  else next.delete(key);
  if (key !== 'limit') next.delete('limit');
  location.hash = href({ name: 'search', query: next });
}

export function SearchPage({ query }: { query: URLSearchParams }) {
  const { t } = useI18n();
  const roleName = useRoleName();
  const categoryName = useCategoryName();
  const q = query.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const limit = Math.min(100, Number(query.get('limit')) || PAGE);
  const req: Request<'search'> = { query: q, limit, ...Object.fromEntries(FILTERS.map((k) => [k, query.get(k) ?? undefined]).filter(([, v]) => v)) };
  const state = useSearch(req, 0);
  const result = state.status === 'ready' ? state.result : state.status === 'loading' ? state.last : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParam(query, 'q', draft.trim());
  };
  const filtered = FILTERS.some((k) => query.get(k));

  return (
    <section className="page search-page">
      <h1>{t('nav.search')}</h1>
      <form className="search-form" onSubmit={submit} role="search">
        <input value={draft} onChange={(e) => setDraft(e.target.value)} placeholder={t('search.placeholder')} aria-label={t('search.placeholder')} autoFocus name="q" data-testid="search-input" />
        <button type="submit" className="primary">{t('nav.search')}</button>
      </form>
      <IndexStatus />
      {state.status === 'error' && <p className="notice notice-error" role="alert">{t('common.error', { message: state.message })}</p>}
      {q && result && (
        <>
          <div className="filters">
            <FacetSelect label={t('library.filterRole')} value={query.get('role') ?? ''} options={result.facets.roles} display={roleName} onChange={(v) => setParam(query, 'role', v)} name="role" />
            <FacetSelect label={t('library.filterTag')} value={query.get('tag') ?? ''} options={result.facets.tags} onChange={(v) => setParam(query, 'tag', v)} name="tag" />
            <FacetSelect label={t('search.category')} value={query.get('category') ?? ''} options={result.facets.categories} display={categoryName} onChange={(v) => setParam(query, 'category', v)} name="category" />
            <FacetSelect label={t('library.filterPlatform')} value={query.get('platform') ?? ''} options={result.facets.platforms} onChange={(v) => setParam(query, 'platform', v)} name="platform" />
          </div>
          <p className="muted small" aria-live="polite" data-testid="search-count">{t('search.count', { count: result.total, ms: Math.max(1, Math.round(result.ms)) })}</p>
          {result.total === 0 ? (
            <div className="empty">
              <p>{t('search.noResultsFor', { query: q })}</p>
              {result.suggestions.length > 0 && (
                <p>
                  {t('search.tryInstead')}{' '}
                  {result.suggestions.map((s) => <a key={s} className="suggestion" href={href({ name: 'search', query: { q: s } })}>{s}</a>)}
                </p>
              )}
              {filtered && <button type="button" onClick={() => { location.hash = href({ name: 'search', query: { q } }); }}>{t('library.clear')}</button>}
              <p className="muted small">{t('search.emptyHint')}</p>
            </div>
          ) : (
            <ol className="search-results">
              {result.hits.map((h) => <li key={h.id}><SearchHitItem hit={h} query={q} /></li>)}
            </ol>
          )}
          {result.total > result.hits.length && (
            <button type="button" onClick={() => setParam(query, 'limit', String(Math.min(100, limit + PAGE)))}>{t('search.more')}</button>
          )}
        </>
      )}
      {!q && <p className="muted">{t('search.intro')}</p>}
    </section>
  );
}
