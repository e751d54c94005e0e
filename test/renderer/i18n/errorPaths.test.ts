import { afterEach, describe, expect, it } from 'vitest';
import type { QuizDraft, TrackDraft } from '../../../electron/contract';
import { toWireError } from '../../../electron/core/api/errors';
import { ApiError } from '../../../renderer/src/api/client';
import { errorText } from '../../../renderer/src/i18n/errorText';
import { translator } from '../../../renderer/src/i18n/i18n';
import { closeAll, openAuthoring } from '../../electron/core/authoring/fixture';
import { rawZip } from '../../electron/core/packs/rawZip';

afterEach(closeAll);

/**
 * Every error a trainer can run into, driven through the real core and said the way the UI says it
 * (the wire error → ApiError → errorText). In Chinese, no English may be left: after removing what
 * the person typed (ids, names, echoed back in the message) and the product words we keep in Latin
 * letters, a run of two ASCII letters fails the test.
 */
const LATIN_OK = /\b(Handbook|handbook\.yaml|YAML|JSON|CSV|ID|PIN|zip|PNG|JPEG|GIF|WebP|Windows|macOS|MB|KB)\b/g;

async function said(call: Promise<unknown>): Promise<{ zh: string; en: string; params: Record<string, string | number> }> {
  const err = await call.then(() => { throw new Error('expected a refusal'); }, (e: unknown) => e);
  const w = toWireError(err);
  const api = new ApiError(w.code, w.message, w.key, w.params);
  return { zh: errorText(api, translator('zh-CN')), en: errorText(api, translator('en')), params: w.params ?? {} };
}

function expectChinese({ zh, params }: { zh: string; params: Record<string, string | number> }) {
  let rest = zh;
  for (const v of Object.values(params)) if (String(v)) rest = rest.split(String(v)).join('');
  rest = rest.replace(LATIN_OK, '');
  expect(rest, `untranslated: ${zh}`).not.toMatch(/[A-Za-z]{2,}/);
  expect(zh).toMatch(/[\u4e00-\u9fff]/);
}

const QUIZ: QuizDraft = { title: '测验', passMark: 80, questions: [{ id: 'q1', type: 'single', prompt: '多久？', options: ['1 小时', '24 小时'], answer: 1, explanation: '', source: null }] };
const TRACK: TrackDraft = { title: '路线', roleId: 'customer-service', description: '', phases: [{ id: 'day1', title: '第一天', dueDay: 1, steps: [{ id: 'read-refunds', type: 'read', article: 'cs/refunds', required: true }] }] };

async function upload(core: Awaited<ReturnType<typeof openAuthoring>>['core'], token: string, zip: Buffer) {
  return (await core.uploadPackChunk({ token, offset: 0, data: zip.toString('base64') })).uploadId;
}

describe('every error a trainer meets is said in Chinese', () => {
  it('pack zips: not a zip, damaged, not a pack, unsafe entries, an expired import', async () => {
    const { core, token } = await openAuthoring();
    const preview = async (zip: Buffer) => said(core.previewPackImport({ token, uploadId: await upload(core, token, zip) }));
    const good = rawZip([{ name: 'handbook.yaml', data: 'id: x\nname: x\n' }, { name: 'articles/a.md', data: '# a\n' }]);
    const cases = {
      notAZip: await preview(Buffer.from('这不是压缩包，只是一段文字。')),
      damaged: await preview(good.subarray(0, good.length - 30)),
      notAPack: await preview(rawZip([{ name: 'articles/a.md', data: '# a\n' }])),
      unsafe: await preview(rawZip([{ name: 'handbook.yaml', data: 'id: x\n' }, { name: '../evil.md', data: 'x' }])),
      duplicate: await preview(rawZip([{ name: 'handbook.yaml', data: 'id: x\n' }, { name: 'articles/A.md', data: 'x' }, { name: 'articles/a.md', data: 'x' }])),
      expired: await said(core.applyPackImport({ token, uploadId: '0123456789abcdef0123456789abcdef' })),
    };
    for (const [name, c] of Object.entries(cases)) {
      expect(c.zh, name).not.toBe(c.en);
      expectChinese(c);
    }
    expect(cases.notAZip.zh).toContain('不是 zip 压缩包');
    expect(cases.notAPack.zh).toContain('handbook.yaml');
    expect(cases.unsafe.zh).toContain('../evil.md');
  });

  it('progress files: a CSV, JSON that is not a progress file', async () => {
    const { core, token, learner } = await openAuthoring();
    for (const data of ['姓名,岗位\n小王,客服\n', '{"kind":"something-else"}']) {
      const c = await said(core.importProgress({ token, data }));
      expectChinese(c);
      expect(c.zh).toContain('进度文件');
    }
    expect(learner.id).toBeTruthy();
  });

  it('quiz validation names the question: empty prompt, too few options, no answer, duplicate ids', async () => {
    const { core, token } = await openAuthoring();
    const q = QUIZ.questions[0];
    const drafts: Array<[QuizDraft, string]> = [
      [{ ...QUIZ, questions: [{ ...q, prompt: '' }] }, 'q1'],
      [{ ...QUIZ, questions: [{ ...q, id: 'q7', options: ['只有一个'], answer: 0 }] }, 'q7'],
      [{ ...QUIZ, questions: [{ ...q, id: 'q3', answer: 5 }] }, 'q3'],
      [{ ...QUIZ, questions: [q, { ...q }] }, 'q1'],
    ];
    for (const [quiz, id] of drafts) {
      const c = await said(core.saveQuiz({ token, id: 'new-quiz', baseHash: null, quiz }));
      expectChinese(c);
      expect(c.zh).toMatch(/^无法保存测验/);
      expect(c.zh).toContain(`“${id}”`);
    }
  });

  it('track validation names the step: duplicate step ids, an unknown article, an unknown quiz, a taken id', async () => {
    const { core, token } = await openAuthoring();
    const step = TRACK.phases[0].steps[0];
    const drafts: Array<[TrackDraft, string]> = [
      [{ ...TRACK, phases: [{ ...TRACK.phases[0], steps: [step, { ...step }] }] }, 'read-refunds'],
      [{ ...TRACK, phases: [{ ...TRACK.phases[0], steps: [{ ...step, article: 'cs/nowhere' }] }] }, 'read-refunds'],
      [{ ...TRACK, phases: [{ ...TRACK.phases[0], steps: [{ id: 'quiz-x', type: 'quiz', quiz: 'no-such-quiz', required: true }] }] }, 'quiz-x'],
    ];
    for (const [track, id] of drafts) {
      const c = await said(core.saveTrack({ token, id: 'new-track', baseHash: null, track }));
      expectChinese(c);
      expect(c.zh).toMatch(/^无法保存路线/);
      expect(c.zh).toContain(`“${id}”`);
    }
    expectChinese(await said(core.saveTrack({ token, id: 'customer-service', baseHash: null, track: TRACK })));
  });

  it('articles: a taken name (new or renamed), a bad name, a wrong PIN, a missing article', async () => {
    const { core, token, trainer } = await openAuthoring();
    const fields = { title: '退款', summary: '', tags: [], roles: [], owner: '', reviewed: '', review_every: '', status: 'draft' as const, platforms: [] };
    const taken = await said(core.saveArticle({ token, id: 'cs/refunds', baseHash: null, fields, body: '# 退款\n' }));
    expectChinese(taken);
    expect(taken.zh).toBe('“cs/refunds”已经存在。请打开它编辑，或换一个名称。');
    expectChinese(await said(core.saveArticle({ token, id: 'CS/Refunds', baseHash: null, fields, body: '# 退款\n' })));
    expectChinese(await said(core.renameArticle({ token, id: 'cs/presales', newId: 'cs/refunds' })));
    expectChinese(await said(core.saveArticle({ token, id: 'cs/退 款', baseHash: null, fields, body: '# x\n' })));
    expectChinese(await said(core.openEditSession({ profileId: trainer.id, passphrase: 'not the passphrase' })));
    expectChinese(await said(core.getArticleSource({ token, id: 'cs/nowhere' })));
  });

  it('a refusal the UI has no words for is said plainly in Chinese, and in full in English', () => {
    const err = new ApiError('bad_request', 'something odd happened', 'noSuchKey');
    expect(errorText(err, translator('zh-CN'))).toBe('填写的内容有误，请检查后重试。');
    expect(errorText(err, translator('en'))).toBe('something odd happened');
  });
});
