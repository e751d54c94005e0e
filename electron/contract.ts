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
/** Identifier of a track (its file name below `tracks/`) or of a step inside it. */
const TrackId = z.string().min(1).max(100);
const StepId = z.string().min(1).max(100);
/** One answer: an option index (single), a list of indexes (multiple) or true/false. */
const QuizAnswer = z.union([z.number().int().min(0).max(99), z.array(z.number().int().min(0).max(99)).max(100), z.boolean()]);

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
  /** Un-ticks a `task` or `read` step (quizzes are passed, sign-offs are given: neither is un-ticked). */
  uncompleteStep: z.object({ profileId: ProfileId, trackId: TrackId, stepId: StepId }).strict(),
  /** A quiz to take: questions and options, never the answers or explanations. */
  getQuiz: z.object({ quizId: z.string().min(1).max(100) }).strict(),
  /** Scores one attempt at a track's quiz step; a pass completes the step. Retries are allowed. */
  submitQuiz: z.object({
    profileId: ProfileId, trackId: TrackId, stepId: StepId,
    /** Question id → answer; a missing answer counts as wrong. */
    answers: z.record(z.string().max(100), QuizAnswer),
  }).strict(),
  /** Asks a trainer to confirm a `signoff` step. */
  requestSignoff: z.object({ profileId: ProfileId, trackId: TrackId, stepId: StepId, note: z.string().trim().max(500).optional() }).strict(),
  /** A trainer confirms a `signoff` step with their PIN, on the learner's PC. */
  signOff: z.object({ trainerId: ProfileId, pin: Pin, profileId: ProfileId, trackId: TrackId, stepId: StepId }).strict(),
  /** Every learner × track for trainers, optionally only one role. */
  getDashboard: z.object({ role: RoleId.optional() }).strict(),
  /** Progress as a file: CSV (UTF-8 with BOM, for Excel) or JSON (for `importProgress` on another PC). */
  exportProgress: z.object({
    format: z.enum(['csv', 'json']),
    /** Only this learner (what a learner takes to the trainer); default everyone. */
    profileId: ProfileId.optional(),
    /** Language of CSV headings and values; default the pack's, zh-CN. */
    language: z.enum(['zh-CN', 'en']).optional(),
  }).strict(),
  /** Merges a JSON export from another PC: idempotent, newer facts win, nothing is dropped. */
  importProgress: z.object({ data: z.string().min(1).max(5_000_000) }).strict(),

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

export interface CompletedStep { trackId: string; stepId: string; completedAt: string; contentHash?: string; signedBy?: { id: string; name: string } }

/** One step as one learner stands with it. */
export interface StepProgress extends TrackStep {
  done: boolean;
  completedAt: string | null;
  /** A done `read` step whose article changed since: "updated since you read it". */
  needsReread: boolean;
  /** For `signoff` steps: the trainer who confirmed it. */
  signedBy: { id: string; name: string } | null;
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

export interface SourceRef { articleId: string; anchor: string | null; title: string | null }
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
}

/** The API: one single-argument async method per request. */
export type HandbookApi = { [M in MethodName]: (arg: Request<M>) => Promise<Responses[M]> };

/** Error codes that cross the wire. */
export type ErrorCode = 'bad_request' | 'not_found' | 'conflict' | 'forbidden' | 'unavailable' | 'internal';
export interface WireError { code: ErrorCode; message: string }
/** Envelope of every IPC and HTTP answer. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: WireError };
