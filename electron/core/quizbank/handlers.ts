import type { Handlers } from '../../contract.js';
import type { EditSessions } from '../profiles/sessions.js';
import type { Pack } from '../content/pack.js';
import { drawSecret } from '../onboarding/quizDraw.js';
import { quizView, startQuizAttempt, submitQuiz } from '../onboarding/quizPlay.js';
import type { Store } from '../store/store.js';
import { answerPractice, getMistakes } from './mistakes.js';

export type QuizbankMethods = 'getQuiz' | 'startQuizAttempt' | 'submitQuiz' | 'getMistakes' | 'answerPractice';

export interface QuizbankContext {
  store: Store;
  pack(): Pack;
  sessions: EditSessions;
  /** Where the draw key lives (see onboarding/quizDraw.ts). */
  dataDir: string;
}

/** Taking quizzes and the 错题本. A learner takes and practises only as themselves; a trainer may read a 错题本. */
export function quizbankHandlers(ctx: QuizbankContext): Pick<Handlers, QuizbankMethods> {
  let secret: Buffer | null = null;
  const key = () => (secret ??= drawSecret(ctx.dataDir));
  return {
    async getQuiz({ quizId }) { return quizView(ctx.pack(), quizId); },
    async startQuizAttempt({ token, ...ref }) {
      ctx.sessions.self(token, ref.profileId, false);
      return startQuizAttempt(ctx.store, ctx.pack(), key(), ref);
    },
    async submitQuiz({ token, ...req }) {
      ctx.sessions.self(token, req.profileId, false);
      return submitQuiz(ctx.store, ctx.pack(), key(), req);
    },
    async getMistakes({ token, profileId }) {
      ctx.sessions.self(token, profileId, true);
      return getMistakes(ctx.store, ctx.pack(), profileId);
    },
    async answerPractice({ token, ...req }) {
      ctx.sessions.self(token, req.profileId, false);
      return answerPractice(ctx.store, ctx.pack(), req);
    },
  };
}
