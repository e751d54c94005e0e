import type { Handlers } from '../../contract.js';
import type { EditSessions } from '../profiles/sessions.js';
import type { Store } from '../store/store.js';
import { adoptTeamProfile } from './adopt.js';
import { teamRoster } from './roster.js';

export interface TeamRosterContext { dataDir: string; store: Store; sessions: EditSessions }

/** The team's roster: who other PCs hold, and taking one of them onto this PC. */
export function teamRosterHandlers(ctx: TeamRosterContext): Pick<Handlers, 'listTeamRoster' | 'adoptTeamProfile'> {
  return {
    async listTeamRoster() { return { profiles: teamRoster(ctx.dataDir, ctx.store.shared.profiles) }; },
    async adoptTeamProfile(req) { return adoptTeamProfile(ctx.store, ctx.sessions, ctx.dataDir, req); },
  };
}
