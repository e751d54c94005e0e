import { withToken } from '../state/profileSession';
import { useEffect, useRef, useState } from 'react';
import type { Article } from '../../../electron/contract';
import { api } from '../api';
import { ArticleLinkList } from '../components/ArticleLinkList';
import { Icon } from '../components/Icon';
import { ReadStepBar } from '../components/onboarding/ReadStepBar';
import { PageState } from '../components/PageState';
import { ReviewBadge } from '../components/ReviewBadge';
import { AckBar } from '../components/acknowledge/AckBar';
import { StillValidButton } from '../components/acknowledge/StillValidButton';
import { SafeHtml } from '../components/SafeHtml';
import { parseHighlight } from '../components/search/markMatches';
import { Toc } from '../components/Toc';
import { useI18n } from '../i18n/i18n';
import { anchorId } from '../markdown/sanitize';
import { useSession } from '../state/session';
import { useLoad } from '../state/useLoad';
import { editHref, href } from '../app/route';

const libraryHref = (key: string, value: string) => href({ name: 'library', query: { [key]: value } });
/** Most of the pack is Chinese, a few SOPs English; `lang` picks the right fonts and line breaking. */
const langOf = (a: Article) => (/[\u3400-\u9fff]/.test(a.title + a.summary) ? 'zh-CN' : 'en');

export function ArticlePage({ id, section }: { id: string; section: string | null }) {
  const { t, locale } = useI18n();
  const { profile, roles } = useSession();
  const [state, retry] = useLoad(() => api.getArticle({ id }), [id]);
  const [cats] = useLoad(() => api.listArticles({}).then((l) => l.categories), []);
  const [bookmarked, setBookmarked] = useState(false);
  const title = useRef<HTMLHeadingElement>(null);
  // Words a search hit matched (`?hl=`), marked in the text; read here so Page need not know about it.
  const highlight = parseHighlight(new URLSearchParams(location.hash.split('?')[1] ?? '').get('hl'));

  useEffect(() => {
    if (!profile) return;
    withToken(profile.id, (token) => api.recordView({ token, profileId: profile.id, articleId: id })).then((list) => setBookmarked(list.bookmarks.some((b) => b.id === id)), () => {});
  }, [id, profile?.id]);

  useEffect(() => {
    if (state.status !== 'ready') return;
    if (section) document.getElementById(anchorId(section))?.scrollIntoView({ block: 'start' });
    else if (!highlight.length) document.getElementById('content')?.scrollTo?.(0, 0);
    // Keyboard and screen-reader users land on the new article, not on the link they left.
    if (!section) title.current?.focus({ preventScroll: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.status, section, id]);

  const toggleBookmark = async () => {
    if (!profile) return;
    const list = await withToken(profile.id, (token) => api.setBookmark({ token, profileId: profile.id, articleId: id, bookmarked: !bookmarked }));
    setBookmarked(list.bookmarks.some((b) => b.id === id));
  };
  const roleName = (r: string) => {
    const role = roles.find((x) => x.id === r);
    return role ? (locale === 'en' ? role.titleEn : role.title) : r;
  };
  const crumbs = (category: string) => {
    const parts = category ? category.split('/') : [];
    return parts.map((_, i) => {
      const cid = parts.slice(0, i + 1).join('/');
      const c = cats.status === 'ready' ? cats.data.find((x) => x.id === cid) : undefined;
      return { id: cid, name: c ? (locale === 'en' ? c.nameEn : c.name) : parts[i] };
    });
  };

  if (state.status === 'error' && (state.error as { code?: string }).code === 'not_found') {
    return (
      <section className="page">
        <p className="notice">{t('article.notFound')}</p>
        <a className="button" href={href({ name: 'library' })}>{t('article.back')}</a>
      </section>
    );
  }
  return (
    <PageState state={state} retry={retry}>
      {(a: Article) => (
        <div className="article-layout">
          <article className="article" lang={langOf(a)}>
            <header className="article-header" lang={locale}>
              <nav className="breadcrumb" aria-label={t('article.breadcrumb')}>
                <a href={href({ name: 'library' })}>{t('library.title')}</a>
                {crumbs(a.category).map((c) => <span key={c.id}><span aria-hidden="true"> › </span><a href={libraryHref('category', c.id)}>{c.name}</a></span>)}
              </nav>
              <h1 ref={title} tabIndex={-1} lang={langOf(a)}>{a.title}</h1>
              {a.summary && <p className="article-lead" lang={langOf(a)}>{a.summary}</p>}
              <dl className="article-meta">
                <div><dt>{t('article.owner')}</dt><dd>{a.owner || t('article.noOwner')}</dd></div>
                <div><dt>{t('article.reviewed')}</dt><dd>{a.reviewed ?? t('article.never')}</dd></div>
                {a.reviewDue && <div><dt>{t('article.reviewDue')}</dt><dd className={a.needsReview ? 'overdue' : undefined}>{a.reviewDue}</dd></div>}
                {a.lastVerified && <div><dt>✓</dt><dd data-testid="verified-by">{t('review.verifiedBy', { name: a.lastVerified.by, date: a.reviewed ?? '' })}</dd></div>}
              </dl>
              <div className="article-actions">
                <ReviewBadge article={a} />
                {profile?.trainer && <a className="button small" href={editHref(a.id)} data-testid="edit-article">{t('content.edit')}</a>}
                {profile?.trainer && <StillValidButton article={a} onVerified={retry} />}
                {a.status !== 'published' && <span className={`badge badge-${a.status}`}>{t(`status.${a.status}`)}</span>}
                {profile && (
                  <button type="button" className={bookmarked ? 'toggle on' : 'toggle'} aria-pressed={bookmarked} onClick={toggleBookmark} data-testid="bookmark">
                    <Icon name="bookmark" size={16} />
                    {bookmarked ? t('article.bookmarked') : t('article.bookmark')}
                  </button>
                )}
              </div>
              {a.needsReview && (
                <p className="notice notice-warning" role="note">{t('article.needsReviewLong', { date: a.reviewDue ?? '', owner: a.owner || t('article.noOwner') })}</p>
              )}
            </header>
            <SafeHtml key={highlight.join('\u0001')} className="prose" html={a.html} highlight={highlight} />
            <ReadStepBar articleId={a.id} />
            <AckBar articleId={a.id} hash={a.hash} />
            <footer className="article-footer" lang={locale}>
              {(a.roles.length > 0 || a.tags.length > 0 || a.platforms.length > 0) && (
                <dl className="chips-list">
                  {a.roles.length > 0 && <div><dt>{t('article.roles')}</dt><dd>{a.roles.map((r) => <a key={r} className="chip" href={libraryHref('role', r)}>{roleName(r)}</a>)}</dd></div>}
                  {a.tags.length > 0 && <div><dt>{t('article.tags')}</dt><dd>{a.tags.map((g) => <a key={g} className="chip" href={libraryHref('tag', g)}>#{g}</a>)}</dd></div>}
                  {a.platforms.length > 0 && <div><dt>{t('article.platforms')}</dt><dd>{a.platforms.map((p) => <a key={p} className="chip" href={libraryHref('platform', p)}>{p}</a>)}</dd></div>}
                </dl>
              )}
              <div className="article-footer-links">
                <section aria-labelledby="backlinks-h">
                  <h2 id="backlinks-h">{t('article.backlinks')}</h2>
                  <ArticleLinkList items={a.backlinks} empty={t('article.noBacklinks')} />
                </section>
                {a.related.length > 0 && (
                  <section aria-labelledby="related-h">
                    <h2 id="related-h">{t('article.related')}</h2>
                    <ArticleLinkList items={a.related} empty="" />
                  </section>
                )}
              </div>
            </footer>
          </article>
          <Toc entries={a.toc} />
        </div>
      )}
    </PageState>
  );
}
