import { keyToTerm } from './analyzer.js';
import { analyzeDoc } from './builder.js';
import { NFIELDS } from './schema.js';
import type { SearchDoc } from './types.js';

/**
 * Postings of documents added or edited since the last full build, as plain maps. lunr indexes are
 * immutable; instead of rebuilding, an edit kills the old row and lands here in a millisecond.
 * The segment stays small (the service folds it into a full rebuild when it grows).
 */
export class DeltaSegment {
  /** term → per field flat [doc, tf, doc, tf, …] */
  readonly postings = new Map<string, number[][]>();
  /** bumps when new terms arrive, so cached vocabularies (fuzzy token sets) know to refresh */
  version = 0;
  docs = 0;

  add(no: number, doc: SearchDoc): number[] {
    const counts: Array<Map<string, number>> = Array.from({ length: NFIELDS }, () => new Map());
    const bump = (f: number, term: string): void => {
      const m = counts[f]!;
      m.set(term, (m.get(term) ?? 0) + 1);
    };
    const lens = analyzeDoc(doc, (f, key) => bump(f, keyToTerm(key)), bump);
    for (let f = 0; f < NFIELDS; f++) {
      for (const [term, tf] of counts[f]!) {
        let p = this.postings.get(term);
        if (!p) {
          p = Array.from({ length: NFIELDS }, () => []);
          this.postings.set(term, p);
          this.version++;
        }
        p[f]!.push(no, tf);
      }
    }
    this.docs++;
    return lens;
  }

  df(term: string): number {
    const p = this.postings.get(term);
    if (!p) return 0;
    let n = 0;
    for (let f = 0; f < NFIELDS; f++) n += p[f]!.length >>> 1;
    return n;
  }

  tf(term: string, f: number, doc: number): number {
    const l = this.postings.get(term)?.[f];
    if (!l) return 0;
    for (let i = 0; i < l.length; i += 2) if (l[i] === doc) return l[i + 1]!;
    return 0;
  }
}
