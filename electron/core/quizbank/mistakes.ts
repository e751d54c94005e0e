import type { MistakeBook, PracticeResult, QuizAnswer } from '../../contract.js';
import { badRequest } from '../api/errors.js';
import type { Pack } from '../content/pack.js';
import type { Quiz } from '../content/quizFile.js';
import { requireQuiz, sourceRef } from '../onboarding/quizPlay.js';
import { isCorrect, mistakeBook, type Mistake } from '../onboarding/quizRecords.js';
import { requireProfile } from '../profiles/profiles.js';
import type { Records } from '../store/layout.js';
import type { Store } from '../store/store.js';

const bookOf = (records: Records, pack: Pack, profileId: string): Mistake[] =>
  mistakeBook(records.quizAttempts, records.quizPractice, pack.quizzes, profileId);

/**
 * A quiz that shows only which answers were wrong (or nothing) allows one wrong practice answer per
 * question between two attempts: unlimited tries would find the answer by elimination, for free,
 * and undo the trainer's choice. Quizzes that explain anyway have no such limit.
 */
function canPractise(records: Records, quiz: Quiz, questionId: string, profileId: string): boolean {
  if (quiz.revealOnFail === 'explain' || quiz.revealOnFail === 'answers') return true;
  let lastAttempt = '';
  for (const a of records.quizAttempts) if (a.profileId === profileId && a.quizId === quiz.id && a.at > lastAttempt) lastAttempt = a.at;
  return !records.quizPractice.some((p) => p.profileId === profileId && p.quizId === quiz.id && p.questionId === questionId && !p.correct && p.at >= lastAttempt);
}

/** The 错题本 as the learner sees it: each question as practice asks it, with the section to reread. */
export function getMistakes(store: Store, pack: Pack, profileId: string): MistakeBook {
  requireProfile(store, profileId);
  const records = store.records(profileId);
  const entries = bookOf(records, pack, profileId).map((m) => {
    const quiz = requireQuiz(pack, m.quizId);
    const q = quiz.questions.find((x) => x.id === m.questionId)!;
    return {
      quizId: quiz.id, quizTitle: quiz.title, quizTitleEn: quiz.titleEn, trackId: m.trackId, stepId: m.stepId,
      question: { id: q.id, type: q.type, prompt: q.prompt, options: q.options, source: sourceRef(pack, q.source) },
      wrongCount: m.wrongCount, lastWrongAt: m.lastWrongAt, canPractise: canPractise(records, quiz, q.id, profileId),
    };
  });
  return { profileId, entries };
}

/**
 * Records one practice answer. Only a question in the 错题本 may be practised: otherwise practice
 * would tell anyone the right answers of the whole bank, one try at a time. What a wrong answer
 * shows follows the quiz's `reveal_on_fail`, as an attempt would.
 */
export async function answerPractice(store: Store, pack: Pack, req: { profileId: string; quizId: string; questionId: string; answer: QuizAnswer }): Promise<PracticeResult> {
  requireProfile(store, req.profileId);
  const quiz = requireQuiz(pack, req.quizId);
  const q = quiz.questions.find((x) => x.id === req.questionId);
  const inBook = (records: Records) => bookOf(records, pack, req.profileId).some((m) => m.quizId === req.quizId && m.questionId === req.questionId);
  if (!q || !inBook(store.records(req.profileId))) {
    throw badRequest(`question "${req.questionId}" of quiz "${req.quizId}" is not in this learner's 错题本`, 'notInMistakes');
  }
  if (!canPractise(store.records(req.profileId), quiz, q.id, req.profileId)) {
    throw badRequest(`question "${q.id}": practise it again after your next attempt`, 'practiseAfterAttempt');
  }
  const correct = isCorrect(q, req.answer);
  const at = new Date().toISOString();
  const remaining = await store.updateRecords(req.profileId, (d) => {
    if (!inBook(d)) throw badRequest(`question "${req.questionId}" of quiz "${req.quizId}" is not in this learner's 错题本`, 'notInMistakes');
    if (!canPractise(d, quiz, q.id, req.profileId)) throw badRequest(`question "${q.id}": practise it again after your next attempt`, 'practiseAfterAttempt');
    d.quizPractice.push({ profileId: req.profileId, quizId: quiz.id, questionId: q.id, correct, at });
    return bookOf(d, pack, req.profileId).length;
  });
  const reveal = correct ? 'answers' : quiz.revealOnFail;
  return {
    quizId: quiz.id, questionId: q.id, correct,
    explanation: reveal === 'explain' || reveal === 'answers' ? q.explanation : null,
    correctAnswer: reveal === 'answers' ? q.answer : null,
    source: sourceRef(pack, q.source),
    remaining,
  };
}
