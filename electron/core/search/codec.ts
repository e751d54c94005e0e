import { DocTable } from './docs.js';
import { ENGINE_VERSION, KINDS, NFIELDS } from './schema.js';
import { BaseSegment } from './postings.js';
import type { SearchDoc } from './types.js';

/*
 * Binary cache format. lunr's own JSON for a bigram index is hundreds of MB and takes seconds to
 * parse; here the posting tables are raw little-endian typed arrays that load as zero-copy views.
 *
 *   "HBSI" u32:version u32:checksum u32:headerLen  header-JSON  pad8  base-section
 *
 * The base section (immutable between full builds) is kept as bytes by the engine so that
 * re-serialising after an incremental edit only rewrites the small header, which carries the
 * edited documents and the dead base rows.
 */

const MAGIC = 0x49534248; // "HBSI" little-endian
const enc = new TextEncoder();
const dec = new TextDecoder('utf-8', { fatal: false });

interface Section {
  name: string;
  type: 'i32' | 'u32' | 'u16' | 'u8';
  offset: number;
  length: number;
}
interface BaseMeta {
  nDocs: number;
  ids: string[];
  titles: string[];
  hashes: string[];
  tags: string[][];
  roles: string[][];
  categories: string[];
  platforms: string[][];
  sections: Section[];
}
export interface Header {
  version: number;
  fingerprint: string;
  baseLength: number;
  dead: number[];
  delta: SearchDoc[];
}

const pad8 = (n: number): number => (n + 7) & ~7;

function checksum(bytes: Uint8Array, from: number): number {
  // FNV-style mix over 32-bit words: cheap enough for 100 MB, catches truncation and bit rot
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset + from, (bytes.length - from) >>> 2);
  let h = 0x811c9dc5 ^ bytes.length;
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i]!, 0x01000193);
  for (let i = from + words.length * 4; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}

/** the immutable base section: postings, dictionary and stored fields of base documents */
export function encodeBase(base: BaseSegment, table: DocTable): Uint8Array {
  const n = base.nDocs;
  const arrays: Array<{ name: string; type: Section['type']; data: ArrayBufferView }> = [];
  const add = (name: string, type: Section['type'], data: ArrayBufferView): void => {
    arrays.push({ name, type, data });
  };
  add('hanKeys', 'i32', base.hanKeys);
  add('bySecond', 'i32', base.bySecond);
  for (let f = 0; f < NFIELDS; f++) {
    add(`off${f}`, 'u32', base.offsets[f]!);
    add(`docs${f}`, 'u32', base.docs[f]!);
    add(`tfs${f}`, 'u16', base.tfs[f]!);
    add(`len${f}`, 'u32', table.fieldLen[f]!.subarray(0, n));
  }
  add('kinds', 'u8', table.kinds.subarray(0, n));
  // per-document UTF-8 byte offsets, so that a loaded table decodes each text on its own, lazily
  const textOffsets = new Uint32Array(2 * n + 1);
  const parts: string[] = [];
  let pos = 0;
  for (let i = 0; i < n; i++) {
    for (const [k, t] of [table.heading(i), table.body(i)].entries()) {
      textOffsets[2 * i + k] = pos;
      parts.push(t);
      pos += Buffer.byteLength(t, 'utf8');
    }
  }
  textOffsets[2 * n] = pos;
  const text = enc.encode(parts.join(''));
  if (text.length !== pos) throw new Error('text encoding mismatch');
  add('textOffsets', 'u32', textOffsets);
  add('text', 'u8', text);
  add('strTerms', 'u8', enc.encode(base.strTerms.join('\n')));

  const sections: Section[] = [];
  let off = 0;
  for (const a of arrays) {
    sections.push({ name: a.name, type: a.type, offset: off, length: a.data.byteLength });
    off = pad8(off + a.data.byteLength);
  }
  const meta: BaseMeta = {
    nDocs: n,
    ids: table.ids.slice(0, n),
    titles: table.titles.slice(0, n),
    hashes: table.hashes.slice(0, n),
    tags: table.tags.slice(0, n),
    roles: table.roles.slice(0, n),
    categories: table.categories.slice(0, n),
    platforms: table.platforms.slice(0, n),
    sections,
  };
  const metaBytes = enc.encode(JSON.stringify(meta));
  const dataStart = pad8(4 + metaBytes.length);
  const out = new Uint8Array(dataStart + off);
  new DataView(out.buffer).setUint32(0, metaBytes.length, true);
  out.set(metaBytes, 4);
  for (let i = 0; i < arrays.length; i++) {
    const a = arrays[i]!.data;
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), dataStart + sections[i]!.offset);
  }
  return out;
}

export function encodeFile(header: Omit<Header, 'version' | 'baseLength'>, baseBytes: Uint8Array): Uint8Array {
  const h: Header = { version: ENGINE_VERSION, baseLength: baseBytes.length, ...header };
  const hb = enc.encode(JSON.stringify(h));
  const baseStart = pad8(16 + hb.length);
  const out = new Uint8Array(baseStart + baseBytes.length);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, MAGIC, true);
  dv.setUint32(4, ENGINE_VERSION, true);
  dv.setUint32(12, hb.length, true);
  out.set(hb, 16);
  out.set(baseBytes, baseStart);
  dv.setUint32(8, checksum(out, 12), true);
  return out;
}

function fail(why: string): never {
  throw new Error(`search cache unreadable: ${why}`);
}

/** header of a cache file without decoding the base section (cheap fingerprint check) */
export function decodeHeader(bytes: Uint8Array, verify = true): { header: Header; baseBytes: Uint8Array } {
  if (bytes.length < 16) fail('too short');
  if (bytes.byteOffset % 8 !== 0) bytes = bytes.slice();
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (dv.getUint32(0, true) !== MAGIC) fail('bad magic');
  if (dv.getUint32(4, true) !== ENGINE_VERSION) fail('other engine version');
  const hl = dv.getUint32(12, true);
  if (16 + hl > bytes.length) fail('truncated header');
  if (verify && checksum(bytes, 12) !== dv.getUint32(8, true)) fail('checksum mismatch');
  let header: Header;
  try {
    header = JSON.parse(dec.decode(bytes.subarray(16, 16 + hl))) as Header;
  } catch {
    fail('bad header');
  }
  const baseStart = pad8(16 + hl);
  if (header.version !== ENGINE_VERSION || baseStart + header.baseLength !== bytes.length) fail('bad length');
  return { header, baseBytes: bytes.subarray(baseStart) };
}

export function decodeBase(bytes: Uint8Array): { base: BaseSegment; table: DocTable } {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ml = dv.getUint32(0, true);
  if (4 + ml > bytes.length) fail('truncated meta');
  const meta = JSON.parse(dec.decode(bytes.subarray(4, 4 + ml))) as BaseMeta;
  const dataStart = pad8(4 + ml);
  const get = (name: string): ArrayBufferView => {
    const s = meta.sections.find((x) => x.name === name) ?? fail(`missing ${name}`);
    const start = bytes.byteOffset + dataStart + s.offset;
    if (dataStart + s.offset + s.length > bytes.length) fail(`truncated ${name}`);
    switch (s.type) {
      case 'i32':
        return new Int32Array(bytes.buffer, start, s.length >>> 2);
      case 'u32':
        return new Uint32Array(bytes.buffer, start, s.length >>> 2);
      case 'u16':
        return new Uint16Array(bytes.buffer, start, s.length >>> 1);
      default:
        return new Uint8Array(bytes.buffer, start, s.length);
    }
  };
  const n = meta.nDocs;
  const strBlob = dec.decode(get('strTerms') as Uint8Array);
  const strTerms = strBlob.length ? strBlob.split('\n') : [];
  const hanKeys = get('hanKeys') as Int32Array;
  const T = hanKeys.length + strTerms.length;
  const offsets: Uint32Array[] = [];
  const docs: Uint32Array[] = [];
  const tfs: Uint16Array[] = [];
  const table = new DocTable();
  for (let f = 0; f < NFIELDS; f++) {
    const off = get(`off${f}`) as Uint32Array;
    const d = get(`docs${f}`) as Uint32Array;
    const tf = get(`tfs${f}`) as Uint16Array;
    if (off.length !== T + 1 || off[T] !== d.length || tf.length !== d.length) fail('inconsistent postings');
    offsets.push(off);
    docs.push(d);
    tfs.push(tf);
    // copied: the table grows on incremental updates
    table.fieldLen[f] = (get(`len${f}`) as Uint32Array).slice();
  }
  const kinds = (get('kinds') as Uint8Array).slice();
  const textOffsets = get('textOffsets') as Uint32Array;
  const text = get('text') as Uint8Array;
  if (textOffsets.length !== 2 * n + 1 || textOffsets[2 * n] !== text.length) fail('inconsistent text');
  for (let i = 0; i < 2 * n; i++) if (textOffsets[i]! > textOffsets[i + 1]!) fail('inconsistent text');
  table.text = { bytes: text, off: textOffsets };
  table.ids = meta.ids;
  table.titles = meta.titles;
  table.hashes = meta.hashes;
  table.tags = meta.tags;
  table.roles = meta.roles;
  table.categories = meta.categories;
  table.platforms = meta.platforms;
  table.kinds = kinds.length ? kinds : new Uint8Array(16);
  table.alive = new Uint8Array(Math.max(16, n)).fill(1, 0, n);
  table.headings = new Array<string>(n);
  table.bodies = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    table.byId.set(meta.ids[i]!, i);
    if (kinds[i]! >= KINDS.length) fail('bad kind');
  }
  table.n = n;
  table.nAlive = n;
  for (let f = 0; f < NFIELDS; f++) {
    let s = 0;
    const l = table.fieldLen[f]!;
    for (let i = 0; i < n; i++) s += l[i]!;
    table.lenSum[f] = s;
  }
  const base = new BaseSegment(n, hanKeys, strTerms, get('bySecond') as Int32Array, offsets, docs, tfs);
  return { base, table };
}
