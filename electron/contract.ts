/**
 * THE Handbook API. Every method takes one plain JSON argument and resolves to plain JSON.
 * The same map is served by the core directly, over IPC (Electron) and over HTTP (browser mode).
 *
 * Requests are zod schemas (validated at every transport boundary); their TypeScript types are
 * derived from them. Responses are plain DTO interfaces. The renderer may only `import type`
 * from this file (enforced by test/boundaries.test.ts).
 */
import { z } from 'zod';

/** Identifier of an article: its path below `articles/` without `.md`, e.g. `customer-service/returns-refunds`. */
const ArticleId = z.string().min(1).max(300);
/** Identifier of a role guide: the file name below `roles/` without `.md`, e.g. `customer-service`. */
const RoleId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'role id: lowercase letters, digits and hyphens');
/** Identifier of a local profile, as returned by `createProfile`. */
const ProfileId = z.string().min(1).max(64);
/** Calendar date, `YYYY-MM-DD`, in the learner's local calendar. */
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date: YYYY-MM-DD');
/** A 4 to 8 digit PIN. */
const Pin = z.string().regex(/^\d{4,8}$/, 'PIN: 4 to 8 digits');
const NoArgs = z.object({}).strict();

export const requests = {
  /** Version, pack identity and counts; cheap, called once at start-up. */
  getAppInfo: NoArgs,

  /** Every local profile on this machine, oldest first. */
  listProfiles: NoArgs,
  createProfile: z.object({
    /** Display name, as the person wants to be called. */
    name: z.string().trim().min(1, 'name is required').max(60),
    /** The role whose onboarding track this person follows. */
    roleId: RoleId,
    /** First working day; due dates count from it. Defaults to today. */
    startDate: IsoDate.optional(),
    /** Optional PIN; required for trainer profiles. */
    pin: Pin.optional(),
    /** Trainers author content and sign off steps. */
    trainer: z.boolean().optional(),
  }).strict().refine((p) => !p.trainer || p.pin, { message: 'a trainer profile needs a PIN', path: ['pin'] }),

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
  getProgress: z.object({ profileId: ProfileId }).strict(),
  completeStep: z.object({ profileId: ProfileId, trackId: z.string().min(1).max(100), stepId: z.string().min(1).max(100) }).strict(),

  /** Bookmark or un-bookmark an article for a profile. */
  setBookmark: z.object({ profileId: ProfileId, articleId: ArticleId, bookmarked: z.boolean() }).strict(),
  /** Remember that a profile opened an article (for "recently viewed"). */
  recordView: z.object({ profileId: ProfileId, articleId: ArticleId }).strict(),
  /** Bookmarks and recently viewed articles of a profile, newest first. */
  getReadingList: z.object({ profileId: ProfileId }).strict(),
} as const;

export type MethodName = keyof typeof requests;
export const methodNames = Object.keys(requests) as MethodName[];
/** The argument a caller passes (before defaults and trimming). */
export type Request<M extends MethodName> = z.input<(typeof requests)[M]>;
/** The argument after validation, as the core receives it. */
export type ParsedRequest<M extends MethodName> = z.output<(typeof requests)[M]>;

// ---------------------------------------------------------------- DTOs

export interface AppInfo {
  version: string;
  pack: { id: string; name: string; nameEn?: string; version: string; language: string };
  counts: { articles: number; roles: number; tracks: number; quizzes: number; problems: number };
}

export interface Profile {
  id: string;
  name: string;
  roleId: string;
  startDate: string;
  trainer: boolean;
  hasPin: boolean;
  createdAt: string;
}

export interface Settings {
  language: 'system' | 'zh-CN' | 'en';
  theme: 'system' | 'light' | 'dark';
  currentProfileId: string | null;
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
  score: number;
  /** Plain text around the best match. */
  snippet: string;
  /** [start, end) offsets into `snippet` of the matched text. */
  highlights: Array<[number, number]>;
  titleHighlights: Array<[number, number]>;
}
export interface SearchResult {
  total: number;
  hits: SearchHit[];
  facets: { roles: Record<string, number>; tags: Record<string, number>; categories: Record<string, number>; platforms: Record<string, number> };
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

export interface CompletedStep { trackId: string; stepId: string; completedAt: string; contentHash?: string }
export interface Progress { profileId: string; completed: CompletedStep[] }

export interface ReadingList { bookmarks: LinkRef[]; recent: Array<LinkRef & { viewedAt: string }> }

export interface Responses {
  getAppInfo: AppInfo;
  listProfiles: Profile[];
  createProfile: Profile;
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
  setBookmark: ReadingList;
  recordView: ReadingList;
  getReadingList: ReadingList;
}

/** The API: one single-argument async method per request. */
export type HandbookApi = { [M in MethodName]: (arg: Request<M>) => Promise<Responses[M]> };

/** Error codes that cross the wire. */
export type ErrorCode = 'bad_request' | 'not_found' | 'conflict' | 'forbidden' | 'unavailable' | 'internal';
export interface WireError { code: ErrorCode; message: string }
/** Envelope of every IPC and HTTP answer. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: WireError };
