import { growTyped } from './growable.js';
import { KINDS, NFIELDS } from './schema.js';
import type { SearchDoc } from './types.js';

/**
 * Stored fields of every document ever added (base and incremental), addressed by a dense
 * document number. Removed or replaced documents stay as dead rows until the next full build, so
 * posting lists never need rewriting.
 */
export class DocTable {
  ids: string[] = [];
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

  avgLen(f: number): number {
    return this.nAlive > 0 ? Math.max(this.lenSum[f]! / this.nAlive, 1e-9) : 1;
  }

  doc(no: number): SearchDoc {
    return {
      id: this.ids[no]!,
      kind: KINDS[this.kinds[no]!]!,
      title: this.titles[no]!,
      headings: this.headings[no] ? this.headings[no]!.split('\n') : [],
      body: this.bodies[no]!,
      tags: this.tags[no]!,
      roles: this.roles[no]!,
      category: this.categories[no]!,
      platforms: this.platforms[no]!,
      hash: this.hashes[no]!,
    };
  }
}
