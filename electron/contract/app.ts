/** The app itself: version and paths, settings, the content folder, database backups, host-only actions. */
import { z } from 'zod';

import { NoArgs, ProfileId, SessionToken } from './primitives.js';

export const appRequests = {
  /** Version, pack identity and counts; cheap, called once at start-up. */
  getAppInfo: NoArgs,
  /** The whole database as a JSON file's content, for a backup the person keeps (trainers only). */
  backupDatabase: z.object({ token: SessionToken }).strict(),
  /**
   * Replaces the database with a backup (trainers only). The whole file is checked first; a refused
   * restore changes nothing. The current database is kept in `restore-points/`, which ordinary writes never prune.
   */
  restoreDatabase: z.object({
    token: SessionToken,
    /** The backup file's text, as made by backupDatabase. */
    content: z.string().min(2).max(50 * 1024 * 1024),
    /** Must be true: the UI asks the person to confirm first. */
    confirm: z.literal(true),
  }).strict(),

  /** Machine-wide settings (language, theme, last profile). */
  getSettings: NoArgs,
  updateSettings: z.object({
    /** UI language; `system` follows the operating system. */
    language: z.enum(['system', 'zh-CN', 'en']).optional(),
    /** Colour theme; `system` follows the operating system. */
    theme: z.enum(['system', 'light', 'dark']).optional(),
    /** Profile selected on this machine, or null for none. */
    currentProfileId: ProfileId.nullable().optional(),
  }).strict(),
  /**
   * Reads content from another folder from now on (remembered across launches), or from the
   * bundled sample pack again with `path: null`. The folder must hold a pack.
   */
  setContentFolder: z.object({
    token: SessionToken,
    /** Absolute path of a folder with handbook.yaml or articles/; null for the bundled pack. */
    path: z.string().trim().min(1).max(1000).nullable(),
  }).strict(),
  /** Opens the system's folder picker (desktop app only; see AppInfo.capabilities). */
  pickContentFolder: NoArgs,
  /** Saves the page as it is shown now as a PDF, asking where (desktop app only). */
  savePageAsPdf: z.object({
    /** Suggested file name, e.g. the certificate's. */
    fileName: z.string().trim().min(1).max(200),
  }).strict(),

} as const;

export interface AppInfo {
  version: string;
  pack: { id: string; name: string; nameEn?: string; version: string; language: string };
  counts: { articles: number; roles: number; tracks: number; quizzes: number; problems: number };
  /** Where content and data live on this computer. */
  paths: { contentDir: string; dataDir: string };
  /** What the host can do beyond the API: the desktop app has a folder picker and PDF export. */
  capabilities: { pickFolder: boolean; savePdf: boolean; switchContent: boolean };
  /** Set when the database was found damaged at start-up and recovered: shown to the person. */
  recovery: { reason: string; damagedFile: string; restoredFrom: string | null } | null;
}

export interface Settings {
  language: 'system' | 'zh-CN' | 'en';
  theme: 'system' | 'light' | 'dark';
  currentProfileId: string | null;
  /** Content folder chosen in Settings, or null for the host's default (the bundled pack). */
  contentDir: string | null;
  /** The team board (this month's points by role) is shown to everyone; off by default, a trainer turns it on (`setTeamBoard`). */
  teamBoard?: boolean;
}

/**
 * What the desktop app's menu asks the page to do (main → page, never page → main). The page acts
 * on it with its own routes and dialogs; see electron/ipcChannels.ts and renderer/src/api/menu.ts.
 */
export type MenuAction = 'home' | 'library' | 'search' | 'onboarding' | 'settings' | 'back' | 'forward' | 'find' | 'shortcuts';

export interface AppResponses {
  getAppInfo: AppInfo;
  backupDatabase: { fileName: string; content: string };
  restoreDatabase: { profiles: number };
  getSettings: Settings;
  updateSettings: Settings;
  setContentFolder: { contentDir: string };
  pickContentFolder: { path: string | null };
  savePageAsPdf: { file: string | null };
}
