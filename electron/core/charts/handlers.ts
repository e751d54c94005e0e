import type { Handlers } from '../../contract.js';
import type { EditSessions } from '../profiles/sessions.js';
import type { Pack } from '../content/pack.js';
import type { Store } from '../store/store.js';
import { getCharts } from './charts.js';

export type ChartsMethods = 'getCharts';

export function chartsHandlers({ store, pack, sessions }: { store: Store; pack: () => Pack; sessions: EditSessions }): Pick<Handlers, ChartsMethods> {
  return {
    // Everyone's records, summed: trainers only, like the dashboard.
    async getCharts({ token, role, weeks }) {
      sessions.require(token);
      return getCharts(store, pack(), { role, weeks });
    },
  };
}
