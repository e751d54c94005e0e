import { describe, expect, it } from 'vitest';
import type { HandbookApi } from '../../electron/contract';
import { useHarness, type HarnessFactory } from './harness';

/** The first trainer of an empty handbook (free to create), unlocked. */
async function firstTrainer(api: HandbookApi): Promise<{ id: string; token: string }> {
  const t = await api.createProfile({ name: '培训师', roleId: 'customer-service', trainer: true, passphrase: 'contract passphrase' });
  return { id: t.id, token: (await api.openEditSession({ profileId: t.id, passphrase: 'contract passphrase' })).token };
}

/** One suite, run against every transport: whatever works directly must work over the wire. */
export function contractSuite(name: string, factory: HarnessFactory) {
  describe(`contract (${name})`, () => {
    const api = useHarness(factory);

    it('reports the pack and its counts', async () => {
      const info = await api.getAppInfo({});
      expect(info.pack).toMatchObject({ id: 'contract-fixture', name: '合约测试包', version: '1.2.3' });
      expect(info.counts).toMatchObject({ articles: 2, roles: 1, tracks: 1, quizzes: 1, problems: 0 });
    });

    it('creates, lists and selects profiles', async () => {
      expect(await api.listProfiles({})).toEqual([]);
      const p = await api.createProfile({ name: '王小明', roleId: 'customer-service', startDate: '2026-11-02' });
      expect(p).toMatchObject({ name: '王小明', roleId: 'customer-service', startDate: '2026-11-02', trainer: false, hasPin: false });
      expect(typeof p.id).toBe('string');
      expect(await api.listProfiles({})).toEqual([p]);
      const s = await api.updateSettings({ currentProfileId: p.id, language: 'en' });
      expect(s).toMatchObject({ currentProfileId: p.id, language: 'en', theme: 'system' });
      expect(await api.getSettings({})).toEqual(s);
    });

    it('refuses bad requests with a clear error code', async () => {
      await expect(api.createProfile({ name: '', roleId: 'customer-service' })).rejects.toMatchObject({ code: 'bad_request' });
      await expect(api.createProfile({ name: 'x', roleId: 'no-such-role' })).rejects.toMatchObject({ code: 'bad_request' });
      await expect(api.createProfile({ name: 'T', roleId: 'customer-service', trainer: true })).rejects.toMatchObject({ code: 'bad_request', message: expect.stringContaining('passphrase') });
      await expect(api.createProfile({ name: 'T', roleId: 'customer-service', trainer: true, passphrase: 'short' })).rejects.toMatchObject({ code: 'bad_request', key: 'invalid.passphrase' });
      await expect(api.getArticle({ id: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
      await expect((api as any).getArticle({ id: 'cs/refunds', extra: 1 })).rejects.toMatchObject({ code: 'bad_request' });
      const { token } = await firstTrainer(api);
      await expect(api.getProgress({ token, profileId: 'missing' })).rejects.toMatchObject({ code: 'not_found' });
    });

    it('names each refusal with a key the UI translates, on every transport', async () => {
      await api.createProfile({ name: '重名', roleId: 'customer-service' });
      await expect(api.createProfile({ name: '重名', roleId: 'customer-service' })).rejects.toMatchObject({ key: 'profileExists', params: { name: '重名' } });
      await expect(api.createProfile({ name: 'T', roleId: 'customer-service', pin: '12' })).rejects.toMatchObject({ key: 'invalid.pin' });
      const { token } = await firstTrainer(api);
      await expect(api.restoreDatabase({ token, content: 'nope', confirm: true })).rejects.toMatchObject({ key: 'notABackup' });
    });

    it('lists tracks with phases and typed steps', async () => {
      const [track] = await api.listTracks({});
      expect(track).toMatchObject({ id: 'customer-service', roleId: 'customer-service' });
      expect(track.phases[0].steps.map((s) => [s.id, s.type])).toEqual([
        ['read-refunds', 'read'], ['task-login', 'task'], ['quiz-basics', 'quiz'], ['signoff-day1', 'signoff'],
      ]);
    });

    it('records completed steps and returns them as progress', async () => {
      const p = await api.createProfile({ name: 'Li', roleId: 'customer-service' });
      const { token } = await api.openProfileSession({ profileId: p.id });
      expect((await api.getProgress({ token, profileId: p.id })).completed).toEqual([]);
      await api.completeStep({ token, profileId: p.id, trackId: 'customer-service', stepId: 'read-refunds' });
      const progress = await api.getProgress({ token, profileId: p.id });
      expect(progress.completed.map((c) => c.stepId)).toEqual(['read-refunds']);
      await expect(api.completeStep({ token, profileId: p.id, trackId: 'customer-service', stepId: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
    });

    it('serves articles rendered, with links resolved and review state', async () => {
      const a = await api.getArticle({ id: 'cs/refunds' });
      expect(a).toMatchObject({ title: '退款流程', owner: '客服主管', needsReview: true, reviewDue: '2020-03-31', category: 'cs' });
      expect(a.html).toContain('href="#/article/cs/presales"');
      expect(a.html).toContain('src="pack-file/assets/flow.svg"');
      expect(a.toc).toEqual([{ depth: 2, text: '核实订单', anchor: '核实订单' }]);
      const presales = await api.getArticle({ id: 'cs/presales' });
      expect(presales.backlinks).toEqual([{ id: 'cs/refunds', title: '退款流程' }]);
      const list = await api.listArticles({ role: 'customer-service', sort: 'review' });
      expect(list.articles.map((x) => x.id)).toEqual(['cs/refunds', 'cs/presales']);
      expect(list.categories).toEqual([{ id: 'cs', name: '客服', nameEn: 'Customer service', count: 2 }]);
    });

    it('backs the database up and restores it, refusing what is not a backup', async () => {
      const { id: trainerId, token } = await firstTrainer(api);
      const p = await api.createProfile({ name: '备份人', roleId: 'customer-service' });
      const { fileName, content } = await api.backupDatabase({ token });
      expect(fileName).toMatch(/^handbook-backup-\d{4}-\d{2}-\d{2}\.json$/);
      await api.createProfile({ name: '后来的人', roleId: 'customer-service' });
      expect(await api.restoreDatabase({ token, content, confirm: true })).toEqual({ profiles: 2 });
      expect((await api.listProfiles({})).map((x) => x.id)).toEqual([trainerId, p.id]);
      await expect(api.restoreDatabase({ token, content: 'not json', confirm: true })).rejects.toMatchObject({ code: 'bad_request' });
      await expect(api.restoreDatabase({ token, content: '{"schemaVersion":999}', confirm: true })).rejects.toMatchObject({ code: 'bad_request', message: expect.stringContaining('newer') });
      await expect((api as any).restoreDatabase({ token, content, confirm: false })).rejects.toMatchObject({ code: 'bad_request' });
      expect((await api.listProfiles({})).map((x) => x.id)).toEqual([trainerId, p.id]);
      expect((await api.getAppInfo({})).recovery).toBeNull();
    });

    it('says plainly what only the desktop app or a switchable host can do', async () => {
      expect((await api.getAppInfo({})).capabilities).toEqual({ pickFolder: false, savePdf: false, switchContent: false });
      await expect(api.pickContentFolder({})).rejects.toMatchObject({ code: 'unavailable' });
      await expect(api.savePageAsPdf({ fileName: 'x' })).rejects.toMatchObject({ code: 'unavailable' });
      const { token } = await firstTrainer(api);
      await expect(api.setContentFolder({ token, path: null })).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining('--content') });
    });

    it('keeps bookmarks and recently viewed per profile', async () => {
      const p = await api.createProfile({ name: 'Zhao', roleId: 'customer-service' });
      const { token } = await api.openProfileSession({ profileId: p.id });
      await api.recordView({ token, profileId: p.id, articleId: 'cs/presales' });
      const list = await api.setBookmark({ token, profileId: p.id, articleId: 'cs/refunds', bookmarked: true });
      expect(list.bookmarks).toEqual([{ id: 'cs/refunds', title: '退款流程' }]);
      expect(list.recent.map((r) => r.id)).toEqual(['cs/presales']);
      expect((await api.setBookmark({ token, profileId: p.id, articleId: 'cs/refunds', bookmarked: false })).bookmarks).toEqual([]);
    });
  });
}
