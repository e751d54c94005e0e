import { PACK } from './fixture';

/**
 * The onboarding pack with English step titles of every kind: own `title_en` on a task, a sign-off,
 * a read step and a quiz step (which must win over its quiz's); a quiz step named after a quiz with
 * `title_en`, one after a quiz without; a read step with none.
 */
export const STEP_TITLES_PACK: Record<string, string> = {
  ...PACK,
  'tracks/customer-service.yaml': PACK['tracks/customer-service.yaml']
    .replace('{ id: read-refunds, type: read, article: cs/refunds }', '{ id: read-refunds, type: read, article: cs/refunds, title_en: Refunds SOP }')
    .replace('{ id: task-login, type: task, title: 登录客服工作台 }', '{ id: task-login, type: task, title: 登录客服工作台, title_en: Log in to the service desk }')
    .replace('{ id: signoff-day1, type: signoff, title: 带教确认 }', '{ id: signoff-day1, type: signoff, title: 带教确认, title_en: Trainer confirms day 1 }')
    .replace('{ id: task-shadow, type: task, title: 旁听老员工接待, required: false }', [
      '{ id: task-shadow, type: task, title: 旁听老员工接待, required: false }',
      '      - { id: quiz-again, type: quiz, quiz: cs-basics, title: 再测一次, title_en: Basics once more }',
      '      - { id: quiz-plain, type: quiz, quiz: plain }',
    ].join('\n')),
  'quizzes/plain.yaml': 'title: 只有中文\npassMark: 50\nquestions:\n  - { id: q1, type: truefalse, prompt: 对吗？, answer: true }\n',
};
