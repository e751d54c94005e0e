import { cjkKey, isFastCjk, keyToTerm, UNIGRAM_BASE } from './analyzer.js';
import { NFIELDS } from './schema.js';

const SPAN = 0x7000;

function lowerBound(a: Int32Array, v: number, lo = 0, hi = a.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The immutable, compact inverted index produced by a full build: one CSR posting table per field
 * (term → ascending document numbers + term frequencies) over a term dictionary of sorted integer
 * CJK keys followed by sorted string terms. Every array is a typed array, so loading from the
 * cache is a handful of zero-copy views instead of lunr's JSON of nested objects.
 */
export class BaseSegment {
  private strIndex: Map<string, number> | undefined;

  constructor(
    /** base documents are numbers 0..nDocs-1 of the DocTable */
    readonly nDocs: number,
    readonly hanKeys: Int32Array,
    readonly strTerms: string[],
    /** ids of bigram terms ordered by their second character, for single-character queries */
    readonly bySecond: Int32Array,
    readonly offsets: Uint32Array[],
    readonly docs: Uint32Array[],
    readonly tfs: Uint16Array[],
  ) {}

  static empty(): BaseSegment {
    const off = () => new Uint32Array(1);
    return new BaseSegment(
      0,
      new Int32Array(0),
      [],
      new Int32Array(0),
      Array.from({ length: NFIELDS }, off),
      Array.from({ length: NFIELDS }, () => new Uint32Array(0)),
      Array.from({ length: NFIELDS }, () => new Uint16Array(0)),
    );
  }

  get nTerms(): number {
    return this.hanKeys.length + this.strTerms.length;
  }

  /** term id, or -1 when the term is not in this segment */
  termId(term: string, key: number): number {
    if (key >= 0) {
      const i = lowerBound(this.hanKeys, key);
      return i < this.hanKeys.length && this.hanKeys[i] === key ? i : -1;
    }
    if (!this.strIndex) {
      this.strIndex = new Map();
      for (let i = 0; i < this.strTerms.length; i++) this.strIndex.set(this.strTerms[i]!, i);
    }
    const s = this.strIndex.get(term);
    return s === undefined ? -1 : this.hanKeys.length + s;
  }

  termString(id: number): string {
    const h = this.hanKeys.length;
    return id < h ? keyToTerm(this.hanKeys[id]!) : this.strTerms[id - h]!;
  }

  /** postings over all fields, as lunr.idf counts them */
  df(id: number): number {
    let n = 0;
    for (let f = 0; f < NFIELDS; f++) n += this.offsets[f]![id + 1]! - this.offsets[f]![id]!;
    return n;
  }

  /** term frequency of `id` in field `f` of base document `doc` (0 if absent) */
  tf(id: number, f: number, doc: number): number {
    const off = this.offsets[f]!;
    const docs = this.docs[f]!;
    let lo = off[id]!;
    let hi = off[id + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (docs[mid]! < doc) lo = mid + 1;
      else hi = mid;
    }
    return lo < off[id + 1]! && docs[lo] === doc ? this.tfs[f]![lo]! : 0;
  }

  /** term ids of the bigrams containing the CJK character `cp` (plus its unigram) */
  termsWithChar(cp: number): number[] {
    const out: number[] = [];
    if (!isFastCjk(cp)) {
      const ch = String.fromCodePoint(cp);
      const h = this.hanKeys.length;
      for (let i = 0; i < this.strTerms.length; i++) if (this.strTerms[i]!.includes(ch)) out.push(h + i);
      return out;
    }
    const lo = lowerBound(this.hanKeys, cjkKey(cp, 0x3000));
    const hi = lowerBound(this.hanKeys, cjkKey(cp + 1, 0x3000));
    for (let i = lo; i < hi; i++) out.push(i);
    const c = cp - 0x3000;
    const bs = this.bySecond;
    let a = 0;
    let b = bs.length;
    const second = (i: number): number => this.hanKeys[bs[i]!]! % SPAN;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (second(mid) < c) a = mid + 1;
      else b = mid;
    }
    for (let i = a; i < bs.length && second(i) === c; i++) if (Math.floor(this.hanKeys[bs[i]!]! / SPAN) !== c) out.push(bs[i]!);
    const u = this.termId('', UNIGRAM_BASE + c);
    if (u >= 0) out.push(u);
    return out;
  }
}
