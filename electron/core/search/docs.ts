import { growTyped } from './growable.js';
import { KINDS, NFIELDS } from './schema.js';
import type { SearchDoc } from './types.js';

const utf8 = new TextDecoder();

/**
 * Stored fields of every document ever added (base and incremental), addressed by a dense
 * document number. Removed or replaced documents stay as dead rows until the next full build, so
 * posting lists never need rewriting.
 */
export class DocTable {
  ids: string[] = [];
  /** decoded lazily from `text` for documents loaded from a cache (see heading()/body()) */
  kinds = new Uint8Array(16);
  titles: string[] = [];
  headings: string[] = [];
  bodies: string[] = [];
  hashes: string[] = [];
  tags: string[][] = [];
  roles: string[][] = [];
  categories: string[] = [];
  platforms: string[][] = [];
  alive = new Uint8Array(16);
  fieldLen: Uint32Array[] = Array.from({ length: NFIELDS }, () => new Uint32Array(16));
  byId = new Map<string, number>();
  /** UTF-8 text of cached documents: [heading0, body0, heading1, …] byte offsets into bytes */
  text: { bytes: Uint8Array; off: Uint32Array } | null = null;
  private facetCodes: Int32Array[] = [];
  readonly facetValues: Array<[number, string]> = [];
  private facetIntern = new Map<string, number>();
  n = 0;
  nAlive = 0;
  /** sum of field lengths over live documents, for BM25's average field length */
  lenSum = new Float64Array(NFIELDS);

  add(doc: SearchDoc, lens: ArrayLike<number>): number {
    const no = this.n++;
    this.kinds = growTyped(this.kinds, this.n);
    this.alive = growTyped(this.alive, this.n);
    for (let f = 0; f < NFIELDS; f++) this.fieldLen[f] = growTyped(this.fieldLen[f]!, this.n);
    this.ids[no] = doc.id;
    this.kinds[no] = Math.max(0, KINDS.indexOf(doc.kind));
    this.titles[no] = doc.title;
    this.headings[no] = doc.headings.join('\n');
    this.bodies[no] = doc.body;
    this.hashes[no] = doc.hash;
    this.tags[no] = doc.tags;
    this.roles[no] = doc.roles;
    this.categories[no] = doc.category;
    this.platforms[no] = doc.platforms;
    for (let f = 0; f < NFIELDS; f++) this.fieldLen[f]![no] = lens[f]!;
    const prev = this.byId.get(doc.id);
    if (prev !== undefined) this.kill(prev);
    this.byId.set(doc.id, no);
    this.alive[no] = 1;
    this.nAlive++;
    for (let f = 0; f < NFIELDS; f++) this.lenSum[f]! += lens[f]!;
    return no;
  }

  kill(no: number): void {
    if (!this.alive[no]) return;
    this.alive[no] = 0;
    this.nAlive--;
    for (let f = 0; f < NFIELDS; f++) this.lenSum[f]! -= this.fieldLen[f]![no]!;
    if (this.byId.get(this.ids[no]!) === no) this.byId.delete(this.ids[no]!);
  }

  heading(no: number): string {
    return this.headings[no] ?? (this.headings[no] = this.decode(2 * no));
  }
  body(no: number): string {
    return this.bodies[no] ?? (this.bodies[no] = this.decode(2 * no + 1));
  }
  private decode(i: number): string {
    const t = this.text;
    if (!t || i + 1 >= t.off.length) return '';
    // one string per document: slices of a single huge string make every later charCodeAt slower
    return utf8.decode(t.bytes.subarray(t.off[i]!, t.off[i + 1]!));
  }

  /** facet values of a document as small integers (kind, value) → id, for counting in a typed array */
  facets(no: number): Int32Array {
    let c = this.facetCodes[no];
    if (c) return c;
    const codes: number[] = [];
    const add = (kind: number, v: string): void => {
      const k = kind + '\u0000' + v;
      let id = this.facetIntern.get(k);
      if (id === undefined) {
        id = this.facetValues.length;
        this.facetIntern.set(k, id);
        this.facetValues.push([kind, v]);
      }
      codes.push(id);
    };
    for (const v of this.roles[no]!) add(0, v);
    for (const v of this.tags[no]!) add(1, v);
    if (this.categories[no]) add(2, this.categories[no]!);
    for (const v of this.platforms[no]!) add(3, v);
    c = Int32Array.from(codes);
    this.facetCodes[no] = c;
    return c;
  }

  avgLen(f: number): number {
    return this.nAlive > 0 ? Math.max(this.lenSum[f]! / this.nAlive, 1e-9) : 1;
  }

  doc(no: number): SearchDoc {
    return {
      id: this.ids[no]!,
      kind: KINDS[this.kinds[no]!]!,
      title: this.titles[no]!,
      headings: this.heading(no) ? this.heading(no).split('\n') : [],
      body: this.body(no),
      tags: this.tags[no]!,
      roles: this.roles[no]!,
      category: this.categories[no]!,
      platforms: this.platforms[no]!,
      hash: this.hashes[no]!,
    };
  }
}
