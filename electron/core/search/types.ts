/** One searchable thing. The content loader produces these. */
export interface SearchDoc {
  /** article id like 'customer-service/returns-refunds', role 'role:customer-service', track 'track:customer-service' */
  id: string;
  kind: 'article' | 'role' | 'track';
  title: string;
  /** section headings (## / ###) */
  headings: string[];
  /** plain text (markdown already stripped), may be long */
  body: string;
  tags: string[];
  /** role ids */
  roles: string[];
  /** first folder, '' for none */
  category: string;
  platforms: string[];
  /** content hash of the doc (incremental updates / fingerprint) */
  hash: string;
}

export interface SearchQuery {
  query: string;
  role?: string;
  tag?: string;
  category?: string;
  platform?: string;
  kind?: SearchDoc['kind'];
  /** default 20 */
  limit?: number;
  offset?: number;
}

export interface SearchHit {
  id: string;
  kind: SearchDoc['kind'];
  title: string;
  /** monotone with the rank: phrase matches get a bonus above every non-phrase score */
  score: number;
  /** plain text around the best match, ~120 chars, with … at cut ends */
  snippet: string;
  /** [start, end) UTF-16 offsets into snippet */
  highlights: Array<[number, number]>;
  /** [start, end) UTF-16 offsets into title */
  titleHighlights: Array<[number, number]>;
}

export interface Facets {
  roles: Record<string, number>;
  tags: Record<string, number>;
  categories: Record<string, number>;
  platforms: Record<string, number>;
}

export interface SearchResult {
  /** matches after filters (before limit/offset) */
  total: number;
  hits: SearchHit[];
  /** counts over the query's matches before the filters are applied */
  facets: Facets;
  /** when total is 0: alternative queries that would match */
  suggestions: string[];
  ms: number;
}

export interface EngineOptions {
  /** groups of interchangeable terms from handbook.yaml */
  synonyms?: string[][];
}
