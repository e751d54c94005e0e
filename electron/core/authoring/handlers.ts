import type { Handlers } from '../../contract.js';
import { contentHealth } from '../health/health.js';
import { getArticleSource, previewMarkdown, saveArticle } from './articles.js';
import { saveAsset } from './assets.js';
import type { AuthoringContext } from './context.js';
import { getQuizSource, saveQuiz } from './quizWriter.js';
import { renameArticle } from './rename.js';
import { TEMPLATES } from './templates.js';
import { getTrackSource, saveTrack } from './trackWriter.js';
import { listTrash, moveToTrash, restoreFromTrash } from './trash.js';

export type AuthoringMethods =
  | 'openEditSession' | 'closeEditSession' | 'listTemplates' | 'getArticleSource' | 'previewMarkdown' | 'saveArticle'
  | 'renameArticle' | 'deleteContent' | 'listTrash' | 'restoreFromTrash' | 'saveAsset' | 'getTrackSource' | 'saveTrack'
  | 'listQuizzes' | 'getQuizSource' | 'saveQuiz' | 'getContentHealth';

/** Every authoring method; each one but the first three checks the edit session first. */
export function authoringHandlers(ctx: AuthoringContext): Pick<Handlers, AuthoringMethods> {
  const auth = (token: string) => ctx.sessions.require(token);
  return {
    async openEditSession({ profileId, passphrase }) { return ctx.sessions.open(profileId, passphrase); },
    async closeEditSession({ token }) { return { closed: ctx.sessions.close(token) }; },
    async listTemplates() { return TEMPLATES; },
    async getArticleSource({ token, id }) { auth(token); return getArticleSource(ctx, id); },
    async previewMarkdown({ token, id, markdown }) { auth(token); return previewMarkdown(ctx, id, markdown); },
    async saveArticle(req) { auth(req.token); return saveArticle(ctx, req); },
    async renameArticle({ token, id, newId }) { auth(token); return renameArticle(ctx, id, newId); },
    async deleteContent({ token, kind, id }) { const who = auth(token); return moveToTrash(ctx, kind, id, who.name); },
    async listTrash({ token }) { auth(token); return listTrash(ctx.root); },
    async restoreFromTrash({ token, trashId }) { auth(token); return restoreFromTrash(ctx, trashId); },
    async saveAsset({ token, articleId, name, data }) { auth(token); return saveAsset(ctx, articleId, name, data); },
    async getTrackSource({ token, id }) { auth(token); return getTrackSource(ctx, id); },
    async saveTrack(req) { auth(req.token); return saveTrack(ctx, req); },
    async listQuizzes({ token }) {
      auth(token);
      return [...ctx.pack().quizzes.values()].map((q) => ({ id: q.id, title: q.title, titleEn: q.titleEn, questions: q.questions.length })).sort((a, b) => a.id.localeCompare(b.id));
    },
    async getQuizSource({ token, id }) { auth(token); return getQuizSource(ctx, id); },
    async saveQuiz(req) { auth(req.token); return saveQuiz(ctx, req); },
    async getContentHealth({ token }) { auth(token); return contentHealth(ctx.pack(), ctx.store); },
  };
}
