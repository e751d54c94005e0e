import type { DeltaSegment } from './delta.js';
import type { DocTable } from './docs.js';
import type { Clause, Plan, QTerm } from './plan.js';
import { B, F_PINYIN, FIELD_BOOST, FIELDS, K1, NFIELDS } from './schema.js';
import type { BaseSegment } from './postings.js';

/*
 * One pass over the typed-array postings of every query term computes, for every document,
 * BM25 exactly as lunr defines it (lunr.idf, field vectors of k1 = 1.2, b = 0.75 rounded to 3
 * decimals, field boosts, per-field query-vector normalisation) plus a bitmask of the terms it
 * holds. The mask gives coverage: the share of the query's idf weight the document satisfies,
 * which multiplies the score — a document holding the rare words of a question outranks one
 * holding its common ones, and no document is dropped for missing some. The same postings say
 * which terms matched where, for highlighting.
 */

export interface Segments {
  base: BaseSegment;
  delta: DeltaSegment;
  table: DocTable;
}

export interface PhaseA {
  /** documents satisfying the query, in no particular order */
  matched: Int32Array;
  /** coverage-adjusted score by document number (valid for matched docs) */
  score: Float64Array;
  /** clauses satisfied, by document number (valid for matched docs) */
  cover: Int32Array;
  /** idf-weighted share of the query the document covers, 0..1, by document number */
  coverage: Float64Array;
  /** best adjusted score among matches */
  maxScore: number;
  /** effective clauses (after dropping what exceeded the term budget) */
  clauses: Clause[];
  /** distinct query terms with their per-field query-vector weights */
  terms: Array<{ qt: QTerm; boost: Float64Array }>;
  qnorm: Float64Array;
}

export function lunrIdf(df: number, n: number): number {
  const x = (n - df + 0.5) / (df + 0.5);
  return Math.log(1 + Math.abs(x));
}

/** what a clause weighs: its best way of matching, idf of that alternative's rarest-needed term × boost */
export function clauseWeight(c: Clause, n: number): number {
  return Math.max(...c.alts.map((alt) => alt.boost * Math.min(...alt.terms.map((t) => lunrIdf(t.df, n)))));
}

/** one element of a lunr field vector, exactly as lunr.Builder#createFieldVectors computes it */
export function fieldWeight(idf: number, tf: number, len: number, avg: number, f: number): number {
  const s = ((idf * ((K1 + 1) * tf)) / (K1 * (1 - B + B * (len / avg)) + tf)) * FIELD_BOOST[f]!;
  return Math.round(s * 1000) / 1000;
}

/** reusable per-document scratch arrays, grown with the table */
export class Scratch {
  stamp = new Int32Array(0);
  score = new Float64Array(0);
  lo = new Int32Array(0);
  hi = new Int32Array(0);
  cover = new Int32Array(0);
  coverage = new Float64Array(0);
  epoch = 0;
  ensure(n: number): void {
    if (this.stamp.length >= n) return;
    const cap = Math.max(64, n * 1.25) | 0;
    this.stamp = new Int32Array(cap);
    this.score = new Float64Array(cap);
    this.lo = new Int32Array(cap);
    this.hi = new Int32Array(cap);
    this.cover = new Int32Array(cap);
    this.coverage = new Float64Array(cap);
    this.epoch = 0;
  }
}

const MAX_BITS = 62;

interface Acc {
  stamp: Int32Array;
  score: Float64Array;
  lo: Int32Array;
  hi: Int32Array;
  epoch: number;
  touched: number[];
  alive: Uint8Array;
  len: Uint32Array;
  avg: number;
  idf: number;
  mul: number;
  f: number;
  bl: number;
  bh: number;
}

/** the hot loop: one posting range of one term in one field */
function accumulate(a: Acc, docs: Uint32Array, tfs: Uint16Array, from: number, to: number): void {
  const { stamp, score, lo, hi, epoch, touched, alive, len, avg, idf, mul, f, bl, bh } = a;
  for (let p = from; p < to; p++) {
    const d = docs[p]!;
    if (!alive[d]) continue;
    if (stamp[d] !== epoch) {
      stamp[d] = epoch;
      score[d] = 0;
      lo[d] = 0;
      hi[d] = 0;
      touched.push(d);
    }
    score[d]! += mul * fieldWeight(idf, tfs[p]!, len[d]!, avg, f);
    lo[d]! |= bl;
    hi[d]! |= bh;
  }
}

export function phaseA(seg: Segments, plan: Plan, scratch: Scratch): PhaseA {
  const { base, table } = seg;
  scratch.ensure(table.n);
  const epoch = ++scratch.epoch;
  const { stamp, score, lo, hi, cover, coverage } = scratch;

  // bits per distinct (term, field class); alternatives that would overflow the mask are dropped
  const bitOf = new Map<string, number>();
  const qterms = new Map<string, { qt: QTerm; boost: Float64Array }>();
  const clauses: Clause[] = [];
  const altMasks: Array<Array<[number, number]>> = [];
  for (const c of plan.clauses) {
    const masks: Array<[number, number]> = [];
    const alts = [];
    for (const a of c.alts) {
      const cls = a.fields[0] === F_PINYIN ? 'p' : 't';
      const need = a.terms.filter((t) => !bitOf.has(t.term + cls)).length;
      if (bitOf.size + need > MAX_BITS) continue;
      let ml = 0;
      let mh = 0;
      for (const t of a.terms) {
        let bit = bitOf.get(t.term + cls);
        if (bit === undefined) bitOf.set(t.term + cls, (bit = bitOf.size));
        if (bit < 31) ml |= 1 << bit;
        else mh |= 1 << (bit - 31);
        let q = qterms.get(t.term);
        if (!q) qterms.set(t.term, (q = { qt: t, boost: new Float64Array(NFIELDS) }));
        for (const f of a.fields) q.boost[f]! += a.boost;
      }
      masks.push([ml, mh]);
      alts.push(a);
    }
    if (alts.length) {
      clauses.push({ ...c, alts });
      altMasks.push(masks);
    }
  }
  const qnorm = new Float64Array(NFIELDS);
  for (const { boost } of qterms.values()) for (let f = 0; f < NFIELDS; f++) qnorm[f]! += boost[f]! * boost[f]!;
  for (let f = 0; f < NFIELDS; f++) qnorm[f] = Math.sqrt(qnorm[f]!);

  const touched: number[] = [];
  const alive = table.alive;
  const N = Math.max(table.nAlive, 1);
  for (const { qt, boost } of qterms.values()) {
    const idf = lunrIdf(qt.df, N);
    for (let f = 0; f < NFIELDS; f++) {
      const qb = boost[f]!;
      if (qb === 0) continue;
      const cls = f === F_PINYIN ? 'p' : 't';
      const bit = bitOf.get(qt.term + cls)!;
      const bl = bit < 31 ? 1 << bit : 0;
      const bh = bit < 31 ? 0 : 1 << (bit - 31);
      const mul = qb / qnorm[f]!;
      const len = table.fieldLen[f]!;
      const avg = table.avgLen(f);
      const acc: Acc = { stamp, score, lo, hi, epoch, touched, alive, len, avg, idf, mul, f, bl, bh };
      if (qt.baseId >= 0) {
        const off = base.offsets[f]!;
        accumulate(acc, base.docs[f]!, base.tfs[f]!, off[qt.baseId]!, off[qt.baseId + 1]!);
      }
      const dl = qt.delta?.[f];
      if (dl) {
        const ids = new Uint32Array(dl.length >>> 1);
        const tfs = new Uint16Array(dl.length >>> 1);
        for (let p = 0; p < ids.length; p++) {
          ids[p] = dl[2 * p]!;
          tfs[p] = dl[2 * p + 1]!;
        }
        accumulate(acc, ids, tfs, 0, ids.length);
      }
    }
  }

  const weights = clauses.map((c) => clauseWeight(c, N));
  const total = weights.reduce((x, y) => x + y, 0) || 1;
  const matched: number[] = [];
  let maxScore = 0;
  for (const d of touched) {
    const l = lo[d]!;
    const h = hi[d]!;
    let n = 0;
    let w = 0;
    for (let c = 0; c < clauses.length; c++) {
      const masks = altMasks[c]!;
      for (let a = 0; a < masks.length; a++) {
        const m = masks[a]!;
        if ((l & m[0]) === m[0] && (h & m[1]) === m[1]) {
          n++;
          w += weights[c]!;
          break;
        }
      }
    }
    if (n === 0) continue;
    cover[d] = n;
    coverage[d] = w / total;
    score[d] = score[d]! * coverage[d]!;
    if (score[d]! > maxScore) maxScore = score[d]!;
    matched.push(d);
  }
  return {
    matched: Int32Array.from(matched),
    score,
    cover,
    coverage,
    maxScore,
    clauses,
    terms: [...qterms.values()],
    qnorm,
  };
}

function termTf(seg: Segments, qt: QTerm, f: number, doc: number): number {
  if (doc < seg.base.nDocs) return qt.baseId >= 0 ? seg.base.tf(qt.baseId, f, doc) : 0;
  return seg.delta.tf(qt.term, f, doc);
}

/** term → the fields of `doc` it occurs in, read from the postings */
export function matchedTerms(seg: Segments, a: PhaseA, doc: number): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { qt, boost } of a.terms) {
    const fields: string[] = [];
    for (let f = 0; f < NFIELDS; f++) if (boost[f]! > 0 && termTf(seg, qt, f, doc) > 0) fields.push(FIELDS[f]!);
    if (fields.length) out.set(qt.term, fields);
  }
  return out;
}
