import { scan, UNIGRAM_BASE, type TokenSink } from './analyzer.js';
import { DocTable } from './docs.js';
import { IntBuf } from './growable.js';
import { titlePinyinTerms } from './pinyin.js';
import { F_BODY, F_PINYIN, F_TITLE, NFIELDS } from './schema.js';
import { BaseSegment } from './postings.js';
import type { SearchDoc } from './types.js';

const SPAN = 0x7000;
const TF_MAX = 0xffff;

/** the analysed text of a document, field by field (the pinyin field is already terms) */
export function fieldTexts(doc: SearchDoc): [string, string, string] {
  const headings = doc.headings.length || doc.tags.length ? doc.headings.join('\n') + '\n' + doc.tags.join('\n') : '';
  return [doc.title, headings, doc.body];
}

/** Counts a document's terms per field into caller-provided callbacks (shared by the builder and incremental updates). */
export function analyzeDoc(
  doc: SearchDoc,
  onKey: (f: number, key: number) => void,
  onTerm: (f: number, term: string) => void,
): number[] {
  const lens = new Float64Array(NFIELDS);
  const texts = fieldTexts(doc);
  let f = 0;
  const sink: TokenSink = {
    key(key) {
      lens[f]! += 1;
      onKey(f, key);
    },
    term(term) {
      lens[f]! += 1;
      onTerm(f, term);
    },
  };
  for (f = F_TITLE; f <= F_BODY; f++) scan(texts[f]!, sink);
  // Pinyin and initials of the title, then of the headings and tags: names people type in Latin
  // letters (zhitongche, qianchuan) are as often tags or section names as titles. A heading or tag
  // adds a reading once and only if the title lacks it, so a title still outweighs a section.
  const title = titlePinyinTerms(doc.title);
  const seen = new Set(title);
  const more = doc.headings.length || doc.tags.length ? titlePinyinTerms([...doc.headings, ...doc.tags].join('\n')) : [];
  for (const t of [...title, ...more.filter((m) => !seen.has(m) && seen.add(m))]) {
    lens[F_PINYIN]! += 1;
    onTerm(F_PINYIN, t);
  }
  return Array.from(lens);
}

/**
 * Builds the BaseSegment directly, without lunr.Builder: lunr's builder keeps a nested object per
 * term/field/document and a field vector per document — several times slower and ~10× the memory
 * for bigram vocabularies. Postings are collected as flat (term, doc, tf) triples and turned into
 * CSR tables by a counting sort once all documents are in. Resumable: add() documents in chunks.
 */
export class IndexBuilder {
  readonly table = new DocTable();
  private keyIds = new Map<number, number>();
  private strIds = new Map<string, number>();
  /** temp id → CJK key, or -1 for string terms */
  private tempKey: number[] = [];
  private tempStr: string[] = [];
  private triples: IntBuf[] = Array.from({ length: NFIELDS }, () => new IntBuf(1 << 16));
  private counts = new Int32Array(1 << 16);
  private touched: number[] = [];

  private id(key: number): number {
    let id = this.keyIds.get(key);
    if (id === undefined) {
      id = this.tempKey.length;
      this.keyIds.set(key, id);
      this.tempKey.push(key);
      this.tempStr.push('');
    }
    return id;
  }
  private sid(term: string): number {
    let id = this.strIds.get(term);
    if (id === undefined) {
      id = this.tempKey.length;
      this.strIds.set(term, id);
      this.tempKey.push(-1);
      this.tempStr.push(term);
    }
    return id;
  }
  private count(id: number): void {
    if (id >= this.counts.length) {
      const c = new Int32Array(this.counts.length * 2);
      c.set(this.counts);
      this.counts = c;
    }
    if (this.counts[id] === 0) this.touched.push(id);
    this.counts[id]! += 1;
  }

  add(doc: SearchDoc): void {
    const no = this.table.n;
    let cur = -1;
    const flush = (f: number): void => {
      const buf = this.triples[f]!;
      for (const id of this.touched) {
        buf.push3(id, no, Math.min(this.counts[id]!, TF_MAX));
        this.counts[id] = 0;
      }
      this.touched.length = 0;
    };
    const lens = analyzeDoc(
      doc,
      (f, key) => {
        if (f !== cur) {
          if (cur >= 0) flush(cur);
          cur = f;
        }
        this.count(this.id(key));
      },
      (f, term) => {
        if (f !== cur) {
          if (cur >= 0) flush(cur);
          cur = f;
        }
        this.count(this.sid(term));
      },
    );
    if (cur >= 0) flush(cur);
    this.table.add(doc, lens);
  }

  finish(): { table: DocTable; base: BaseSegment } {
    const nTemp = this.tempKey.length;
    // final ids: sorted CJK keys first, then sorted strings. Pack (key, tempId) into one double so
    // the sort is a native numeric sort rather than a comparator call per pair.
    const packed: number[] = [];
    const strTemp: number[] = [];
    for (let t = 0; t < nTemp; t++) {
      const k = this.tempKey[t]!;
      if (k >= 0) packed.push(k * 0x800000 + t);
      else strTemp.push(t);
    }
    const pk = Float64Array.from(packed).sort();
    const H = pk.length;
    const finalId = new Int32Array(nTemp);
    const hanKeys = new Int32Array(H);
    for (let i = 0; i < H; i++) {
      const v = pk[i]!;
      const t = v % 0x800000;
      hanKeys[i] = (v - t) / 0x800000;
      finalId[t] = i;
    }
    strTemp.sort((a, b) => (this.tempStr[a]! < this.tempStr[b]! ? -1 : this.tempStr[a]! > this.tempStr[b]! ? 1 : 0));
    const strTerms = strTemp.map((t, i) => {
      finalId[t] = H + i;
      return this.tempStr[t]!;
    });
    const T = nTemp;
    const offsets: Uint32Array[] = [];
    const docs: Uint32Array[] = [];
    const tfs: Uint16Array[] = [];
    for (let f = 0; f < NFIELDS; f++) {
      const buf = this.triples[f]!;
      const a = buf.a;
      const n = buf.n / 3;
      const off = new Uint32Array(T + 1);
      for (let i = 0; i < buf.n; i += 3) off[finalId[a[i]!]! + 1]! += 1;
      for (let t = 0; t < T; t++) off[t + 1]! += off[t]!;
      const pos = off.slice(0, T);
      const d = new Uint32Array(n);
      const tf = new Uint16Array(n);
      for (let i = 0; i < buf.n; i += 3) {
        const p = pos[finalId[a[i]!]!]!;
        pos[finalId[a[i]!]!] = p + 1;
        d[p] = a[i + 1]!;
        tf[p] = a[i + 2]!;
      }
      offsets.push(off);
      docs.push(d);
      tfs.push(tf);
      this.triples[f] = new IntBuf(1);
    }
    // bigram ids ordered by (second char, first char)
    const sec: number[] = [];
    for (let i = 0; i < H; i++) {
      const k = hanKeys[i]!;
      if (k >= UNIGRAM_BASE) continue;
      const a = Math.floor(k / SPAN);
      sec.push(((k - a * SPAN) * SPAN + a) * 0x800000 + i);
    }
    const sp = Float64Array.from(sec).sort();
    const bySecond = new Int32Array(sp.length);
    for (let i = 0; i < sp.length; i++) bySecond[i] = sp[i]! % 0x800000;
    this.keyIds.clear();
    this.strIds.clear();
    return { table: this.table, base: new BaseSegment(this.table.n, hanKeys, strTerms, bySecond, offsets, docs, tfs) };
  }
}
