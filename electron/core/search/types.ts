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

// The engine answers in the contract's own shapes: one definition for the wire and the engine.
export type { SearchFacets as Facets, SearchHit, SearchResult } from '../../contract.js';

export interface EngineOptions {
  /** groups of interchangeable terms from handbook.yaml */
  synonyms?: string[][];
}
