import type { Settings } from '../../contract.js';

/** What the database holds. Never content: only what people did with it. */
export interface DataV1 {
  schemaVersion: 1;
  profiles: Array<{
    id: string;
    name: string;
    roleId: string;
    startDate: string;
    trainer: boolean;
    /** scrypt hash `salt:hash` of the PIN, or null. */
    pinHash: string | null;
    createdAt: string;
  }>;
  /** One row per completed step. */
  completions: Array<{ profileId: string; trackId: string; stepId: string; completedAt: string; contentHash?: string }>;
  bookmarks: Array<{ profileId: string; articleId: string; at: string }>;
  views: Array<{ profileId: string; articleId: string; at: string }>;
  settings: Settings;
}

export type Data = DataV1;
export const CURRENT_SCHEMA = 1;

export function emptyData(): Data {
  return {
    schemaVersion: 1,
    profiles: [],
    completions: [],
    bookmarks: [],
    views: [],
    settings: { language: 'system', theme: 'system', currentProfileId: null },
  };
}
