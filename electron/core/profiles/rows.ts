import { notFound } from '../api/errors.js';
import type { Data } from '../store/schema.js';
import type { Store } from '../store/store.js';

/** A profile as the database stores it (with PIN hash and keys), not as the API shows it. */
export type ProfileRow = Data['profiles'][number];

/** The stored profile, or `not_found`. Its own file so the sessions and the profile methods can both use it. */
export function requireProfile(store: Store, id: string): ProfileRow {
  const p = store.shared.profiles.find((x) => x.id === id);
  if (!p) throw notFound(`profile "${id}"`);
  return p;
}
