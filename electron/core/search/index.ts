export type { EngineOptions, Facets, SearchDoc, SearchHit, SearchQuery, SearchResult } from './types.js';
export { SearchEngine } from './engine.js';
export { fingerprint } from './fingerprint.js';
export { createSearchService, type SearchService, type SearchServiceOptions, type SearchStatus } from './service.js';
export { analyze, tokenize, normalizeText } from './analyzer.js';
