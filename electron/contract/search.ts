/** Full-text search and the state of its index. */
import { z } from 'zod';

import { NoArgs, RoleId } from './primitives.js';

export const searchRequests = {
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
} as const;

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

export interface SearchResponses {
  search: SearchResult;
  searchStatus: SearchStatus;
}
