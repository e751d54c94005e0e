import { withToken } from '../state/profileSession';
import type { ArticleList, Request } from '../../../electron/contract';
import { api } from '../api';
import { ArticleCard } from '../components/ArticleCard';
import { ArticleLinkList } from '../components/ArticleLinkList';
import { CategoryTree } from '../components/CategoryTree';
import { FacetSelect } from '../components/FacetSelect';
import { PageState } from '../components/PageState';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../state/session';
import { useLoad } from '../state/useLoad';
import { href } from '../app/route';

const FILTERS = ['category', 'role', 'tag', 'platform', 'status', 'review', 'sort'] as const;
const RECENT_SHOWN = 5;

/** Filters live in the hash (`#/library?role=…`), so back/forward and reloads keep them. */
function setQuery(query: URLSearchParams, key: string, value: string) {
  const next = new URLSearchParams(query);
  if (value) next.set(key, value);
  else next.delete(key);
  location.hash = href({ name: 'library', query: next });
}

export function LibraryPage({ query }: { query: URLSearchParams }) {
  const { t, locale } = useI18n();
  const { profile, profileReady: ready, roles } = useSession();
  const req = Object.fromEntries(FILTERS.map((k) => [k, query.get(k) ?? undefined]).filter(([, v]) => v)) as Request<'listArticles'>;
  const [state, retry] = useLoad(() => api.listArticles(req), [query.toString()]);
  const [reading] = useLoad(() => (profile ? withToken(profile.id, (token) => api.getReadingList({ token, profileId: profile.id })) : Promise.resolve(null)), [profile?.id, ready]);
  const roleName = (id: string) => {
    const r = roles.find((x) => x.id === id);
    return r ? (locale === 'en' ? r.titleEn : r.title) : id;
  };
  const filtered = FILTERS.some((k) => k !== 'sort' && query.get(k));
  return (
    <section className="page library">
      <h1>{t('library.title')}</h1>
      <PageState state={state} retry={retry}>
        {(data: ArticleList) => {
          const categoryName = (id: string) => {
            const c = data.categories.find((x) => x.id === id);
            return c ? (locale === 'en' ? c.nameEn : c.name) : id;
          };
          return (
            <div className="library-layout">
              <aside className="library-aside">
                <CategoryTree categories={data.categories} current={query.get('category') ?? ''} onSelect={(c) => setQuery(query, 'category', c)} />
                {reading.status === 'ready' && reading.data && (
                  <>
                    <section className="reading-list" aria-labelledby="lib-bookmarks">
                      <h2 id="lib-bookmarks" className="small-heading">{t('library.bookmarks')}</h2>
                      <ArticleLinkList items={reading.data.bookmarks.slice(0, RECENT_SHOWN)} empty={t('library.noBookmarks')} />
                    </section>
                    <section className="reading-list" aria-labelledby="lib-recent">
                      <h2 id="lib-recent" className="small-heading">{t('library.recent')}</h2>
                      <ArticleLinkList items={reading.data.recent.slice(0, RECENT_SHOWN)} empty={t('library.noRecent')} />
                    </section>
                  </>
                )}
              </aside>
              <div className="library-main">
                <div className="filters" role="group" aria-label={t('library.filters')}>
                  <FacetSelect label={t('library.filterRole')} value={query.get('role') ?? ''} options={data.facets.roles} display={roleName} onChange={(v) => setQuery(query, 'role', v)} name="role" />
                  <FacetSelect label={t('library.filterTag')} value={query.get('tag') ?? ''} options={data.facets.tags} onChange={(v) => setQuery(query, 'tag', v)} name="tag" />
                  <FacetSelect label={t('library.filterPlatform')} value={query.get('platform') ?? ''} options={data.facets.platforms} onChange={(v) => setQuery(query, 'platform', v)} name="platform" />
                  <FacetSelect label={t('library.filterStatus')} value={query.get('status') ?? ''} options={data.facets.statuses} display={(s) => t(`status.${s}` as 'status.draft')} onChange={(v) => setQuery(query, 'status', v)} name="status" />
                  <label className="facet">
                    <span>{t('library.filterReview')}</span>
                    <select value={query.get('review') ?? ''} onChange={(e) => setQuery(query, 'review', e.target.value)} name="review" data-testid="review-filter">
                      <option value="">{t('library.any')}</option>
                      <option value="verified">{t('library.reviewVerified')}</option>
                      <option value="overdue">{t('library.reviewOverdue')}</option>
                    </select>
                  </label>
                  <label className="facet">
                    <span>{t('library.sort')}</span>
                    <select value={query.get('sort') ?? 'title'} onChange={(e) => setQuery(query, 'sort', e.target.value === 'title' ? '' : e.target.value)} name="sort">
                      <option value="title">{t('library.sortTitle')}</option>
                      <option value="updated">{t('library.sortUpdated')}</option>
                      <option value="review">{t('library.sortReview')}</option>
                    </select>
                  </label>
                </div>
                <div className="results-bar">
                  <p className="muted small" aria-live="polite">{t('library.count', { count: data.articles.length })}</p>
                  {filtered && <a className="button small" href={href({ name: 'library', query: query.get('sort') ? { sort: query.get('sort')! } : undefined })}>{t('library.clear')}</a>}
                </div>
                {data.articles.length === 0 ? (
                  <div className="empty">
                    <p>{t('library.empty')}</p>
                    <a className="button" href={href({ name: 'library' })}>{t('library.clear')}</a>
                  </div>
                ) : (
                  <ul className="article-cards">
                    {data.articles.map((a) => <li key={a.id}><ArticleCard article={a} roleName={roleName} categoryName={categoryName} /></li>)}
                  </ul>
                )}
              </div>
            </div>
          );
        }}
      </PageState>
    </section>
  );
}
