import { useEffect, useState } from 'react';
import type { Article } from '../../../electron/contract';
import { api } from '../api';
import { ArticleLinkList } from '../components/ArticleLinkList';
import { Icon } from '../components/Icon';
import { PageState } from '../components/PageState';
import { ReviewBadge } from '../components/ReviewBadge';
import { SafeHtml } from '../components/SafeHtml';
import { Toc } from '../components/Toc';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../state/session';
import { useLoad } from '../state/useLoad';

export function ArticlePage({ id, section }: { id: string; section: string | null }) {
  const { t } = useI18n();
  const { profile } = useSession();
  const [state, retry] = useLoad(() => api.getArticle({ id }), [id]);
  const [bookmarked, setBookmarked] = useState(false);

  useEffect(() => {
    if (!profile) return;
    api.recordView({ profileId: profile.id, articleId: id }).then((list) => setBookmarked(list.bookmarks.some((b) => b.id === id)), () => {});
  }, [id, profile?.id]);

  useEffect(() => {
    if (state.status !== 'ready') return;
    if (section) document.getElementById(section)?.scrollIntoView({ block: 'start' });
    else document.getElementById('content')?.scrollTo?.(0, 0);
  }, [state.status, section, id]);

  const toggleBookmark = async () => {
    if (!profile) return;
    const list = await api.setBookmark({ profileId: profile.id, articleId: id, bookmarked: !bookmarked });
    setBookmarked(list.bookmarks.some((b) => b.id === id));
  };

  if (state.status === 'error' && (state.error as { code?: string }).code === 'not_found') {
    return (
      <section className="page">
        <p className="notice">{t('article.notFound')}</p>
        <a className="button" href="#/library">{t('article.back')}</a>
      </section>
    );
  }
  return (
    <PageState state={state} retry={retry}>
      {(a: Article) => (
        <div className="article-layout">
          <article className="article" lang="zh-CN">
            <header className="article-header">
              <h1>{a.title}</h1>
              <dl className="article-meta">
                <div><dt>{t('article.owner')}</dt><dd>{a.owner || t('article.noOwner')}</dd></div>
                <div><dt>{t('article.reviewed')}</dt><dd>{a.reviewed ?? t('article.never')}</dd></div>
                {a.reviewDue && <div><dt>{t('article.reviewDue')}</dt><dd>{a.reviewDue}</dd></div>}
              </dl>
              <div className="article-actions">
                <ReviewBadge article={a} />
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
            <SafeHtml className="prose" html={a.html} />
            <footer className="article-footer">
              <div>
                <h2>{t('article.backlinks')}</h2>
                <ArticleLinkList items={a.backlinks} empty={t('article.noBacklinks')} />
              </div>
              {a.related.length > 0 && (
                <div>
                  <h2>{t('article.related')}</h2>
                  <ArticleLinkList items={a.related} empty="" />
                </div>
              )}
            </footer>
          </article>
          <Toc entries={a.toc} />
        </div>
      )}
    </PageState>
  );
}
