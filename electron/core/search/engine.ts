import lunr from 'lunr';
import { termToKey } from './analyzer.js';
import { IndexBuilder } from './builder.js';
import { decodeBase, decodeHeader, encodeBase, encodeFile } from './codec.js';
import { DeltaSegment } from './delta.js';
import type { DocTable } from './docs.js';
import { fingerprint } from './fingerprint.js';
import { prepareSynonyms, type IndexView, type QTerm, type SynonymMember } from './plan.js';
import { F_PINYIN, KINDS, NFIELDS } from './schema.js';
import { Scratch } from './scorer.js';
import { TokenSets } from './tokenset.js';
import type { SearchContext } from './context.js';
import { executeMatchIds, executeSearch } from './search.js';
import type { BaseSegment } from './postings.js';
import type { EngineOptions, SearchDoc, SearchQuery, SearchResult } from './types.js';

const LATIN_WORD = /^[a-z][a-z0-9]*$/;

/** coerce loosely-typed input (IPC, HTTP) into a well-formed document */
export function sanitizeDoc(doc: SearchDoc): SearchDoc {
  const str = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : String(v));
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(str).filter(Boolean) : []);
  return {
    id: str(doc?.id),
    kind: (KINDS as readonly string[]).includes(doc?.kind) ? doc.kind : 'article',
    title: str(doc?.title),
    headings: list(doc?.headings),
    body: str(doc?.body),
    tags: list(doc?.tags),
    roles: list(doc?.roles),
    category: str(doc?.category),
    platforms: list(doc?.platforms),
    hash: str(doc?.hash),
  };
}

export class SearchEngine implements IndexView {
  private readonly delta = new DeltaSegment();
  private readonly scratch = new Scratch();
  readonly synonyms: SynonymMember[][];
  private fuzzyBase: lunr.TokenSet | undefined;
  private fuzzyDelta: { version: number; set: lunr.TokenSet } | undefined;

  private constructor(
    private readonly base: BaseSegment,
    private readonly table: DocTable,
    private readonly opts: EngineOptions,
    /** encoded base section, kept so re-serialising after edits does not re-encode it */
    private baseBytes: Uint8Array | null,
  ) {
    this.synonyms = prepareSynonyms(opts.synonyms);
    // Pay for lazily built lookups now rather than on the first few queries (p95 is what users feel).
    for (let d = 0; d < table.n; d++) table.facets(d);
    base.termId('', -1);
    this.fuzzyBase = TokenSets.fromArray(base.strTerms.filter((t) => LATIN_WORD.test(t)));
  }

  static build(docs: SearchDoc[], opts: EngineOptions = {}, onProgress?: (done: number, total: number) => void): SearchEngine {
    const b = new IndexBuilder();
    const total = docs.length;
    for (let i = 0; i < total; i++) {
      b.add(sanitizeDoc(docs[i]!));
      if (onProgress && ((i + 1) % 250 === 0 || i + 1 === total)) onProgress(i + 1, total);
    }
    if (onProgress && total === 0) onProgress(0, 0);
    return SearchEngine.fromBuilder(b, opts);
  }

  /** for resumable (chunked) builds driven by the service */
  static fromBuilder(b: IndexBuilder, opts: EngineOptions = {}): SearchEngine {
    const { base, table } = b.finish();
    return new SearchEngine(base, table, opts, null);
  }

  static load(data: Uint8Array | string, opts: EngineOptions = {}): SearchEngine {
    const bytes = typeof data === 'string' ? new Uint8Array(Buffer.from(data, 'base64')) : data;
    const { header, baseBytes } = decodeHeader(bytes);
    const { base, table } = decodeBase(baseBytes);
    const e = new SearchEngine(base, table, opts, baseBytes);
    for (const d of header.dead) if (Number.isInteger(d) && d >= 0 && d < table.n) table.kill(d);
    for (const doc of header.delta) e.upsert(doc);
    return e;
  }

  /** fingerprint stored in a serialised engine, without loading it */
  static peekFingerprint(data: Uint8Array): string {
    return decodeHeader(data, false).header.fingerprint;
  }

  serialize(): Uint8Array {
    this.baseBytes ??= encodeBase(this.base, this.table);
    const dead: number[] = [];
    for (let d = 0; d < this.base.nDocs; d++) if (!this.table.alive[d]) dead.push(d);
    const delta: SearchDoc[] = [];
    for (let d = this.base.nDocs; d < this.table.n; d++) if (this.table.alive[d]) delta.push(this.table.doc(d));
    return encodeFile({ fingerprint: this.fingerprint(), dead, delta }, this.baseBytes);
  }

  fingerprint(): string {
    return fingerprint(this.docRefs(), this.opts);
  }

  /** id + hash of every live document */
  docRefs(): Array<{ id: string; hash: string }> {
    const out: Array<{ id: string; hash: string }> = [];
    for (let d = 0; d < this.table.n; d++) if (this.table.alive[d]) out.push({ id: this.table.ids[d]!, hash: this.table.hashes[d]! });
    return out;
  }

  /** live documents (for a rebuild that folds edits into a fresh base) */
  docs(): SearchDoc[] {
    const out: SearchDoc[] = [];
    for (let d = 0; d < this.table.n; d++) if (this.table.alive[d]) out.push(this.table.doc(d));
    return out;
  }

  /** documents added or replaced since the last full build */
  get deltaSize(): number {
    return this.delta.docs;
  }

  upsert(doc: SearchDoc): void {
    const d = sanitizeDoc(doc);
    const no = this.table.n;
    const lens = this.delta.add(no, d);
    this.table.add(d, lens);
  }

  remove(id: string): void {
    const no = this.table.byId.get(String(id));
    if (no !== undefined) this.table.kill(no);
  }

  get size(): number {
    return this.table.nAlive;
  }

  search(q: SearchQuery): SearchResult {
    return executeSearch(this.context(), q);
  }

  /** ids of all matches (filters applied), by relevance without the phrase tier: cheap, for recall checks and batch tools */
  matchIds(q: SearchQuery): string[] {
    return executeMatchIds(this.context(), q);
  }

  private context(): SearchContext {
    return {
      base: this.base,
      delta: this.delta,
      table: this.table,
      view: this,
      scratch: this.scratch,
    };
  }

  // --- IndexView -------------------------------------------------------------------------

  resolve(term: string, key: number): QTerm {
    const k = key >= 0 ? key : termToKey(term);
    const baseId = this.base.termId(term, k);
    const delta = this.delta.postings.get(term);
    let dfText = 0;
    let dfPinyin = 0;
    for (let f = 0; f < NFIELDS; f++) {
      let n = 0;
      if (baseId >= 0) n += this.base.offsets[f]![baseId + 1]! - this.base.offsets[f]![baseId]!;
      if (delta) n += delta[f]!.length >>> 1;
      if (f === F_PINYIN) dfPinyin += n;
      else dfText += n;
    }
    return { term, key: k, baseId, delta, df: dfText + dfPinyin, dfText, dfPinyin };
  }

  expandLatin(word: string, distance: number, limit: number): string[] {
    if (!LATIN_WORD.test(word) || word.length > 40) return [];
    if (distance < 0 && word.length < 2) return [];
    if (!this.fuzzyBase) {
      this.fuzzyBase = TokenSets.fromArray(this.base.strTerms.filter((t) => LATIN_WORD.test(t)));
    }
    if (!this.fuzzyDelta || this.fuzzyDelta.version !== this.delta.version) {
      const words = [...this.delta.postings.keys()].filter((t) => LATIN_WORD.test(t)).sort();
      this.fuzzyDelta = { version: this.delta.version, set: TokenSets.fromArray(words) };
    }
    const probe = distance < 0 ? TokenSets.fromString(word + '*') : TokenSets.fromFuzzyString(word, distance);
    const found = new Set([...this.fuzzyBase.intersect(probe).toArray(), ...this.fuzzyDelta.set.intersect(probe).toArray()]);
    return [...found]
      .map((t) => ({ t, df: this.resolve(t, -1).dfText }))
      .filter((x) => x.df > 0)
      .sort((a, b) => b.df - a.df || (a.t < b.t ? -1 : 1))
      .slice(0, limit)
      .map((x) => x.t);
  }

  termsWithChar(ch: string, limit: number): string[] {
    const cp = ch.codePointAt(0)!;
    const out = this.base.termsWithChar(cp).map((id) => ({ t: this.base.termString(id), df: this.base.df(id) }));
    for (const t of this.delta.postings.keys()) if (t.length <= 4 && t !== ch && t.includes(ch)) out.push({ t, df: this.delta.df(t) });
    return out
      .sort((a, b) => b.df - a.df)
      .slice(0, limit)
      .map((x) => x.t);
  }
}

