import type { HandbookApi, ParsedRequest } from '../../contract.js';
import { contentHealth } from '../health/health.js';
import type { createPackService } from '../packs/service.js';
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
  | 'listQuizzes' | 'getQuizSource' | 'saveQuiz' | 'getContentHealth' | 'exportPack' | 'uploadPackChunk' | 'previewPackImport'
  | 'applyPackImport' | 'listPackBackups' | 'restorePackBackup';

/** Every authoring and pack method; each one but the first two checks the edit session first. */
export function authoringHandlers(ctx: AuthoringContext, packs: ReturnType<typeof createPackService>): Pick<HandbookApi, AuthoringMethods> {
  const auth = (token: string) => ctx.sessions.require(token);
  return {
    async openEditSession({ profileId, passphrase }) { return ctx.sessions.open(profileId, passphrase); },
    async closeEditSession({ token }) { return { closed: ctx.sessions.close(token) }; },
    async listTemplates() { return TEMPLATES; },
    async getArticleSource({ token, id }) { auth(token); return getArticleSource(ctx, id); },
    async previewMarkdown({ token, id, markdown }) { auth(token); return previewMarkdown(ctx, id, markdown); },
    async saveArticle(req) {
      const r = req as ParsedRequest<'saveArticle'>;
      auth(r.token);
      return saveArticle(ctx, r);
    },
    async renameArticle({ token, id, newId }) { auth(token); return renameArticle(ctx, id, newId); },
    async deleteContent({ token, kind, id }) { const who = auth(token); return moveToTrash(ctx, kind, id, who.name); },
    async listTrash({ token }) { auth(token); return listTrash(ctx.root); },
    async restoreFromTrash({ token, trashId }) { auth(token); return restoreFromTrash(ctx, trashId); },
    async saveAsset({ token, articleId, name, data }) { auth(token); return saveAsset(ctx, articleId, name, data); },
    async getTrackSource({ token, id }) { auth(token); return getTrackSource(ctx, id); },
    async saveTrack(req) {
      const r = req as ParsedRequest<'saveTrack'>;
      auth(r.token);
      return saveTrack(ctx, r);
    },
    async listQuizzes({ token }) {
      auth(token);
      return [...ctx.pack().quizzes.values()].map((q) => ({ id: q.id, title: q.title, titleEn: q.titleEn, questions: q.questions.length })).sort((a, b) => a.id.localeCompare(b.id));
    },
    async getQuizSource({ token, id }) { auth(token); return getQuizSource(ctx, id); },
    async saveQuiz(req) {
      const r = req as ParsedRequest<'saveQuiz'>;
      auth(r.token);
      return saveQuiz(ctx, r);
    },
    async getContentHealth({ token }) { auth(token); return contentHealth(ctx.pack(), ctx.store); },
    async exportPack({ token }) { auth(token); return packs.exportPack(); },
    async uploadPackChunk({ token, uploadId, offset, data }) { auth(token); return packs.upload(uploadId, offset, data); },
    async previewPackImport({ token, uploadId }) { auth(token); return packs.preview(uploadId); },
    async applyPackImport({ token, uploadId }) { auth(token); return packs.apply(uploadId); },
    async listPackBackups({ token }) { auth(token); return packs.listBackups(); },
    async restorePackBackup({ token, backupId }) { auth(token); return packs.restore(backupId); },
  };
}
