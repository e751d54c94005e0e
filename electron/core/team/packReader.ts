import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/**
 * Reads blobs straight out of the one pack a fresh clone holds, from memory. isomorphic-git's
 * `readBlob` first probes for a loose object file, lists the pack folder and goes through its
 * promise-wrapped fs on every call: on a 10,000-article join those syscalls took 5-9 s, more than
 * the clone itself. Here the pack and its index are read once; each object is inflated once (bases
 * of delta chains are kept while they fit the budget), and every blob's SHA-1 is checked against
 * its id, so a pack that does not hold what its tree names is refused before anything is written.
 *
 * `openPack` returns null when the clone did not leave exactly one pack (the caller falls back to
 * isomorphic-git); damaged data throws a PackError naming what is wrong.
 */
export interface PackReader {
  /** Where the object starts in the pack (sorting reads by it keeps delta bases ahead of their deltas). */
  offsetOf(oid: string): number | undefined;
  /** The blob's bytes, or a `TooBig` when its declared size is over `maxBytes` (nothing inflated). */
  readBlob(oid: string, maxBytes: number): Buffer | TooBig;
}
export interface TooBig { tooBig: number }

const OBJ_BLOB = 3;
const OFS_DELTA = 6;
const REF_DELTA = 7;
/** Resolved objects kept as possible delta bases (bytes); beyond it, chains are re-read. */
const BASE_BUDGET = 64 * 1024 * 1024;

export function openPack(gitdir: string): PackReader | null {
  const packDir = path.join(gitdir, 'objects', 'pack');
  const idxFiles = fs.existsSync(packDir) ? fs.readdirSync(packDir).filter((f) => f.endsWith('.idx')) : [];
  if (idxFiles.length !== 1) return null;
  const idx = fs.readFileSync(path.join(packDir, idxFiles[0]));
  const pack = fs.readFileSync(path.join(packDir, idxFiles[0].replace(/\.idx$/, '.pack')));
  const offsets = readIndex(idx, pack);
  if (!offsets) return null;

  const bases = new Map<number, { type: number; data: Buffer }>();
  let cached = 0;

  /** The object at `start`; with a `limit`, a `TooBig` instead when its size is over it (known before the object is built). */
  const objectAt = (start: number, depth: number, limit = Infinity): { type: number; data: Buffer } | TooBig => {
    const hit = bases.get(start);
    if (hit) return hit.data.length > limit ? { tooBig: hit.data.length } : hit;
    if (depth > 10_000) throw new PackError('a delta chain that does not end');
    let pos = start;
    let c = pack[pos++];
    const type = (c >> 4) & 7;
    let size = c & 15;
    for (let shift = 4; c & 0x80; shift += 7) { c = pack[pos++]; size += (c & 0x7f) * 2 ** shift; }
    let baseAt = -1;
    if (type === OFS_DELTA) {
      c = pack[pos++];
      let back = c & 0x7f;
      while (c & 0x80) { c = pack[pos++]; back = (back + 1) * 128 + (c & 0x7f); }
      if (back <= 0 || back > start) throw new PackError('a delta pointing outside the pack');
      baseAt = start - back;
    } else if (type === REF_DELTA) {
      const at = offsets.get(pack.toString('hex', pos, pos + 20));
      pos += 20;
      if (at === undefined) throw new PackError('a delta against an object the pack does not hold');
      baseAt = at;
    } else if (type < 1 || type > 4) throw new PackError('an object of unknown type');
    else if (size > limit) return { tooBig: size };
    // The header's length bounds what is inflated: a small entry cannot unpack into a huge one.
    const raw = zlib.inflateSync(pack.subarray(pos), { maxOutputLength: Math.max(size, 1) });
    if (raw.length !== size) throw new PackError('an object whose length does not match its header');
    let out: { type: number; data: Buffer };
    if (baseAt >= 0) {
      const target = deltaTarget(raw);
      if (target > limit) return { tooBig: target };
      const base = objectAt(baseAt, depth + 1) as { type: number; data: Buffer };
      out = { type: base.type, data: applyDelta(raw, base.data) };
    } else out = { type, data: raw };
    if (cached + out.data.length <= BASE_BUDGET) { bases.set(start, out); cached += out.data.length; }
    return out;
  };

  return {
    offsetOf: (oid) => offsets.get(oid),
    readBlob(oid, maxBytes) {
      const start = offsets.get(oid);
      if (start === undefined) throw new PackError(`an object the pack does not hold (${oid})`);
      const got = objectAt(start, 0, maxBytes);
      if ('tooBig' in got) return got;
      if (got.type !== OBJ_BLOB) throw new PackError(`an object that is not a file where a file is named (${oid})`);
      const sha = crypto.createHash('sha1').update(`blob ${got.data.length}\0`).update(got.data).digest('hex');
      if (sha !== oid) throw new PackError(`an object whose content does not match its id (${oid})`);
      return got.data;
    },
  };
}

export class PackError extends Error {}

/** The oid → offset map of a version 2 index, if it belongs to this pack. */
function readIndex(idx: Buffer, pack: Buffer): Map<string, number> | null {
  if (idx.length < 8 + 1024 + 40 || idx.readUInt32BE(0) !== 0xff744f63 || idx.readUInt32BE(4) !== 2) return null;
  if (pack.length < 32 || pack.toString('latin1', 0, 4) !== 'PACK') return null;
  const n = idx.readUInt32BE(8 + 255 * 4);
  const oids = 8 + 1024;
  const offs = oids + n * 24;
  const large = offs + n * 4;
  // The index names the pack it was made from by the pack's checksum; the pack must end with it,
  // and its bytes must hash to it (isomorphic-git checks the same before its first read).
  const packSum = idx.subarray(idx.length - 40, idx.length - 20);
  if (!packSum.equals(pack.subarray(pack.length - 20))) throw new PackError('a pack that does not match its index');
  if (!crypto.createHash('sha1').update(pack.subarray(0, pack.length - 20)).digest().equals(packSum)) throw new PackError('a pack whose bytes do not match its checksum');
  const map = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    let o = idx.readUInt32BE(offs + i * 4);
    if (o & 0x80000000) o = Number(idx.readBigUInt64BE(large + (o & 0x7fffffff) * 8));
    map.set(idx.toString('hex', oids + i * 20, oids + i * 20 + 20), o);
  }
  return map;
}

/** A delta's target size: the second number of its header. */
function deltaTarget(delta: Buffer): number {
  let p = 0;
  while (p < delta.length && delta[p++] & 0x80);
  let target = 0;
  for (let shift = 0; p < delta.length; shift += 7) { const b = delta[p++]; target += (b & 0x7f) * 2 ** shift; if (!(b & 0x80)) return target; }
  throw new PackError('a delta without a header');
}

/** git's delta format: source and target sizes, then copy (from the base) and insert instructions. */
export function applyDelta(delta: Buffer, base: Buffer): Buffer {
  let p = 0;
  const varint = () => { let v = 0; let shift = 0; let b; do { b = delta[p++]; v += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80); return v; };
  if (varint() !== base.length) throw new PackError('a delta made against another base');
  const size = varint();
  const out = Buffer.allocUnsafe(size);
  let o = 0;
  while (p < delta.length) {
    const op = delta[p++];
    if (op & 0x80) {
      let off = 0;
      let len = 0;
      if (op & 1) off |= delta[p++];
      if (op & 2) off |= delta[p++] << 8;
      if (op & 4) off |= delta[p++] << 16;
      if (op & 8) off += delta[p++] * 2 ** 24;
      if (op & 16) len |= delta[p++];
      if (op & 32) len |= delta[p++] << 8;
      if (op & 64) len |= delta[p++] << 16;
      if (len === 0) len = 0x10000;
      if (off + len > base.length || o + len > size) throw new PackError('a delta copying outside its base');
      base.copy(out, o, off, off + len);
      o += len;
    } else if (op) {
      if (p + op > delta.length || o + op > size) throw new PackError('a delta inserting past its end');
      delta.copy(out, o, p, p + op);
      o += op;
      p += op;
    } else throw new PackError('a delta with a reserved instruction');
  }
  if (o !== size) throw new PackError('a delta shorter than it says');
  return out;
}
