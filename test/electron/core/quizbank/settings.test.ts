import { afterEach, describe, expect, it } from 'vitest';
import { loadPack } from '../../../../electron/core/index';
import { readQuiz } from '../../../../electron/core/content/quizFile';
import { yamlFileFromText } from '../../../../electron/core/authoring/yamlText';
import type { Problem } from '../../../../electron/contract';
import { closeAll, openAuthoring } from '../authoring/fixture';
import { bankYaml } from './bankFixture';

afterEach(closeAll);

const read = (extra: string) => {
  const problems: Problem[] = [];
  const quiz = readQuiz(yamlFileFromText('quizzes/bank.yaml', bankYaml(extra)), 'bank', problems);
  return { quiz, problems };
};

describe('quiz file: draw, shuffle_options, reveal_on_fail', () => {
  it('an old quiz asks everything in order and explains on a fail, as before', () => {
    expect(read('').quiz).toMatchObject({ draw: null, shuffleOptions: false, revealOnFail: 'explain' });
    expect(read('draw: 6').quiz!.draw).toBeNull();
  });

  it('reads the settings and names a bad one with its line', () => {
    expect(read('draw: 2\nshuffle_options: true\nreveal_on_fail: none').quiz).toMatchObject({ draw: 2, shuffleOptions: true, revealOnFail: 'none' });
    const zero = read('draw: 0');
    expect(zero.quiz).toBeNull();
    expect(zero.problems[0]).toMatchObject({ code: 'quiz-draw', line: 4 });
    const big = read('draw: 9');
    expect(big.quiz!.draw).toBeNull();
    expect(big.problems[0].message).toContain('the quiz has 6');
    expect(read('reveal_on_fail: everything').problems[0]).toMatchObject({ code: 'quiz-reveal' });
  });
});

describe('quiz editor: the bank settings', () => {
  it('writes them before the questions, reads them back, keeps them when a draft leaves them out, refuses a draw over the bank', async () => {
    const { core, token, root, read: readFile } = await openAuthoring();
    let src = await core.getQuizSource({ token, id: 'cs-basics' });
    expect(src.quiz).toMatchObject({ draw: null, shuffleOptions: false, revealOnFail: 'explain' });
    const two = [src.quiz.questions[0], { ...src.quiz.questions[0], id: 'q2', prompt: '第二题？' }];
    await core.saveQuiz({ token, id: 'cs-basics', baseHash: src.hash, quiz: { ...src.quiz, questions: two, draw: 1, shuffleOptions: true, revealOnFail: 'wrong' } });
    const text = readFile('quizzes/cs-basics.yaml');
    expect(text).toMatch(/draw: 1\nshuffle_options: true\nreveal_on_fail: wrong\nquestions:/);
    src = await core.getQuizSource({ token, id: 'cs-basics' });
    expect(src.quiz).toMatchObject({ draw: 1, shuffleOptions: true, revealOnFail: 'wrong' });
    const { draw, shuffleOptions, revealOnFail, ...older } = src.quiz;
    await core.saveQuiz({ token, id: 'cs-basics', baseHash: src.hash, quiz: { ...older, title: '改名' } });
    expect((await loadPack(root)).quizzes.get('cs-basics')).toMatchObject({ title: '改名', draw: 1, shuffleOptions: true, revealOnFail: 'wrong' });
    src = await core.getQuizSource({ token, id: 'cs-basics' });
    await expect(core.saveQuiz({ token, id: 'cs-basics', baseHash: src.hash, quiz: { ...src.quiz, draw: 5 } })).rejects.toMatchObject({ code: 'bad_request' });
    // Back to the defaults: nothing is left in the file.
    await core.saveQuiz({ token, id: 'cs-basics', baseHash: src.hash, quiz: { ...src.quiz, draw: null, shuffleOptions: false, revealOnFail: 'explain' } });
    expect(readFile('quizzes/cs-basics.yaml')).not.toMatch(/draw|shuffle_options|reveal_on_fail/);
    void [draw, shuffleOptions, revealOnFail];
  });
});

describe('content health: questions tied to a section that changed', () => {
  it('lists the question to check when the text of its section changes, until the trainer confirms it', async () => {
    const { core, token } = await openAuthoring();
    // Record the section as it is now (the quiz was written before health checks).
    let quiz = await core.getQuizSource({ token, id: 'cs-basics' });
    await core.saveQuiz({ token, id: 'cs-basics', baseHash: quiz.hash, quiz: { ...quiz.quiz, questions: quiz.quiz.questions.map((q) => ({ ...q, confirmSource: true })) } });
    expect((await core.getContentHealth({ token })).staleQuestions).toEqual([]);
    const src = await core.getArticleSource({ token, id: 'cs/refunds' });
    const body = src.body.replace(/(## 时效\n+)/, '$1改为 48 小时内处理。\n\n');
    expect(body).not.toBe(src.body);
    await core.saveArticle({ token, id: 'cs/refunds', baseHash: src.hash, fields: src.fields, body });
    expect((await core.getContentHealth({ token })).staleQuestions).toEqual([{ quizId: 'cs-basics', questionId: 'q1', prompt: '多久处理？', source: 'cs/refunds#时效', state: 'changed' }]);
    quiz = await core.getQuizSource({ token, id: 'cs-basics' });
    expect(quiz.sources).toEqual([{ questionId: 'q1', state: 'changed' }]);
    await core.saveQuiz({ token, id: 'cs-basics', baseHash: quiz.hash, quiz: { ...quiz.quiz, questions: quiz.quiz.questions.map((q) => ({ ...q, confirmSource: true })) } });
    expect((await core.getContentHealth({ token })).staleQuestions).toEqual([]);
  });
});
