import { PACK, writePack } from '../onboarding/fixture';
import type { Core } from '../../../../electron/core/index';
import type { QuizAttemptView, QuizAnswer } from '../../../../electron/contract';

/** Six single-choice questions, each option text unique, so a right answer is found by its text. */
export const BANK = Array.from({ length: 6 }, (_, i) => ({
  id: `b${i + 1}`,
  prompt: `第 ${i + 1} 题？`,
  options: ['甲', '乙', '丙', '丁'].map((o) => `${o}${i + 1}`),
  answer: i % 4,
}));
export const rightText = (id: string) => { const q = BANK.find((b) => b.id === id)!; return q.options[q.answer]; };

export function bankYaml(extra: string): string {
  return `title: 题库测验
title_en: Bank quiz
passMark: 100
${extra}
questions:
${BANK.map((q) => `  - id: ${q.id}
    type: single
    prompt: ${q.prompt}
    options: [${q.options.join(', ')}]
    answer: ${q.answer}
    explanation: 解释${q.id}
    source: cs/refunds#处理步骤`).join('\n')}
`;
}

/** The fixture pack with its day-1 quiz step pointing at a bank quiz with the given settings. */
export function bankPack(extra = 'draw: 3\nshuffle_options: true\nreveal_on_fail: wrong'): string {
  return writePack({
    ...PACK,
    'quizzes/bank.yaml': bankYaml(extra),
    'tracks/customer-service.yaml': PACK['tracks/customer-service.yaml'].replace('quiz: cs-basics', 'quiz: bank'),
  });
}

/** Answers for an attempt as shown: right for the ids in `right`, a wrong option for every other. */
export function answersFor(view: QuizAttemptView, right: (id: string) => boolean): Record<string, QuizAnswer> {
  return Object.fromEntries(view.quiz.questions.map((q) => {
    const k = q.options.indexOf(rightText(q.id));
    return [q.id, right(q.id) ? k : (k + 1) % q.options.length];
  }));
}

export const STEP = { trackId: 'customer-service', stepId: 'quiz-basics' };
export async function attempt(core: Core, token: string, profileId: string) {
  return core.startQuizAttempt({ token, profileId, ...STEP });
}
