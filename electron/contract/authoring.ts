/** Authoring (trainers only): articles, tracks and quizzes as forms, the trash, images, content health. */
import { z } from 'zod';

import { ArticleId, EditableId, EditToken, IsoDate, NoArgs, ProfileId, QuizAnswer, ShortText, TrackId } from './primitives.js';
import type { ArticleStatus, Problem, TocEntry } from './library.js';
import type { EditSession } from './profiles.js';

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
/** A step title's longest, in either language: the editor's limit, and the track file reader's. */
export const STEP_TITLE_MAX = 300;
const TrackStepDraftSchema = z.object({
  /** Unique in the track; letters, digits, `-` and `_`. */
  id: z.string().max(100),
  type: z.enum(['read', 'task', 'quiz', 'signoff']),
  /** Shown to the learner; `read` and `quiz` steps fall back to the article or quiz title. */
  title: z.string().max(STEP_TITLE_MAX).optional(),
  /** English title, written as `title_en`; empty or absent leaves it out (English then shows the quiz's English title, else `title`). */
  titleEn: z.string().max(STEP_TITLE_MAX).optional(),
  /** For `read` steps. */
  article: z.string().max(300).optional(),
  /** For `quiz` steps. */
  quiz: z.string().max(100).optional(),
  required: z.boolean(),
}).strict();
const TrackDraftSchema = z.object({
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
    steps: z.array(TrackStepDraftSchema).max(300),
  }).strict()).max(50),
}).strict();
const QuizDraftSchema = z.object({
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
  /** Questions asked per attempt, drawn at random; null or absent asks them all. */
  draw: z.number().int().min(1).max(300).nullable().optional(),
  /** Shuffle the options in each attempt. */
  shuffleOptions: z.boolean().optional(),
  /** What a failed attempt shows (see RevealOnFail); absent keeps the file's setting. */
  revealOnFail: z.enum(['none', 'wrong', 'explain', 'answers']).optional(),
}).strict();

export const authoringRequests = {
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
  saveTrack: z.object({ token: EditToken, id: TrackId, baseHash: z.string().max(64).nullable(), track: TrackDraftSchema }).strict(),
  /** Every quiz of the pack (id, titles, number of questions), for pickers and the content page. */
  listQuizzes: z.object({ token: EditToken }).strict(),
  /** A quiz as a form, with answers, explanations and whether each question's source section changed. */
  getQuizSource: z.object({ token: EditToken, id: TrackId }).strict(),
  /** Writes a quiz; refused with the reasons when `handbook validate` would reject it. */
  saveQuiz: z.object({ token: EditToken, id: TrackId, baseHash: z.string().max(64).nullable(), quiz: QuizDraftSchema }).strict(),
  /** The trainer's to-do list for the content: broken links, stale reviews, orphans, failed searches … */
  getContentHealth: z.object({ token: EditToken }).strict(),
} as const;

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
/** One step of a track as the track editor sends it (derived from the request schema). */
export type TrackStepDraft = z.infer<typeof TrackStepDraftSchema>;
/** A track as the track editor sends it. */
export type TrackDraft = z.infer<typeof TrackDraftSchema>;
export type TrackPhaseDraft = TrackDraft['phases'][number];
export interface TrackSource { id: string; hash: string | null; track: TrackDraft }
/** A quiz as the quiz editor sends it (derived from the request schema). */
export type QuizDraft = z.infer<typeof QuizDraftSchema>;
export type QuizQuestionDraft = QuizDraft['questions'][number];
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

export interface AuthoringResponses {
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
}
