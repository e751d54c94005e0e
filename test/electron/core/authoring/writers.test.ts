import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { QuizDraft, TrackDraft } from '../../../../electron/contract';
import { loadPack } from '../../../../electron/core/index';
import { closeAll, openAuthoring } from './fixture';

afterEach(closeAll);

const NEW_TRACK: TrackDraft = {
  title: '仓储入职', titleEn: 'Warehouse onboarding', roleId: 'logistics', description: '',
  phases: [
    { id: 'day1', title: '第一天', titleEn: 'Day 1', dueDay: 1, steps: [
      { id: 'read-refunds', type: 'read', article: 'cs/refunds', required: true },
      { id: 'quiz', type: 'quiz', quiz: 'cs-basics', required: false },
    ] },
    { id: 'week1', title: '第一周', dueDay: 7, steps: [{ id: 'sign', type: 'signoff', title: '组长确认', required: true }] },
  ],
};

const NEW_QUIZ: QuizDraft = {
  title: '仓储测验', passMark: 80,
  questions: [
    { id: 'q1', type: 'single', prompt: '多久处理？', options: ['1 小时', '24 小时'], answer: 1, explanation: '见时效。', source: 'cs/refunds#时效' },
    { id: 'q2', type: 'multiple', prompt: '哪些对？', options: ['a', 'b', 'c'], answer: [2, 0], explanation: '', source: null },
    { id: 'q3', type: 'truefalse', prompt: '对吗？', options: [], answer: true, explanation: '', source: 'cs/refunds' },
  ],
};

describe('track writer', () => {
  it('writes a new track that the loader and `handbook validate` accept', async () => {
    const { core, token, root } = await openAuthoring();
    await core.saveTrack({ token, id: 'logistics', baseHash: null, track: NEW_TRACK });
    const pack = await loadPack(root);
    expect(pack.problems.filter((p) => p.path.startsWith('tracks/'))).toEqual([]);
    const t = pack.tracks.get('logistics')!;
    expect(t.phases.map((p) => [p.id, p.dueDay, p.steps.map((s) => `${s.id}:${s.type}:${s.required}`)])).toEqual([
      ['day1', 1, ['read-refunds:read:true', 'quiz:quiz:false']], ['week1', 7, ['sign:signoff:true']],
    ]);
    expect((await core.listTracks({})).map((x) => x.id).sort()).toEqual(['customer-service', 'logistics']);
  });

  it('reorders steps across phases keeping their comments, and round-trips through getTrackSource', async () => {
    const { core, token, read } = await openAuthoring();
    const src = await core.getTrackSource({ token, id: 'customer-service' });
    const steps = src.track.phases[0].steps;
    expect(steps.map((s) => s.id)).toEqual(['read-refunds', 'quiz-basics', 'read-presales']);
    const track = { ...src.track, phases: [{ ...src.track.phases[0], steps: [steps[2], steps[0]] }, { id: 'week1', title: '第一周', dueDay: 7, steps: [steps[1]] }] };
    await core.saveTrack({ token, id: 'customer-service', baseHash: src.hash, track });
    const text = read('tracks/customer-service.yaml');
    expect(text).toContain('# 客服入职路线');
    expect(text).toMatch(/- id: read-refunds\s+# 最重要/);
    expect(text.indexOf('read-presales')).toBeLessThan(text.indexOf('read-refunds'));
    const again = await core.getTrackSource({ token, id: 'customer-service' });
    expect(again.track.phases.map((p) => p.steps.map((s) => s.id))).toEqual([['read-presales', 'read-refunds'], ['quiz-basics']]);
  });

  it('refuses what validation would reject, saying why, and writes nothing', async () => {
    const { core, token, root } = await openAuthoring();
    const bad: TrackDraft = { ...NEW_TRACK, phases: [{ id: 'd', title: 'x', dueDay: 0, steps: [
      { id: 'a', type: 'read', article: 'nope/missing', required: true },
      { id: 'a', type: 'task', title: 't', required: true },
      { id: 'q', type: 'quiz', quiz: 'no-quiz', required: true },
    ] }] };
    const err = await core.saveTrack({ token, id: 'logistics', baseHash: null, track: bad }).catch((e) => e);
    expect(err.code).toBe('bad_request');
    expect(err.message).toMatch(/dueDay must be a whole number/);
    expect(err.message).toMatch(/unknown article "nope\/missing"/);
    expect(err.message).toMatch(/duplicate step id "a"/);
    expect(err.message).toMatch(/unknown quiz "no-quiz"/);
    expect(fs.existsSync(path.join(root, 'tracks/logistics.yaml'))).toBe(false);
    await expect(core.saveTrack({ token, id: 'logistics', baseHash: null, track: { ...NEW_TRACK, phases: [{ id: 'd', title: 'x', dueDay: 1, steps: [] }] } }))
      .rejects.toThrow(/has no usable steps/);
    await expect(core.saveTrack({ token, id: '../x', baseHash: null, track: NEW_TRACK })).rejects.toMatchObject({ code: 'bad_request' });
  });

  it('detects a conflicting change on disk', async () => {
    const { core, token, root } = await openAuthoring();
    const src = await core.getTrackSource({ token, id: 'customer-service' });
    fs.appendFileSync(path.join(root, 'tracks/customer-service.yaml'), '# edited elsewhere\n');
    await expect(core.saveTrack({ token, id: 'customer-service', baseHash: src.hash, track: src.track })).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('quiz writer', () => {
  it('writes a quiz the loader accepts, with a snapshot hash of each source section', async () => {
    const { core, token, root, read } = await openAuthoring();
    await core.saveQuiz({ token, id: 'warehouse', baseHash: null, quiz: NEW_QUIZ });
    const pack = await loadPack(root);
    expect(pack.problems.filter((p) => p.path.startsWith('quizzes/'))).toEqual([]);
    const q = pack.quizzes.get('warehouse')!;
    expect(q.questions.map((x) => x.answer)).toEqual([1, [0, 2], true]);
    expect(read('quizzes/warehouse.yaml')).toMatch(/source: cs\/refunds#时效\n\s+source_hash: [0-9a-f]{16}/);
    const src = await core.getQuizSource({ token, id: 'warehouse' });
    expect(src.sources.map((s) => s.state)).toEqual(['ok', 'none', 'ok']);
    expect(src.quiz.questions[1].answer).toEqual([0, 2]);
  });

  it('notices when a source section changes, and records it again only when the trainer confirms', async () => {
    const { core, token, root } = await openAuthoring();
    await core.saveQuiz({ token, id: 'warehouse', baseHash: null, quiz: NEW_QUIZ });
    const file = path.join(root, 'articles/cs/refunds.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('先核实物流', '先核实物流和照片'));
    // Re-read the edited article (no watcher in tests): a no-op save through the API refreshes it.
    const art = await core.getArticleSource({ token, id: 'cs/refunds' });
    await core.saveArticle({ token, id: 'cs/refunds', baseHash: art.hash, fields: art.fields, body: art.body });
    let src = await core.getQuizSource({ token, id: 'warehouse' });
    expect(src.sources.map((s) => s.state)).toEqual(['ok', 'none', 'changed']);
    const health = await core.getContentHealth({ token });
    expect(health.staleQuestions.filter((x) => x.quizId === 'warehouse')).toEqual([{ quizId: 'warehouse', questionId: 'q3', prompt: '对吗？', source: 'cs/refunds', state: 'changed' }]);
    // A save that does not touch q3 keeps the old snapshot (it is still stale) …
    await core.saveQuiz({ token, id: 'warehouse', baseHash: src.hash, quiz: { ...src.quiz, title: '改了标题' } });
    src = await core.getQuizSource({ token, id: 'warehouse' });
    expect(src.sources[2].state).toBe('changed');
    // … until the trainer confirms the question against the section as it is now.
    const questions = src.quiz.questions.map((q, i) => (i === 2 ? { ...q, confirmSource: true } : q));
    await core.saveQuiz({ token, id: 'warehouse', baseHash: src.hash, quiz: { ...src.quiz, questions } });
    expect((await core.getQuizSource({ token, id: 'warehouse' })).sources.map((s) => s.state)).toEqual(['ok', 'none', 'ok']);
  });

  it('refuses what validation would reject, saying why', async () => {
    const { core, token, root } = await openAuthoring();
    const bad: QuizDraft = { title: 'x', passMark: 0, questions: [
      { id: 'q1', type: 'single', prompt: 'p', options: ['only one'], answer: 0, explanation: '', source: null },
      { id: 'q2', type: 'single', prompt: 'p', options: ['a', 'b'], answer: 5, explanation: '', source: 'cs/refunds#no-such' },
    ] };
    const err = await core.saveQuiz({ token, id: 'bad', baseHash: null, quiz: bad }).catch((e) => e);
    expect(err.message).toMatch(/needs at least two options/);
    expect(err.message).toMatch(/answer must be an option number from 0 to 1/);
    expect(err.message).toMatch(/passMark must be a percentage/);
    expect(fs.existsSync(path.join(root, 'quizzes/bad.yaml'))).toBe(false);
    await expect(core.saveQuiz({ token, id: 'bad', baseHash: null, quiz: { ...bad, passMark: 80, questions: [{ ...bad.questions[1], answer: 1 }] } }))
      .rejects.toThrow(/has no section "#no-such"/);
  });
});
