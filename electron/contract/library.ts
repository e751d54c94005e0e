/** Reading: articles, role guides, the pack's problems, bookmarks and recently viewed. */
import { z } from 'zod';

import { ArticleId, NoArgs, ProfileId, RoleId, SessionToken } from './primitives.js';
import type { Verification } from './reviews.js';

export const libraryRequests = {
  /** Articles of the pack with their metadata (no bodies), filtered and sorted. */
  listArticles: z.object({
    /** Category folder (first path segment), or a sub-folder path. */
    category: z.string().max(300).optional(),
    role: RoleId.optional(),
    tag: z.string().max(100).optional(),
    platform: z.string().max(100).optional(),
    status: z.enum(['draft', 'published', 'archived']).optional(),
    sort: z.enum(['title', 'updated', 'review']).optional(),
    /** `verified`: within the review cycle after a review or a "still valid"; `overdue`: past it. */
    review: z.enum(['verified', 'overdue']).optional(),
  }).strict(),
  /** One article rendered to HTML (unsanitized: the renderer sanitizes before it touches the DOM). */
  getArticle: z.object({ id: ArticleId }).strict(),
  /** The role guides as a team map. */
  listRoles: NoArgs,
  getRole: z.object({ id: RoleId }).strict(),
  /** Every problem found while loading the pack. */
  listProblems: NoArgs,
  /** Bookmark or un-bookmark an article for a profile. */
  setBookmark: z.object({ token: SessionToken, profileId: ProfileId, articleId: ArticleId, bookmarked: z.boolean() }).strict(),
  /** Remember that a profile opened an article (for "recently viewed"). */
  recordView: z.object({ token: SessionToken, profileId: ProfileId, articleId: ArticleId }).strict(),
  /** Bookmarks and recently viewed articles of a profile, newest first. */
  getReadingList: z.object({ token: SessionToken, profileId: ProfileId }).strict(),
} as const;

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
  /** The latest signed "still valid" (verifyArticle) counted in `reviewed`, or null. */
  lastVerified?: Verification | null;
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

export interface ReadingList { bookmarks: LinkRef[]; recent: Array<LinkRef & { viewedAt: string }> }

export interface LibraryResponses {
  listArticles: ArticleList;
  getArticle: Article;
  listRoles: RoleSummary[];
  getRole: Role;
  listProblems: Problem[];
  setBookmark: ReadingList;
  recordView: ReadingList;
  getReadingList: ReadingList;
}
