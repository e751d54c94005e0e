import { EditorHeader } from '../../components/editor/EditorHeader';
import { useState } from 'react';
import { api } from '../../api';
import { articleHref, editHref, href } from '../../app/route';
import { useEditSession } from '../../components/editor/editSession';
import { PacksPanel } from '../../components/editor/PacksPanel';
import { TrashPanel } from '../../components/editor/TrashPanel';
import { PageState } from '../../components/PageState';
import { useI18n } from '../../i18n/i18n';
import { draftNames, useDraftScope } from '../../state/drafts';
import { useLoad } from '../../state/useLoad';


/** `#/edit`: the trainer's content desk — every article, track and quiz to edit, the trash and packs. */
export function ContentPage({ token }: { token: string }) {
  const { t, locale } = useI18n();
  const { lock } = useEditSession();
  const [filter, setFilter] = useState('');
  const [state, reload] = useLoad(async () => {
    const [articles, tracks, quizzes, roles] = await Promise.all([api.listArticles({ sort: 'title' }), api.listTracks({}), api.listQuizzes({ token }), api.listRoles({})]);
    return { articles: articles.articles, tracks, quizzes, roles };
  }, [token]);
  const f = filter.trim().toLowerCase();
  // Work left unsaved in an editor is marked here, so the trainer sees where it waits.
  const drafts = new Set(draftNames(useDraftScope()));
  const draftMark = (name: string) => drafts.has(name) && <span className="badge badge-review" data-testid="draft-mark">{t('draft.mark')}</span>;
  return (
    <section className="page content-page">
      <EditorHeader title={t('content.title')}>
          <a className="button" href={href({ name: 'health' })}>{t('health.title')}</a>
          <button type="button" onClick={lock}>{t('editor.lock')}</button>
          <a className="button primary" href={editHref('new')} data-testid="new-article">{t('editor.newArticle')}</a>
      </EditorHeader>
      <PageState state={state} retry={reload}>
        {(d) => (
          <div className="content-grid">
            <section className="card" aria-labelledby="articles-title">
              <div className="section-head">
                <h2 id="articles-title">{t('content.articles', { count: d.articles.length })}</h2>
                <input type="search" placeholder={t('content.filter')} value={filter} onChange={(e) => setFilter(e.target.value)} aria-label={t('content.filter')} />
              </div>
              <table className="content-table">
                <thead><tr><th>{t('editor.field.title')} · {t('content.path')}</th><th className="nowrap">{t('editor.field.status')}</th><th>{t('editor.field.owner')}</th><th /></tr></thead>
                <tbody>
                  {d.articles.filter((a) => !f || a.title.toLowerCase().includes(f) || a.id.toLowerCase().includes(f)).map((a) => (
                    <tr key={a.id}>
                      <td>
                        <a href={articleHref(a.id)}>{a.title}</a> {draftMark('article:' + a.id)}
                        <br /><code className="small muted content-path">{a.id}</code>
                      </td>
                      <td className="nowrap">{t(`status.${a.status}`)}</td>
                      <td>{a.owner}</td>
                      <td className="nowrap"><a className="button small" href={editHref(a.id)}>{t('content.edit')}</a></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <div className="content-side">
              <section className="card" aria-labelledby="tracks-title">
                <div className="section-head"><h2 id="tracks-title">{t('content.tracks')}</h2><a className="button small" href={editHref('track:new')}>{t('content.newTrack')}</a></div>
                <ul className="plain-list">
                  {d.tracks.map((tr) => <li key={tr.id}><span>{locale === 'en' ? tr.titleEn : tr.title} {draftMark('track:' + tr.id)}</span><a className="button small" href={editHref('track:' + tr.id)}>{t('content.edit')}</a></li>)}
                </ul>
              </section>
              <section className="card" aria-labelledby="quizzes-title">
                <div className="section-head"><h2 id="quizzes-title">{t('content.quizzes')}</h2><a className="button small" href={editHref('quiz:new')}>{t('content.newQuiz')}</a></div>
                <ul className="plain-list">
                  {d.quizzes.map((q) => <li key={q.id}><span>{locale === 'en' ? q.titleEn : q.title} <span className="muted small">· {t('content.questions', { count: q.questions })}</span> {draftMark('quiz:' + q.id)}</span><a className="button small" href={editHref('quiz:' + q.id)}>{t('content.edit')}</a></li>)}
                </ul>
              </section>
              <section className="card" aria-labelledby="roles-title">
                <div className="section-head"><h2 id="roles-title">{t('content.roles')}</h2></div>
                <ul className="plain-list">
                  {d.roles.map((r) => <li key={r.id}><span>{locale === 'en' ? r.titleEn : r.title}</span><a className="button small" href={editHref('role:' + r.id)}>{t('content.edit')}</a></li>)}
                </ul>
              </section>
              <TrashPanel token={token} onRestored={reload} />
              <PacksPanel token={token} onContentChanged={reload} />
            </div>
          </div>
        )}
      </PageState>
    </section>
  );
}
