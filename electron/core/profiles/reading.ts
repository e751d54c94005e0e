import type { ReadingList } from '../../contract.js';
import type { Pack } from '../content/pack.js';
import type { Store } from '../store/store.js';
import { requireProfile } from './profiles.js';

const RECENT = 20;

export function readingList(store: Store, pack: Pack, profileId: string): ReadingList {
  requireProfile(store, profileId);
  const title = (id: string) => pack.articles.get(id)?.summary.title;
  const records = store.records(profileId);
  const bookmarks = records.bookmarks
    .filter((b) => title(b.articleId))
    .sort((a, b) => b.at.localeCompare(a.at))
    .map((b) => ({ id: b.articleId, title: title(b.articleId)! }));
  const recent = records.views
    .filter((v) => title(v.articleId))
    .sort((a, b) => b.at.localeCompare(a.at))
    .slice(0, RECENT)
    .map((v) => ({ id: v.articleId, title: title(v.articleId)!, viewedAt: v.at }));
  return { bookmarks, recent };
}

export async function setBookmark(store: Store, profileId: string, articleId: string, on: boolean): Promise<void> {
  requireProfile(store, profileId);
  await store.updateRecords(profileId, (d) => {
    d.bookmarks = d.bookmarks.filter((b) => !(b.profileId === profileId && b.articleId === articleId));
    if (on) d.bookmarks.push({ profileId, articleId, at: new Date().toISOString() });
  });
}

/** Keeps one row per profile and article (the latest view), capped, so the file does not grow forever. */
export async function recordView(store: Store, profileId: string, articleId: string): Promise<void> {
  requireProfile(store, profileId);
  await store.updateRecords(profileId, (d) => {
    const others = d.views.filter((v) => !(v.profileId === profileId && v.articleId === articleId));
    const mine = others.filter((v) => v.profileId === profileId);
    const drop = new Set(mine.sort((a, b) => b.at.localeCompare(a.at)).slice(RECENT * 5 - 1));
    d.views = [...others.filter((v) => !drop.has(v)), { profileId, articleId, at: new Date().toISOString() }];
  });
}
