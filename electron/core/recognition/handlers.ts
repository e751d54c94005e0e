import type { Handlers } from '../../contract.js';
import { HandbookError } from '../api/errors.js';
import type { EditSessions } from '../profiles/sessions.js';
import type { Pack } from '../content/pack.js';
import type { Store } from '../store/store.js';
import { giveRecognition } from './recognitions.js';
import { getRecognition, teamBoard } from './summary.js';

export type RecognitionMethods = 'getRecognition' | 'giveRecognition' | 'getTeamBoard' | 'setTeamBoard';

export interface RecognitionContext { store: Store; pack: () => Pack; sessions: EditSessions }

export function recognitionHandlers({ store, pack, sessions }: RecognitionContext): Pick<Handlers, RecognitionMethods> {
  return {
    // A learner's own, or a trainer reading anyone's (as with progress).
    async getRecognition({ token, profileId }) {
      sessions.self(token, profileId, true);
      return getRecognition(store, pack(), profileId);
    },
    async giveRecognition({ token, profileId, title, note }) {
      const trainer = sessions.require(token);
      return giveRecognition(store, trainer, { profileId, title: title.trim(), note: (note ?? '').trim() });
    },
    // Names and points of everyone: shown to all only once a trainer has opted in; before that a trainer may preview it.
    async getTeamBoard({ token }) {
      const caller = sessions.caller(token);
      if (!store.shared.settings.teamBoard && !caller.trainer) throw new HandbookError('forbidden', 'the team board is off: a trainer can turn it on', 'teamBoardOff');
      return teamBoard(store, pack());
    },
    async setTeamBoard({ token, enabled }) {
      sessions.require(token);
      await store.updateShared((d) => { d.settings.teamBoard = enabled; });
      return { teamBoard: enabled };
    },
  };
}
