import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDelta, openPack, PackError } from '../../../../electron/core/team/packReader.js';
import { git } from '../../../support/gitServer.js';

/**
 * The pack reader against packs made by real git: many similar files over several commits,
 * repacked with deep delta chains, so most blobs are deltas (some of deltas).
 */
let dir: string;
let blobs: string[];
const gitdir = () => path.join(dir, '.git');
const packFile = (ext: string) => { const d = path.join(gitdir(), 'objects', 'pack'); return path.join(d, fs.readdirSync(d).find((f) => f.endsWith(ext))!); };

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-packreader-'));
  git(dir, 'init', '-q', '-b', 'main');
  const body = (i: number, v: number) => `# Article ${i}\n\n${'退款与退货处理的步骤说明。 '.repeat(40)}\nversion ${v}, line for ${i}\n${'Shipping rules apply. '.repeat(30)}\n`;
  for (let v = 0; v < 3; v++) {
    for (let i = 0; i < 40; i++) fs.writeFileSync(path.join(dir, `a${i}.md`), body(i, v));
    fs.writeFileSync(path.join(dir, 'big.md'), 'x'.repeat(300_000) + v);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', `v${v}`);
  }
  git(dir, 'repack', '-adfq', '--depth=50', '--window=50');
  blobs = git(dir, 'rev-list', '--objects', '--all').trim().split('\n').map((l) => l.split(' ')[0])
    .filter((oid) => git(dir, 'cat-file', '-t', oid).trim() === 'blob');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('reading blobs straight from a clone’s pack', () => {
  it('reads every blob exactly as git does, deltas included', () => {
    const deltas = git(dir, 'verify-pack', '-v', packFile('.idx')).split('\n').filter((l) => / blob +\d+ \d+ \d+ \d+ [0-9a-f]{40}$/.test(l));
    expect(deltas.length).toBeGreaterThan(20);
    const pack = openPack(gitdir())!;
    for (const oid of blobs) {
      const got = pack.readBlob(oid, 10_000_000);
      expect(Buffer.isBuffer(got)).toBe(true);
      expect((got as Buffer).equals(Buffer.from(git(dir, 'cat-file', 'blob', oid), 'utf8'))).toBe(true);
    }
  });

  it('tells a blob over the limit from its header, delta or not, without building it', () => {
    const pack = openPack(gitdir())!;
    const big = blobs.filter((oid) => Number(git(dir, 'cat-file', '-s', oid)) > 300_000);
    expect(big.length).toBe(3);
    for (const oid of big) expect(pack.readBlob(oid, 100_000)).toEqual({ tooBig: 300_001 });
  });

  it('refuses a pack whose bytes do not match its checksum', () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-packreader-bad-'));
    try {
      fs.cpSync(gitdir(), copy, { recursive: true });
      const p = path.join(copy, 'objects', 'pack', path.basename(packFile('.pack')));
      const bytes = fs.readFileSync(p);
      bytes[100] ^= 0xff;
      fs.chmodSync(p, 0o644);
      fs.writeFileSync(p, bytes);
      expect(() => openPack(copy)).toThrow(PackError);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });

  it('refuses a blob whose content is not what its id says (an index pointing elsewhere)', () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-packreader-idx-'));
    try {
      fs.cpSync(gitdir(), copy, { recursive: true });
      const p = path.join(copy, 'objects', 'pack', path.basename(packFile('.idx')));
      const idx = fs.readFileSync(p);
      const n = idx.readUInt32BE(8 + 255 * 4);
      const offs = 8 + 1024 + n * 24;
      // Point every object at the offset of the first one.
      for (let i = 1; i < n; i++) idx.writeUInt32BE(idx.readUInt32BE(offs), offs + i * 4);
      fs.chmodSync(p, 0o644);
      fs.writeFileSync(p, idx);
      const pack = openPack(copy)!;
      expect(() => { for (const oid of blobs) pack.readBlob(oid, 10_000_000); }).toThrow(PackError);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });

  it('leaves a folder with other than one pack to isomorphic-git', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-packreader-none-'));
    try {
      expect(openPack(empty)).toBeNull();
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('applying a delta', () => {
  const base = Buffer.from('hello world');
  it('copies from the base and inserts new bytes', () => {
    // source 11, target 8: copy 5 bytes from offset 0 ("hello"), insert "!!!".
    const delta = Buffer.from([11, 8, 0x80 | 0x10, 5, 3, 0x21, 0x21, 0x21]);
    expect(applyDelta(delta, base).toString()).toBe('hello!!!');
  });
  it('refuses a copy outside the base, a wrong base and a short result', () => {
    expect(() => applyDelta(Buffer.from([11, 20, 0x80 | 0x01 | 0x10, 8, 20]), base)).toThrow(PackError);
    expect(() => applyDelta(Buffer.from([12, 5, 0x80 | 0x10, 5]), base)).toThrow(PackError);
    expect(() => applyDelta(Buffer.from([11, 9, 0x80 | 0x10, 5]), base)).toThrow(PackError);
  });
});
