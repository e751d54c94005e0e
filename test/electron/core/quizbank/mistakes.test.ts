import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, openCore, people, tempDir } from '../onboarding/fixture';
import { answersFor, attempt, bankPack, BANK, STEP } from './bankFixture';

afterEach(closeAll);

const wrongOption = (id: string) => (BANK.find((b) => b.id === id)!.answer + 1) % 4;
const rightOption = (id: string) => BANK.find((b) => b.id === id)!.answer;

describe('错题本', () => {
  it('collects the wrong questions of a failed attempt with the section to reread; practice takes them out once right', async () => {
    const pack = bankPack();
    const data = tempDir();
    const core = await openCore(pack, data);
    const { learner, lt, tt } = await people(core);
    const view = await attempt(core, lt, learner.id);
    const [keep, ...miss] = view.quiz.questions.map((q) => q.id);
    await core.submitQuiz({ token: lt, profileId: learner.id, ...STEP, attemptId: view.attemptId, answers: answersFor(view, (id) => id === keep) });

    const book = await core.getMistakes({ token: lt, profileId: learner.id });
    expect(book.entries.map((e) => e.question.id).sort()).toEqual([...miss].sort());
    const e = book.entries[0];
    expect(e).toMatchObject({ quizId: 'bank', quizTitle: '题库测验', quizTitleEn: 'Bank quiz', ...STEP, wrongCount: 1 });
    expect(e.question.source).toEqual({ articleId: 'cs/refunds', anchor: '处理步骤', title: '退款处理', heading: '处理步骤' });
    // Practice shows options in the file's order and never the answer.
    expect(e.question.options).toEqual(BANK.find((b) => b.id === e.question.id)!.options);
    expect(JSON.stringify(book)).not.toMatch(/answer|解释/);
    // A trainer may read it (to coach); another learner may not.
    expect((await core.getMistakes({ token: tt, profileId: learner.id })).entries).toHaveLength(2);
    const other = await core.createProfile({ name: '别人', roleId: 'customer-service' });
    const ot = (await core.openProfileSession({ profileId: other.id })).token;
    await expect(core.getMistakes({ token: ot, profileId: learner.id })).rejects.toMatchObject({ code: 'forbidden' });

    // Wrong in practice: stays, counted again; the quiz reveals only "wrong", so no answer or explanation,
    // and no second try before the next attempt (elimination would give the answer away).
    const p1 = await core.answerPractice({ token: lt, profileId: learner.id, quizId: 'bank', questionId: miss[0], answer: wrongOption(miss[0]) });
    expect(p1).toMatchObject({ correct: false, explanation: null, correctAnswer: null, remaining: 2 });
    const after = (await core.getMistakes({ token: lt, profileId: learner.id })).entries.find((x) => x.question.id === miss[0])!;
    expect(after).toMatchObject({ wrongCount: 2, canPractise: false });
    await expect(core.answerPractice({ token: lt, profileId: learner.id, quizId: 'bank', questionId: miss[0], answer: rightOption(miss[0]) }))
      .rejects.toMatchObject({ code: 'bad_request', key: 'practiseAfterAttempt' });
    // Right in practice: leaves the book, and everything is shown.
    const p2 = await core.answerPractice({ token: lt, profileId: learner.id, quizId: 'bank', questionId: miss[1], answer: rightOption(miss[1]) });
    expect(p2).toMatchObject({ correct: true, explanation: '解释' + miss[1], correctAnswer: rightOption(miss[1]), remaining: 1 });
    // Practice is not an attempt: the step still shows one attempt, and the next attempt is number 2.
    const track = (await core.getProgress({ token: lt, profileId: learner.id })).tracks[0];
    const step = track.phases.flatMap((ph) => ph.steps).find((s) => s.id === STEP.stepId)!;
    expect(step.quiz).toMatchObject({ attempts: 1, passed: false });
    expect((await attempt(core, lt, learner.id)).attempt).toBe(2);

    // Only questions in the book can be practised (else practice would reveal the whole bank).
    await expect(core.answerPractice({ token: lt, profileId: learner.id, quizId: 'bank', questionId: miss[1], answer: 0 })).rejects.toMatchObject({ code: 'bad_request', key: 'notInMistakes' });
    await expect(core.answerPractice({ token: lt, profileId: learner.id, quizId: 'bank', questionId: keep, answer: 0 })).rejects.toMatchObject({ key: 'notInMistakes' });
    // A trainer cannot practise in a learner's place.
    await expect(core.answerPractice({ token: tt, profileId: learner.id, quizId: 'bank', questionId: miss[0], answer: 0 })).rejects.toMatchObject({ code: 'forbidden' });

    // The records are real files: a restarted core reads the same book.
    await core.close();
    const again = await openCore(pack, data);
    const lt2 = (await again.openProfileSession({ profileId: learner.id })).token;
    expect((await again.getMistakes({ token: lt2, profileId: learner.id })).entries.map((x) => x.question.id)).toEqual([miss[0]]);
  });

  it('a question answered right in a later attempt leaves the book', async () => {
    const core = await openCore(bankPack('reveal_on_fail: wrong'));
    const { learner, lt } = await people(core);
    const v1 = await attempt(core, lt, learner.id);
    await core.submitQuiz({ token: lt, profileId: learner.id, ...STEP, attemptId: v1.attemptId, answers: answersFor(v1, (id) => id !== 'b2') });
    expect((await core.getMistakes({ token: lt, profileId: learner.id })).entries.map((e) => e.question.id)).toEqual(['b2']);
    const v2 = await attempt(core, lt, learner.id);
    const r = await core.submitQuiz({ token: lt, profileId: learner.id, ...STEP, attemptId: v2.attemptId, answers: answersFor(v2, () => true) });
    expect(r.passed).toBe(true);
    expect((await core.getMistakes({ token: lt, profileId: learner.id })).entries).toEqual([]);
  });

  it('a quiz that reveals nothing on a fail keeps its wrong questions out of the book until a pass shows them', async () => {
    const core = await openCore(bankPack('reveal_on_fail: none'));
    const { learner, lt } = await people(core);
    const v1 = await attempt(core, lt, learner.id);
    await core.submitQuiz({ token: lt, profileId: learner.id, ...STEP, attemptId: v1.attemptId, answers: answersFor(v1, (id) => id !== 'b1') });
    expect((await core.getMistakes({ token: lt, profileId: learner.id })).entries).toEqual([]);
    await expect(core.answerPractice({ token: lt, profileId: learner.id, quizId: 'bank', questionId: 'b1', answer: 0 })).rejects.toMatchObject({ key: 'notInMistakes' });
  });

  it('a quiz that explains anyway lets a wrong practice answer be tried again at once', async () => {
    const core = await openCore(bankPack('reveal_on_fail: explain'));
    const { learner, lt } = await people(core);
    const v1 = await attempt(core, lt, learner.id);
    await core.submitQuiz({ token: lt, profileId: learner.id, ...STEP, attemptId: v1.attemptId, answers: answersFor(v1, (id) => id !== 'b1') });
    const wrong = await core.answerPractice({ token: lt, profileId: learner.id, quizId: 'bank', questionId: 'b1', answer: wrongOption('b1') });
    expect(wrong).toMatchObject({ correct: false, explanation: '解释b1', correctAnswer: null });
    expect((await core.getMistakes({ token: lt, profileId: learner.id })).entries[0].canPractise).toBe(true);
    expect(await core.answerPractice({ token: lt, profileId: learner.id, quizId: 'bank', questionId: 'b1', answer: rightOption('b1') })).toMatchObject({ correct: true, remaining: 0 });
  });

  it('travels in the progress file: practice done on another PC empties the book here too, once', async () => {
    const pack = bankPack('reveal_on_fail: explain');
    const away = await openCore(pack);
    const { learner, lt } = await people(away);
    const v1 = await attempt(away, lt, learner.id);
    await away.submitQuiz({ token: lt, profileId: learner.id, ...STEP, attemptId: v1.attemptId, answers: answersFor(v1, (id) => id !== 'b1') });
    await away.answerPractice({ token: lt, profileId: learner.id, quizId: 'bank', questionId: 'b1', answer: rightOption('b1') });
    const exported = (await away.exportProgress({ token: lt, format: 'json', profileId: learner.id })).content;
    expect(JSON.parse(exported).quizPractice).toHaveLength(1);

    const home = await openCore(pack);
    // The same person set up on this PC (same name and role): the import lands on that profile.
    const { learner: same, tt } = await people(home);
    expect((await home.importProgress({ token: tt, data: exported })).unchanged).toBe(false);
    expect((await home.importProgress({ token: tt, data: exported })).unchanged).toBe(true);
    const book = await home.getMistakes({ token: tt, profileId: same.id });
    expect(book.entries).toEqual([]);
    // …and the attempt came over with its wrong question, which practice then cleared.
    const step = (await home.getProgress({ token: tt, profileId: same.id })).tracks[0].phases.flatMap((p) => p.steps).find((x) => x.id === STEP.stepId)!;
    expect(step.quiz).toMatchObject({ attempts: 1 });
  });
});

