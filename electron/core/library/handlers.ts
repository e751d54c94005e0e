import type { Handlers } from '../../contract.js';
import type { EditSessions } from '../profiles/sessions.js';
import type { Pack } from '../content/pack.js';
import { readingList, recordView, setBookmark } from '../profiles/reading.js';
import type { Store } from '../store/store.js';
import { getArticle, getRole, listArticles, type SummaryView } from './articles.js';

export type LibraryMethods =
  | 'listArticles' | 'getArticle' | 'listRoles' | 'getRole' | 'listProblems' | 'setBookmark' | 'recordView' | 'getReadingList';

/** What the library methods need from the core. */
export interface LibraryContext {
  /** The pack as loaded now (it changes on every reload). */
  pack(): Pack;
  store: Store;
  sessions: EditSessions;
  /** How an article's summary reads now: its front matter plus the signed "still valid" events. */
  reviewed(): SummaryView;
}

/** Reading the pack (anyone at the PC), and a profile's own bookmarks and recently viewed (its session). */
export function libraryHandlers({ pack, store, sessions, reviewed }: LibraryContext): Pick<Handlers, LibraryMethods> {
  return {
    async listArticles(req) { return listArticles(pack(), req, reviewed()); },
    async getArticle({ id }) { return getArticle(pack(), id, reviewed()); },
    async listRoles() { return [...pack().roles.values()].map((r) => r.summary); },
    async getRole({ id }) { return getRole(pack(), id); },
    async listProblems() { return pack().problems; },
    async setBookmark({ token, profileId, articleId, bookmarked }) {
      sessions.self(token, profileId, false);
      await setBookmark(store, profileId, articleId, bookmarked);
      return readingList(store, pack(), profileId);
    },
    async recordView({ token, profileId, articleId }) {
      sessions.self(token, profileId, false);
      await recordView(store, profileId, articleId);
      return readingList(store, pack(), profileId);
    },
    async getReadingList({ token, profileId }) { sessions.self(token, profileId, true); return readingList(store, pack(), profileId); },
  };
}
