import { EditorHeader } from '../components/editor/EditorHeader';
import type { ReactNode } from 'react';
import type { ContentHealth } from '../../../electron/contract';
import { api } from '../api';
import { articleHref, editHref, href } from '../app/route';

/** `articleId#anchor` as a link to that section of the article. */
const sectionHref = (source: string) => {
  const [id, anchor] = source.split('#');
  return href({ name: 'article', id, query: anchor ? { section: anchor } : undefined });
};
import { EditGate } from '../components/editor/EditGate';
import { PageState } from '../components/PageState';
import { useI18n } from '../i18n/i18n';
import { useLoad } from '../state/useLoad';


/** `#/health`: what to fix and what to write next, for trainers. */
export function HealthPage({ onPickProfile }: { onPickProfile: () => void }) {
  return <EditGate onPickProfile={onPickProfile}>{(token) => <Health token={token} />}</EditGate>;
}

function Health({ token }: { token: string }) {
  const { t } = useI18n();
  const [state, reload] = useLoad(() => api.getContentHealth({ token }), [token]);
  return (
    <section className="page health-page">
      <EditorHeader title={t('health.title')}>
          <a className="button" href={editHref('')}>{t('content.title')}</a>
          <button type="button" onClick={reload}>{t('health.refresh')}</button>
      </EditorHeader>
      <PageState state={state} retry={reload}>
        {(h: ContentHealth) => (
          <>
            <p className="muted small">{t('health.summary', { issues: h.brokenLinks.length + h.missingImages.length + h.trackProblems.length + h.staleQuestions.length, reviews: h.overdueReviews.length })}</p>
            <div className="health-grid">
              <Block title={t('health.failedSearches')} hint={t('health.failedSearchesHint')} count={h.failedSearches.length} testId="health-searches">
                {h.failedSearches.map((s) => <li key={s.query}><span className="health-query">“{s.query}”</span><span className="muted small">{t('health.times', { count: s.count })} · {new Date(s.lastAt).toLocaleDateString()}</span><a className="button small" href={editHref('new')}>{t('health.write')}</a></li>)}
              </Block>
              <Block title={t('health.brokenLinks')} count={h.brokenLinks.length} testId="health-links">
                {h.brokenLinks.map((l, i) => <li key={i}><span><strong>{l.title}</strong><br /><span className="muted small">{l.message}</span></span>{l.articleId && <a className="button small" href={editHref(l.articleId)}>{t('content.edit')}</a>}</li>)}
              </Block>
              <Block title={t('health.missingImages')} count={h.missingImages.length}>
                {h.missingImages.map((l, i) => <li key={i}><span><strong>{l.title}</strong><br /><span className="muted small">{l.message}</span></span>{l.articleId && <a className="button small" href={editHref(l.articleId)}>{t('content.edit')}</a>}</li>)}
              </Block>
              <Block title={t('health.overdue')} count={h.overdueReviews.length}>
                {h.overdueReviews.map((a) => <li key={a.id}><span><a href={articleHref(a.id)}>{a.title}</a><br /><span className="muted small">{t('health.dueSince', { date: a.reviewDue, owner: a.owner || t('article.noOwner') })}</span></span><a className="button small" href={editHref(a.id)}>{t('content.edit')}</a></li>)}
              </Block>
              <Block title={t('health.orphans')} hint={t('health.orphansHint')} count={h.orphans.length}>
                {h.orphans.map((a) => <li key={a.id}><span><a href={articleHref(a.id)}>{a.title}</a> <span className="muted small">{a.owner}</span></span></li>)}
              </Block>
              <Block title={t('health.tracks')} count={h.trackProblems.length}>
                {h.trackProblems.map((p, i) => <li key={i}><span><strong>{p.trackId}</strong><br /><span className="muted small">{p.message}</span></span><a className="button small" href={editHref('track:' + p.trackId)}>{t('content.edit')}</a></li>)}
              </Block>
              <Block title={t('health.stale')} hint={h.unrecordedQuestions ? t('health.unrecorded', { count: h.unrecordedQuestions }) : undefined} count={h.staleQuestions.length} testId="health-stale">
                {h.staleQuestions.map((q) => <li key={q.quizId + q.questionId}><span><strong>{q.prompt}</strong><br /><span className="muted small">{t(q.state === 'changed' ? 'health.sectionChanged' : 'health.sectionMissing', { source: q.source })}</span>{q.state === 'changed' && <> · <a className="small" href={sectionHref(q.source)}>{t('health.readSection')}</a></>}</span><a className="button small" href={editHref('quiz:' + q.quizId)}>{t('content.edit')}</a></li>)}
              </Block>
            </div>
          </>
        )}
      </PageState>
    </section>
  );
}

function Block({ title, hint, count, children, testId }: { title: string; hint?: string; count: number; children: ReactNode; testId?: string }) {
  const { t } = useI18n();
  return (
    <section className={`card health-block ${count ? 'has-issues' : 'all-good'}`} data-testid={testId}>
      <h2>{title} <span className="count">{count}</span></h2>
      {hint && <p className="muted small">{hint}</p>}
      {count === 0 ? <p className="muted small">{t('health.none')}</p> : <ul className="plain-list">{children}</ul>}
    </section>
  );
}
