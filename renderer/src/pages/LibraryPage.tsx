import type { ArticleList, Request } from '../../../electron/contract';
import { api } from '../api';
import { ArticleCard } from '../components/ArticleCard';
import { CategoryTree } from '../components/CategoryTree';
import { FacetSelect } from '../components/FacetSelect';
import { PageState } from '../components/PageState';
import { useI18n } from '../i18n/i18n';
import { useLoad } from '../state/useLoad';

const FILTERS = ['category', 'role', 'tag', 'platform', 'status', 'sort'] as const;

/** Filters live in the hash (`#/library?role=…`), so back/forward and reloads keep them. */
function setQuery(query: URLSearchParams, key: string, value: string) {
  const next = new URLSearchParams(query);
  if (value) next.set(key, value);
  else next.delete(key);
  location.hash = '#/library' + (next.size ? '?' + next.toString() : '');
}

export function LibraryPage({ query }: { query: URLSearchParams }) {
  const { t, locale } = useI18n();
  const req = Object.fromEntries(FILTERS.map((k) => [k, query.get(k) ?? undefined]).filter(([, v]) => v)) as Request<'listArticles'>;
  const [state, retry] = useLoad(() => api.listArticles(req), [query.toString()]);
  const [roles] = useLoad(() => api.listRoles({}), []);
  const roleName = (id: string) => {
    const r = roles.status === 'ready' ? roles.data.find((x) => x.id === id) : undefined;
    return r ? (locale === 'en' ? r.titleEn : r.title) : id;
  };
  return (
    <section className="page library">
      <h1>{t('library.title')}</h1>
      <PageState state={state} retry={retry}>
        {(data: ArticleList) => (
          <div className="library-layout">
            <CategoryTree categories={data.categories} current={query.get('category') ?? ''} onSelect={(c) => setQuery(query, 'category', c)} />
            <div>
              <div className="filters" role="group" aria-label={t('library.filterRole')}>
                <FacetSelect label={t('library.filterRole')} value={query.get('role') ?? ''} options={data.facets.roles} display={roleName} onChange={(v) => setQuery(query, 'role', v)} name="role" />
                <FacetSelect label={t('library.filterTag')} value={query.get('tag') ?? ''} options={data.facets.tags} onChange={(v) => setQuery(query, 'tag', v)} name="tag" />
                <FacetSelect label={t('library.filterPlatform')} value={query.get('platform') ?? ''} options={data.facets.platforms} onChange={(v) => setQuery(query, 'platform', v)} name="platform" />
                <FacetSelect label={t('library.filterStatus')} value={query.get('status') ?? ''} options={data.facets.statuses} display={(s) => t(`status.${s}` as 'status.draft')} onChange={(v) => setQuery(query, 'status', v)} name="status" />
                <label className="facet">
                  <span>{t('library.sort')}</span>
                  <select value={query.get('sort') ?? 'title'} onChange={(e) => setQuery(query, 'sort', e.target.value === 'title' ? '' : e.target.value)} name="sort">
                    <option value="title">{t('library.sortTitle')}</option>
                    <option value="updated">{t('library.sortUpdated')}</option>
                    <option value="review">{t('library.sortReview')}</option>
                  </select>
                </label>
              </div>
              <p className="muted small" aria-live="polite">{t('library.count', { count: data.articles.length })}</p>
              {data.articles.length === 0 ? (
                <div className="empty">
                  <p>{t('library.empty')}</p>
                  <a className="button" href="#/library">{t('library.clear')}</a>
                </div>
              ) : (
                <ul className="article-cards">
                  {data.articles.map((a) => <li key={a.id}><ArticleCard article={a} roleName={roleName} /></li>)}
                </ul>
              )}
            </div>
          </div>
        )}
      </PageState>
    </section>
  );
}
