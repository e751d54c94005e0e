/**
 * THE Handbook API. Every method takes one plain JSON argument and resolves to plain JSON.
 * The same map is served by the core directly, over IPC (Electron) and over HTTP (browser mode).
 *
 * Requests are zod schemas (validated at every transport boundary); their TypeScript types are
 * derived from them. Responses are plain DTO interfaces. The renderer may only `import type`
 * from this file (enforced by test/boundaries.test.ts).
 */
import { z } from 'zod';

import { recognitionRequests, type RecognitionResponses } from './contract/recognition.js';
import { chartsRequests, type ChartsResponses } from './contract/charts.js';
import { ArticleId, RoleId, ProfileId, IsoDate, Pin, NoArgs, TrackId, StepId, QuizAnswer, EditToken, SessionToken, Passphrase, EditableId, ShortText } from './contract/primitives.js';

/** The front matter fields the editor's form shows. Absent = leave the file's value as it is. */
const ArticleFields = z.object({
  title: z.string().max(200),
  summary: ShortText,
  tags: z.array(z.string().max(60)).max(50),
  roles: z.array(z.string().max(64)).max(30),
  owner: z.string().max(100),
  /** Last review, YYYY-MM-DD, or empty for none. */
  reviewed: z.union([IsoDate, z.literal('')]),
  /** Review interval like `90d`, `12w`, `6m`, `1y`, or empty for none. */
  review_every: z.string().max(10),
  status: z.enum(['draft', 'published', 'archived']),
  platforms: z.array(z.string().max(60)).max(30),
}).partial().strict();
const TrackStepDraft = z.object({
  /** Unique in the track; letters, digits, `-` and `_`. */
  id: z.string().max(100),
  type: z.enum(['read', 'task', 'quiz', 'signoff']),
  /** Shown to the learner; `read` and `quiz` steps fall back to the article or quiz title. */
  title: z.string().max(300).optional(),
  /** For `read` steps. */
  article: z.string().max(300).optional(),
  /** For `quiz` steps. */
  quiz: z.string().max(100).optional(),
  required: z.boolean(),
}).strict();
const TrackDraft = z.object({
  title: z.string().max(200),
  titleEn: z.string().max(200).optional(),
  roleId: z.string().max(64),
  description: z.string().max(2000).optional(),
  phases: z.array(z.object({
    id: z.string().max(100),
    title: z.string().max(200),
    titleEn: z.string().max(200).optional(),
    /** Day the phase is due, counted from the start date (day 1). */
    dueDay: z.number(),
    steps: z.array(TrackStepDraft).max(300),
  }).strict()).max(50),
}).strict();
const QuizDraft = z.object({
  title: z.string().max(200),
  titleEn: z.string().max(200).optional(),
  /** Percentage needed to pass, 1–100. */
  passMark: z.number(),
  questions: z.array(z.object({
    id: z.string().max(100),
    type: z.enum(['single', 'multiple', 'truefalse']),
    prompt: z.string().max(2000),
    options: z.array(z.string().max(500)).max(20),
    /** single: option index; multiple: option indexes; truefalse: true or false. */
    answer: QuizAnswer,
    explanation: z.string().max(4000),
    /** `articleId#section` the question tests, or null. */
    source: z.string().max(400).nullable(),
    /** Record the source section as it is now (the trainer checked the question against it). */
    confirmSource: z.boolean().optional(),
  }).strict()).max(300),
}).strict();

export const requests = {
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

  /** Every local profile on this machine, oldest first. */
  listProfiles: NoArgs,
  createProfile: z.object({
    /** Display name, as the person wants to be called. */
    name: z.string().trim().min(1, 'name is required').max(60),
    /** The role whose onboarding track this person follows. */
    roleId: RoleId,
    /** First working day; due dates count from it. Defaults to today. */
    startDate: IsoDate.optional(),
    /** Optional PIN for a learner: a convenience on a shared PC, not a strong secret. */
    pin: Pin.optional(),
    /** Trainers author content and sign off steps. */
    trainer: z.boolean().optional(),
    /** Required for a trainer: 8 characters or more. */
    passphrase: Passphrase.optional(),
    /** A trainer's session: needed to create a trainer, except the first one of an empty handbook. */
    token: SessionToken.optional(),
  }).strict()
    .refine((p) => !p.trainer || p.passphrase, { message: 'a trainer profile needs a passphrase of 8 characters or more', path: ['passphrase'] })
    .refine((p) => p.trainer || !p.passphrase, { message: 'only trainers have a passphrase (learners may have a PIN)', path: ['passphrase'] }),
  /**
   * Opens a session for one profile, on this PC: what every call about that profile's own records
   * takes. A profile with a PIN must give it; one without can be opened by anyone at the PC (that
   * is what "no PIN" means). It gives a trainer no trainer rights: those need `openEditSession`.
   */
  openProfileSession: z.object({ profileId: ProfileId, pin: Pin.optional() }).strict(),
  /**
   * Sets a trainer's passphrase. `current` is the current passphrase, or, for a trainer from before
   * passphrases, the old PIN (accepted once, for this only). Creates the trainer's signing key when there is none.
   */
  setPassphrase: z.object({ profileId: ProfileId, current: z.string().min(1).max(200), passphrase: Passphrase }).strict(),
  /** Deletes a profile and all its records (trainers only; never the last trainer, never oneself). */
  deleteProfile: z.object({ token: SessionToken, profileId: ProfileId }).strict(),

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

  /** Articles of the pack with their metadata (no bodies), filtered and sorted. */
  listArticles: z.object({
    /** Category folder (first path segment), or a sub-folder path. */
    category: z.string().max(300).optional(),
    role: RoleId.optional(),
    tag: z.string().max(100).optional(),
    platform: z.string().max(100).optional(),
    status: z.enum(['draft', 'published', 'archived']).optional(),
    sort: z.enum(['title', 'updated', 'review']).optional(),
  }).strict(),
  /** One article rendered to HTML (unsanitized: the renderer sanitizes before it touches the DOM). */
  getArticle: z.object({ id: ArticleId }).strict(),
  /** The role guides as a team map. */
  listRoles: NoArgs,
  getRole: z.object({ id: RoleId }).strict(),
  /** Every problem found while loading the pack. */
  listProblems: NoArgs,

  /** Full-text search over articles, role guides and tracks. */
  search: z.object({
    /** What the person typed: Chinese, English or both; may contain typos. */
    query: z.string().max(2000),
    role: RoleId.optional(),
    tag: z.string().max(100).optional(),
    category: z.string().max(300).optional(),
    platform: z.string().max(100).optional(),
    /** Maximum hits returned (1–100, default 20). */
    limit: z.number().int().min(1).max(100).optional(),
    offset: z.number().int().min(0).max(10000).optional(),
  }).strict(),
  /** Whether the search index is ready, and how far a build has got. */
  searchStatus: NoArgs,

  /** Onboarding tracks, one per role, with phases and steps. */
  listTracks: NoArgs,
  /** Steps a profile has completed. */
  getProgress: z.object({ token: SessionToken, profileId: ProfileId }).strict(),
  completeStep: z.object({ token: SessionToken, profileId: ProfileId, trackId: z.string().min(1).max(100), stepId: z.string().min(1).max(100) }).strict(),
  /** Un-ticks a `task` or `read` step (quizzes are passed, sign-offs are given: neither is un-ticked). */
  uncompleteStep: z.object({ token: SessionToken, profileId: ProfileId, trackId: TrackId, stepId: StepId }).strict(),
  /** A quiz to take: questions and options, never the answers or explanations. */
  getQuiz: z.object({ quizId: z.string().min(1).max(100) }).strict(),
  /** Scores one attempt at a track's quiz step; a pass completes the step. Retries are allowed. */
  submitQuiz: z.object({
    token: SessionToken, profileId: ProfileId, trackId: TrackId, stepId: StepId,
    /** Question id → answer; a missing answer counts as wrong. */
    answers: z.record(z.string().max(100), QuizAnswer),
  }).strict(),
  /** Asks a trainer to confirm a `signoff` step. */
  requestSignoff: z.object({ token: SessionToken, profileId: ProfileId, trackId: TrackId, stepId: StepId, note: z.string().trim().max(500).optional() }).strict(),
  /** A trainer (unlocked with `openEditSession`) confirms a `signoff` step; the fact is signed with their key. */
  signOff: z.object({ token: SessionToken, profileId: ProfileId, trackId: TrackId, stepId: StepId }).strict(),
  /** Every learner × track for trainers, optionally only one role. */
  getDashboard: z.object({ token: SessionToken, role: RoleId.optional() }).strict(),
  /** Progress as a file: CSV (UTF-8 with BOM, for Excel) or JSON (for `importProgress` on another PC). */
  exportProgress: z.object({
    /** A learner's session exports only that learner; a trainer's may export everyone. */
    token: SessionToken,
    format: z.enum(['csv', 'json']),
    /** Only this learner (what a learner takes to the trainer); default everyone. */
    profileId: ProfileId.optional(),
    /** Language of CSV headings and values; default the pack's, zh-CN. */
    language: z.enum(['zh-CN', 'en']).optional(),
  }).strict(),
  /** Merges a JSON export from another PC: idempotent, newer facts win, nothing is dropped. */
  importProgress: z.object({ token: SessionToken, data: z.string().min(1).max(5_000_000) }).strict(),

  /** Bookmark or un-bookmark an article for a profile. */
  setBookmark: z.object({ token: SessionToken, profileId: ProfileId, articleId: ArticleId, bookmarked: z.boolean() }).strict(),
  /** Remember that a profile opened an article (for "recently viewed"). */
  recordView: z.object({ token: SessionToken, profileId: ProfileId, articleId: ArticleId }).strict(),
  /** Bookmarks and recently viewed articles of a profile, newest first. */
  getReadingList: z.object({ token: SessionToken, profileId: ProfileId }).strict(),
  // ------------------------------------------------------------ authoring (trainers only)
  /**
   * Unlocks a trainer: checks the passphrase once and returns a short-lived token that every
   * trainer-only method takes. Wrong passphrases lock the profile for a minute after 5 in a row.
   */
  openEditSession: z.object({ profileId: ProfileId, passphrase: z.string().min(1).max(200) }).strict(),
  /** Ends an edit session at once (on profile switch or "lock"); unknown tokens are ignored. */
  closeEditSession: z.object({ token: EditToken }).strict(),
  /** Starting points for a new article: SOP, policy, checklist, role guide. */
  listTemplates: NoArgs,
  /** The file of an article (or `role:<id>` for a role guide) as written: front matter fields, body and hash. */
  getArticleSource: z.object({ token: EditToken, id: EditableId }).strict(),
  /** Markdown rendered by the reader's own pipeline (links and images resolved as if saved as `id`). */
  previewMarkdown: z.object({
    token: EditToken,
    /** Where the article is (or will be) saved; relative links and images resolve from there. */
    id: EditableId.optional(),
    markdown: z.string().max(2_000_000),
  }).strict(),
  /**
   * Creates (`baseHash: null`) or updates an article. The file is written atomically; fields not in
   * the form, comments and the author's YAML formatting are kept. Refused with `conflict` when the
   * file on disk no longer has `baseHash` (or, when creating, already exists).
   */
  saveArticle: z.object({
    token: EditToken, id: EditableId,
    /** Hash from `getArticleSource` (the version the editor started from), or null for a new file. */
    baseHash: z.string().max(64).nullable(),
    fields: ArticleFields,
    /** Markdown after the front matter. */
    body: z.string().max(2_000_000),
  }).strict(),
  /** Renames or moves an article; every link to it (relative `.md`, `[[id]]`, track steps, quiz sources) is rewritten. */
  renameArticle: z.object({ token: EditToken, id: ArticleId, newId: ArticleId }).strict(),
  /** Moves an article, track or quiz into the pack's `.trash/` folder, from where it can be restored. */
  deleteContent: z.object({ token: EditToken, kind: z.enum(['article', 'track', 'quiz']), id: z.string().min(1).max(300) }).strict(),
  /** What is in the trash, newest first. */
  listTrash: z.object({ token: EditToken }).strict(),
  /** Puts a trashed file back where it was; refused with `conflict` when that path is taken again. */
  restoreFromTrash: z.object({ token: EditToken, trashId: z.string().min(1).max(200) }).strict(),
  /** Saves a pasted or picked image into `assets/`; returns the link to write from the article. */
  saveAsset: z.object({
    token: EditToken,
    /** The article that will show it, for the relative link. */
    articleId: EditableId,
    /** Original file name, used only as a hint for the saved name. */
    name: z.string().max(200),
    /** The image bytes, base64 (PNG, JPEG, GIF or WebP; at most 5 MB). */
    data: z.string().min(1).max(7_000_000),
  }).strict(),
  /** A track as a form: phases, steps, due days (raw fields, not the defaults `listTracks` fills in). */
  getTrackSource: z.object({ token: EditToken, id: TrackId }).strict(),
  /** Writes a track; refused with the reasons when `handbook validate` would reject it. */
  saveTrack: z.object({ token: EditToken, id: TrackId, baseHash: z.string().max(64).nullable(), track: TrackDraft }).strict(),
  /** Every quiz of the pack (id, titles, number of questions), for pickers and the content page. */
  listQuizzes: z.object({ token: EditToken }).strict(),
  /** A quiz as a form, with answers, explanations and whether each question's source section changed. */
  getQuizSource: z.object({ token: EditToken, id: TrackId }).strict(),
  /** Writes a quiz; refused with the reasons when `handbook validate` would reject it. */
  saveQuiz: z.object({ token: EditToken, id: TrackId, baseHash: z.string().max(64).nullable(), quiz: QuizDraft }).strict(),
  /** The trainer's to-do list for the content: broken links, stale reviews, orphans, failed searches … */
  getContentHealth: z.object({ token: EditToken }).strict(),

  // ------------------------------------------------------------ content packs (trainers only)
  /** The whole pack as a zip (base64), without the trash. */
  exportPack: z.object({ token: EditToken }).strict(),
  /** Sends a pack zip in pieces (each at most 512 KB once decoded); the first call omits `uploadId`. */
  uploadPackChunk: z.object({
    token: EditToken,
    uploadId: z.string().regex(/^[a-f0-9]{32}$/).optional(),
    /** Byte offset of this piece: pieces must arrive in order. */
    offset: z.number().int().min(0),
    data: z.string().max(700_000),
  }).strict(),
  /** Checks an uploaded zip and lists what importing it would add, change and remove. Nothing is written. */
  previewPackImport: z.object({ token: EditToken, uploadId: z.string().regex(/^[a-f0-9]{32}$/) }).strict(),
  /** Replaces the pack with the uploaded zip, all or nothing; the replaced pack is kept as a backup. */
  applyPackImport: z.object({ token: EditToken, uploadId: z.string().regex(/^[a-f0-9]{32}$/) }).strict(),
  /** Packs replaced by imports, newest first. */
  listPackBackups: z.object({ token: EditToken }).strict(),
  /** Puts a replaced pack back; the current one becomes a backup in turn. */
  restorePackBackup: z.object({ token: EditToken, backupId: z.string().regex(/^[0-9TZ-]{10,40}$/) }).strict(),

  // ------------------------------------------------------------ team mode (git; see DESIGN.md "Team mode")
  /** Where this PC's team checkout stands; `{ joined: false }` when the content folder is not one. No network. */
  getTeamStatus: NoArgs,
  /** "Check now": commit local edits, fetch, fast-forward or merge, publish, then this PC's records. */
  syncTeam: NoArgs,
  /** Clones the team's repository into an empty folder and switches Handbook to it (trainers). */
  joinTeam: z.object({
    token: EditToken,
    /** http(s) address of the repository, without user name or password in it. */
    url: z.string().trim().min(1).max(2000),
    /** Commit author. */
    name: z.string().trim().min(1).max(100),
    email: z.string().trim().min(3).max(200),
    /** Kept in the data folder only (mode 0600); empty for a public repository. */
    username: z.string().max(200),
    password: z.string().max(2000),
    /** An empty or new folder for the checkout. */
    contentDir: z.string().trim().min(1).max(2000),
  }).strict(),
  /** Articles added, changed and removed since this profile last looked, with who, when and the message. */
  listTeamChanges: z.object({ profileId: ProfileId }).strict(),
  /** The profile has seen everything up to now. */
  markTeamChangesSeen: z.object({ profileId: ProfileId }).strict(),
  /** Both versions of a file waiting for a person (trainers). */
  getTeamConflict: z.object({ token: EditToken, path: z.string().min(1).max(1000) }).strict(),
  /** Keep mine or take theirs for one waiting file; the next sync builds the merge (trainers). */
  resolveTeamConflict: z.object({ token: EditToken, path: z.string().min(1).max(1000), choice: z.enum(['mine', 'theirs']) }).strict(),
  ...recognitionRequests,
  ...chartsRequests,
} as const;

export type MethodName = keyof typeof requests;
export const methodNames = Object.keys(requests) as MethodName[];
/**
 * What the desktop app's menu asks the page to do (main → page, never page → main). The page acts
 * on it with its own routes and dialogs; see electron/ipcChannels.ts and renderer/src/api/menu.ts.
 */
export type MenuAction = 'home' | 'library' | 'search' | 'onboarding' | 'settings' | 'back' | 'forward' | 'find' | 'shortcuts';
/** The argument a caller passes (before defaults and trimming). */
export type Request<M extends MethodName> = z.input<(typeof requests)[M]>;
/** The argument after validation, as the core receives it. */
export type ParsedRequest<M extends MethodName> = z.output<(typeof requests)[M]>;

// ---------------------------------------------------------------- DTOs

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

export interface Profile {
  id: string;
  name: string;
  roleId: string;
  startDate: string;
  trainer: boolean;
  hasPin: boolean;
  createdAt: string;
  /** A trainer from before passphrases: must set one (with the old PIN) before anything else. */
  mustSetPassphrase?: boolean;
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

export type ArticleStatus = 'draft' | 'published' | 'archived';

export interface ArticleSummary {
  id: string;
  title: string;
  summary: string;
  category: string;
  tags: string[];
  roles: string[];
  platforms: string[];
  owner: string;
  status: ArticleStatus;
  /** Last review date (YYYY-MM-DD) or null when unknown. */
  reviewed: string | null;
  /** Date the next review is due, or null when no review cycle is set. */
  reviewDue: string | null;
  needsReview: boolean;
  /** File modification time, ISO. */
  updatedAt: string;
}

export interface Category { id: string; name: string; nameEn: string; count: number }

export interface ArticleList {
  articles: ArticleSummary[];
  categories: Category[];
  facets: { roles: Record<string, number>; tags: Record<string, number>; platforms: Record<string, number>; statuses: Record<string, number> };
}

export interface TocEntry { depth: number; text: string; anchor: string }
export interface LinkRef { id: string; title: string }

export interface Article extends ArticleSummary {
  html: string;
  toc: TocEntry[];
  /** Articles that link here. */
  backlinks: LinkRef[];
  /** Articles sharing tags or roles, best first. */
  related: LinkRef[];
  /** Hash of the file content; a step completed against another hash is "updated since you read it". */
  hash: string;
}

export interface RoleSummary {
  id: string;
  title: string;
  titleEn: string;
  summary: string;
  worksWith: string[];
  trackId: string | null;
}
export interface Role extends RoleSummary { html: string; toc: TocEntry[] }

export interface Problem {
  /** Path relative to the pack folder, with forward slashes. */
  path: string;
  /** 1-based line, when known. */
  line?: number;
  severity: 'error' | 'warning';
  code: string;
  message: string;
}

export interface SearchHit {
  id: string;
  kind: 'article' | 'role' | 'track';
  title: string;
  /** Decreases with the rank; exact-phrase matches get a bonus above every other score. */
  score: number;
  /** Plain text around the best match, ~120 characters, with … at cut ends. */
  snippet: string;
  /** [start, end) UTF-16 offsets into `snippet` of the matched text. */
  highlights: Array<[number, number]>;
  /** [start, end) UTF-16 offsets into `title`. */
  titleHighlights: Array<[number, number]>;
}
/** Counts per value over the query's matches, before the filters are applied. */
export interface SearchFacets { roles: Record<string, number>; tags: Record<string, number>; categories: Record<string, number>; platforms: Record<string, number> }
export interface SearchResult {
  /** Matches after filters, before limit and offset. */
  total: number;
  hits: SearchHit[];
  facets: SearchFacets;
  /** When nothing matched: other queries that would. */
  suggestions: string[];
  ms: number;
}
export interface SearchStatus { state: 'idle' | 'building' | 'ready' | 'error'; done: number; total: number; fromCache: boolean; error?: string }

export type StepType = 'read' | 'task' | 'quiz' | 'signoff';
export interface TrackStep {
  id: string;
  type: StepType;
  title: string;
  required: boolean;
  /** For `read` steps. */
  articleId?: string;
  /** For `quiz` steps. */
  quizId?: string;
}
export interface TrackPhase { id: string; title: string; titleEn: string; dueDay: number; steps: TrackStep[] }
export interface Track { id: string; roleId: string; title: string; titleEn: string; description: string; phases: TrackPhase[] }

export interface CompletedStep {
  trackId: string; stepId: string; completedAt: string; contentHash?: string; signedBy?: { id: string; name: string };
  /** Sign-offs: whether the signature checks against a known trainer's key. An unverified one counts for nothing. */
  verified?: boolean;
}

/** One step as one learner stands with it. */
export interface StepProgress extends TrackStep {
  /** The English title, where the step is named after a quiz that has `title_en`. */
  titleEn?: string;
  done: boolean;
  completedAt: string | null;
  /** A done `read` step whose article changed since: "updated since you read it". */
  needsReread: boolean;
  /** For `signoff` steps: the trainer who confirmed it. */
  signedBy: { id: string; name: string } | null;
  /**
   * A sign-off is recorded but its signature does not check against a known trainer's key (an
   * imported or hand-edited record): shown as "unverified", the step is not done. `claimedBy` is the
   * name the record gives, not a proven one.
   */
  unverified: { claimedBy: string | null; at: string } | null;
  /** For `signoff` steps: pending request, while not signed off. */
  signoffRequestedAt: string | null;
  /** For `quiz` steps. */
  quiz: { attempts: number; bestScore: number | null; passed: boolean } | null;
}
export interface PhaseProgress {
  id: string; title: string; titleEn: string; dueDay: number;
  /** Start date + dueDay − 1 (day 1 is the start date), calendar days, weekends included. */
  dueDate: string;
  /** Required steps done / required steps (all steps when none is required). */
  done: number; total: number;
  complete: boolean;
  /** Past its due date with required steps open. */
  overdue: boolean;
  /** Due within the next 3 days with required steps open. */
  dueSoon: boolean;
  steps: StepProgress[];
}
export interface NextStep {
  trackId: string; stepId: string; phaseId: string; title: string; type: StepType;
  /** As on `StepProgress`. */
  titleEn?: string;
  dueDate: string; overdue: boolean;
  /** The step is done but its article changed. */
  reread: boolean;
  articleId?: string; quizId?: string;
}
export interface TrackProgress {
  trackId: string; roleId: string; title: string; titleEn: string;
  /** 0–100, required steps only (all steps when none is required). */
  percent: number; done: number; total: number;
  complete: boolean;
  /** When the last required step was done, once the track is complete. */
  completedAt: string | null;
  overdueSteps: number;
  needsReread: number;
  lastActivity: string | null;
  phases: PhaseProgress[];
  /** What to do next: re-reads and overdue first, then in track order (at most 5). */
  next: NextStep[];
}
export interface Progress {
  profileId: string;
  completed: CompletedStep[];
  /** The local calendar day the summaries were computed for. */
  today: string;
  startDate: string;
  /** The learner's role track first, then any other track they have progress in. */
  tracks: TrackProgress[];
}

export interface SourceRef {
  articleId: string; anchor: string | null; title: string | null;
  /** The text of the section's heading as it is now (null when the section is gone). */
  heading?: string | null;
}
export interface QuizQuestionView { id: string; type: 'single' | 'multiple' | 'truefalse'; prompt: string; options: string[]; source: SourceRef | null }
export interface QuizView { id: string; title: string; titleEn: string; passMark: number; questions: QuizQuestionView[] }
export type QuizAnswer = number | number[] | boolean;
export interface QuestionResult {
  id: string; correct: boolean; given: QuizAnswer | null;
  /** Revealed once the quiz is passed, so a retry is still a test. */
  correctAnswer: QuizAnswer | null;
  explanation: string; source: SourceRef | null;
}
export interface QuizResult {
  quizId: string; score: number; passed: boolean; passMark: number; correct: number; total: number;
  questions: QuestionResult[];
  /** 1-based number of this attempt. */
  attempt: number;
  bestScore: number;
  stepCompleted: boolean;
}

export interface DashboardRow {
  profileId: string; name: string; roleId: string; startDate: string;
  trackId: string; trackTitle: string; trackTitleEn: string;
  percent: number; done: number; total: number; complete: boolean;
  overdue: Array<{ stepId: string; title: string; dueDate: string }>;
  lastActivity: string | null;
  quizzes: Array<{ stepId: string; quizId: string; title: string; bestScore: number | null; attempts: number; passed: boolean }>;
  pendingSignoffs: Array<{ stepId: string; title: string; requestedAt: string }>;
  needsReread: Array<{ stepId: string; articleId: string; title: string }>;
  /** Sign-offs recorded without a signature that checks: they count for nothing until a trainer signs again. */
  unverifiedSignoffs: Array<{ stepId: string; title: string; claimedBy: string | null }>;
}
export interface Dashboard { today: string; rows: DashboardRow[] }
export interface ProgressFile { filename: string; mimeType: string; content: string }
export interface ImportResult {
  profilesAdded: number; profilesMatched: number;
  /** Facts added or replaced by newer ones. */
  changes: number;
  /** True when the file brought nothing new (e.g. imported twice). */
  unchanged: boolean;
}

export interface ReadingList { bookmarks: LinkRef[]; recent: Array<LinkRef & { viewedAt: string }> }

// ---------------------------------------------------------------- authoring DTOs

export interface EditSession {
  token: string; profileId: string; name: string; /** ISO; renewed by every call. */ expiresAt: string;
  /** Whether this session carries trainer rights (`openEditSession`) or only the profile's own (`openProfileSession`). */
  trainer: boolean;
}
export interface ArticleFieldValues {
  title: string; summary: string; tags: string[]; roles: string[]; owner: string;
  reviewed: string; review_every: string; status: ArticleStatus; platforms: string[];
}
export interface ArticleTemplate { id: 'sop' | 'policy' | 'checklist' | 'role'; name: string; nameEn: string; fields: Partial<ArticleFieldValues>; body: { 'zh-CN': string; en: string } }
export interface ArticleSource {
  id: string;
  /** Path in the pack, e.g. `articles/cs/refunds.md`. */
  path: string;
  fields: ArticleFieldValues;
  /** Front matter keys the form does not show; kept on save. */
  otherFields: string[];
  body: string;
  hash: string;
  /** Folders that already hold articles, for the "move to" picker. */
  folders: string[];
}
export interface MarkdownPreview { html: string; toc: TocEntry[] }
export interface SavedArticle { id: string; hash: string; /** Problems the pack now reports for this file (broken links …). */ problems: Problem[] }
export interface RenameResult { id: string; newId: string; /** Files whose links were rewritten. */ updated: string[] }
export interface TrashEntry { id: string; kind: 'article' | 'track' | 'quiz'; /** Where it was (and goes back to). */ path: string; title: string; deletedAt: string; deletedBy: string }
export interface SavedAsset { path: string; /** Relative link to write in the article, e.g. `../../assets/x.png`. */ href: string; bytes: number }
export interface TrackStepDraft { id: string; type: StepType; title?: string; article?: string; quiz?: string; required: boolean }
export interface TrackPhaseDraft { id: string; title: string; titleEn?: string; dueDay: number; steps: TrackStepDraft[] }
export interface TrackDraft { title: string; titleEn?: string; roleId: string; description?: string; phases: TrackPhaseDraft[] }
export interface TrackSource { id: string; hash: string | null; track: TrackDraft }
export interface QuizQuestionDraft {
  id: string; type: 'single' | 'multiple' | 'truefalse'; prompt: string; options: string[]; answer: QuizAnswer;
  explanation: string; source: string | null; confirmSource?: boolean;
}
export interface QuizDraft { title: string; titleEn?: string; passMark: number; questions: QuizQuestionDraft[] }
export interface QuizListItem { id: string; title: string; titleEn: string; questions: number }
export interface QuizSourceState { questionId: string; state: 'ok' | 'changed' | 'missing' | 'unrecorded' | 'none' }
export interface QuizSource { id: string; hash: string | null; quiz: QuizDraft; sources: QuizSourceState[] }
export interface SavedFile { id: string; hash: string }
export interface HealthLink { path: string; line?: number; articleId: string | null; title: string; message: string }
export interface ContentHealth {
  checkedAt: string;
  brokenLinks: HealthLink[];
  missingImages: HealthLink[];
  overdueReviews: Array<{ id: string; title: string; owner: string; reviewed: string | null; reviewDue: string }>;
  /** Published articles no track step and no other article or role guide links to. */
  orphans: Array<{ id: string; title: string; owner: string }>;
  trackProblems: Array<{ trackId: string; path: string; line?: number; message: string }>;
  staleQuestions: Array<{ quizId: string; questionId: string; prompt: string; source: string; state: 'changed' | 'missing' }>;
  /** Questions with a source but no recorded snapshot of it yet (saved before health checks existed). */
  unrecordedQuestions: number;
  /** Searches that found nothing, most frequent first. */
  failedSearches: Array<{ query: string; count: number; lastAt: string }>;
}
export interface PackExport { filename: string; mimeType: string; /** The zip, base64. */ base64: string; bytes: number; files: number }
export interface PackUpload { uploadId: string; size: number }
export interface PackImportPreview {
  pack: { id: string; name: string; version: string };
  added: string[]; changed: string[]; removed: string[]; unchanged: number;
  /** Problems `handbook validate` reports in the new pack (importing is still allowed). */
  problems: number;
}
export interface PackImportResult { backupId: string; added: number; changed: number; removed: number }
export interface PackBackup { id: string; createdAt: string; packName: string; files: number }

// ---------------------------------------------------------------- team mode DTOs
/** Why a team operation failed; the UI says `team.reason.<reason>`. */
export type TeamReasonCode =
  | 'auth' // wrong user name, password or token
  | 'forbidden' // authenticated, but the server refused the push (protected branch)
  | 'unreachable' // no answer from the server
  | 'no_repository' // the server answered, but there is no such repository
  | 'not_pack' // the repository holds no handbook.yaml
  | 'rewritten' // the server's history no longer contains what this PC had
  | 'unsafe' // the repository holds something that may not be written to disk
  | 'not_joined' // this content folder is not a team checkout
  | 'bad_url'
  | 'folder_not_empty'
  | 'conflict';
export interface TeamStatusInfo {
  joined: boolean;
  url?: string;
  branch?: string;
  author?: { name: string; email: string };
  hasCredentials?: boolean;
  /** up_to_date · offline (failing since) · conflict · unpublished (local commits not on the server). */
  state?: 'up_to_date' | 'failing' | 'conflict' | 'unpublished';
  lastSyncAt?: string | null;
  failingSince?: string | null;
  lastError?: { reason: TeamReasonCode; message: string; at: string } | null;
  lastChange?: { at: string; files: number } | null;
  conflicts?: { path: string; choice?: 'mine' | 'theirs' }[];
  /** Files edited here and not yet committed. */
  localChanges?: number;
  head?: string | null;
}
export interface TeamSyncInfo {
  outcome: 'up_to_date' | 'updated' | 'published' | 'merged' | 'conflict';
  pulled: number;
  pushed: boolean;
  conflicts: string[];
  publishRefused: boolean;
  records: { pushed: number; pulled: number; total: number };
}
export interface TeamChange {
  path: string;
  /** Article id when the file is an article. */
  articleId?: string;
  title: string;
  kind: 'added' | 'changed' | 'removed';
  /** The latest commit that touched it. */
  author: string;
  at: string;
  message: string;
  /** Line diff of the text: `+` added, `-` removed, ` ` kept (context only around changes). */
  diff: { op: '+' | '-' | ' '; text: string }[];
}
export interface TeamChanges { since: string | null; head: string | null; changes: TeamChange[] }

export interface Responses extends RecognitionResponses, ChartsResponses {
  getAppInfo: AppInfo;
  backupDatabase: { fileName: string; content: string };
  restoreDatabase: { profiles: number };
  setContentFolder: { contentDir: string };
  pickContentFolder: { path: string | null };
  savePageAsPdf: { file: string | null };
  listProfiles: Profile[];
  createProfile: Profile;
  openProfileSession: EditSession;
  setPassphrase: Profile;
  deleteProfile: { deleted: boolean };
  getSettings: Settings;
  updateSettings: Settings;
  listArticles: ArticleList;
  getArticle: Article;
  listRoles: RoleSummary[];
  getRole: Role;
  listProblems: Problem[];
  search: SearchResult;
  searchStatus: SearchStatus;
  listTracks: Track[];
  getProgress: Progress;
  completeStep: Progress;
  uncompleteStep: Progress;
  getQuiz: QuizView;
  submitQuiz: QuizResult;
  requestSignoff: Progress;
  signOff: Progress;
  getDashboard: Dashboard;
  exportProgress: ProgressFile;
  importProgress: ImportResult;
  setBookmark: ReadingList;
  recordView: ReadingList;
  getReadingList: ReadingList;
  openEditSession: EditSession;
  closeEditSession: { closed: boolean };
  listTemplates: ArticleTemplate[];
  getArticleSource: ArticleSource;
  previewMarkdown: MarkdownPreview;
  saveArticle: SavedArticle;
  renameArticle: RenameResult;
  deleteContent: TrashEntry;
  listTrash: TrashEntry[];
  restoreFromTrash: TrashEntry;
  saveAsset: SavedAsset;
  getTrackSource: TrackSource;
  saveTrack: SavedFile;
  listQuizzes: QuizListItem[];
  getQuizSource: QuizSource;
  saveQuiz: SavedFile;
  getContentHealth: ContentHealth;
  exportPack: PackExport;
  uploadPackChunk: PackUpload;
  previewPackImport: PackImportPreview;
  applyPackImport: PackImportResult;
  listPackBackups: PackBackup[];
  restorePackBackup: PackImportResult;
  getTeamStatus: TeamStatusInfo;
  syncTeam: TeamSyncInfo;
  joinTeam: { contentDir: string; switched: boolean };
  listTeamChanges: TeamChanges;
  markTeamChangesSeen: { seen: string | null };
  getTeamConflict: { path: string; mine: string | null; theirs: string | null; choice?: 'mine' | 'theirs' };
  resolveTeamConflict: { waiting: number };
}

export * from './contract/recognition.js';
export * from './contract/charts.js';

/** The API: one single-argument async method per request. */
export type HandbookApi = { [M in MethodName]: (arg: Request<M>) => Promise<Responses[M]> };

/** Error codes that cross the wire. */
/** `unauthorized`: no valid session (missing, unknown or expired token, wrong secret); `forbidden`: known caller, not allowed. */
export type ErrorCode = 'bad_request' | 'not_found' | 'conflict' | 'unauthorized' | 'forbidden' | 'unavailable' | 'internal';
export interface WireError {
  code: ErrorCode;
  /** English, for logs and tools. */
  message: string;
  /** Stable name of the message, for the UI to say it in the person's language (`error.<key>`). */
  key?: string;
  /** Values the localized message fills in. */
  params?: Record<string, string | number>;
}
/** Envelope of every IPC and HTTP answer. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: WireError };
