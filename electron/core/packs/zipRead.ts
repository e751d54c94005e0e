import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { PackRefused, type ZipLimits } from './limits.js';

export interface ZipFileEntry { name: string; size: number; hash: string }

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Entry names are bytes: UTF-8 when flagged or valid, else GBK (zips made by Chinese Windows). */
function decodeName(entry: Entry): string {
  const raw = entry.fileName as unknown as Buffer;
  const unicode = entry.extraFields.find((f) => f.id === 0x7075 && f.data.length > 5 && f.data[0] === 1);
  if (unicode) return unicode.data.subarray(5).toString('utf8');
  if (entry.generalPurposeBitFlag & 0x800) return raw.toString('utf8');
  try {
    return utf8.decode(raw);
  } catch {
    return iconv.decode(raw, 'gb18030');
  }
}

/** Why an entry name must be refused, or null. Checked on the raw name, before anything is joined to a path. */
export function badName(name: string): string | null {
  if (name.includes('\\')) return `entry "${name}" uses backslashes in its path`;
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return `entry "${name}" has an absolute path`;
  if (name.split('/').some((p) => p === '..')) return `entry "${name}" climbs out of the folder (..)`;
  if (/[\u0000-\u001f\u007f]/.test(name)) return `entry "${JSON.stringify(name)}" has control characters in its name`;
  if (name.length > 400) return `an entry name is longer than 400 characters`;
  // File systems refuse a path segment over 255 bytes; say so instead of failing half-way through.
  if (name.split('/').some((p) => Buffer.byteLength(p) > 255)) return `entry "${name.slice(0, 60)}…" has a file or folder name longer than 255 bytes`;
  if (name.replace(/\/$/, '').split('/').some((p) => p === '' || p === '.')) return `entry "${name}" has an empty or "." path segment`;
  if (name.replace(/\/$/, '').split('/').some((p) => /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i.test(p) || /[ .]$/.test(p) || /[<>:"|?*]/.test(p))) return `entry "${name}" has a name Windows cannot store`;
  return null;
}

/** Entries that are not part of a pack and are left out without complaint (macOS resource forks, hidden files). */
export const skipped = (name: string) => name.startsWith('__MACOSX/') || name.split('/').some((p) => p.startsWith('.'));

function open(file: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: true }, (err, zip) => {
      if (err) reject(new PackRefused(`not a zip file (${err.message})`, 'notAZip'));
      else resolve(zip!);
    });
  });
}

/**
 * Reads every entry of a zip in order, refusing the first thing that is hostile or over a cap.
 * File contents are streamed to `sink` (or just hashed), with the caps enforced on the bytes that
 * actually come out of the decompressor. Returns the files with their sizes and hashes.
 */
export async function walkZip(file: string, limits: ZipLimits, sink?: (name: string) => NodeJS.WritableStream | null): Promise<ZipFileEntry[]> {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new PackRefused(`cannot read ${file}`, 'cannotRead');
  }
  if (size > limits.maxZipBytes) throw new PackRefused(`the zip is ${mb(size)}; the limit is ${mb(limits.maxZipBytes)}`, 'tooBig', { limit: mb(limits.maxZipBytes) });
  const zip = await open(file);
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw new PackRefused(`the zip has ${zip.entryCount} entries; the limit is ${limits.maxEntries}`, 'tooManyEntries', { limit: limits.maxEntries });
  }
  const files: ZipFileEntry[] = [];
  const seen = new Map<string, string>();
  const dirs = new Set<string>();
  let total = 0;
  let count = 0;
  return new Promise((resolve, reject) => {
    let failed = false;
    const fail = (err: unknown) => {
      if (failed) return;
      failed = true;
      zip.close();
      reject(err instanceof PackRefused ? err : new PackRefused(`the zip is damaged (${(err as Error).message})`, 'damaged'));
    };
    zip.on('error', fail);
    zip.on('end', () => { if (!failed) resolve(files); });
    zip.on('entry', (entry: Entry) => {
      try {
        if (++count > limits.maxEntries) throw new PackRefused(`the zip has more than ${limits.maxEntries} entries`, 'tooManyEntries', { limit: limits.maxEntries });
        const name = decodeName(entry);
        const why = badName(name);
        if (why) throw new PackRefused(why, 'unsafeEntry', { name });
        const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
        if (mode === S_IFLNK) throw new PackRefused(`entry "${name}" is a symbolic link`, 'unsafeEntry', { name });
        const unixHost = [3, 19].includes(entry.versionMadeBy >> 8);
        if (unixHost && mode !== 0 && mode !== S_IFREG && mode !== S_IFDIR) throw new PackRefused(`entry "${name}" is not a regular file`, 'unsafeEntry', { name });
        if (entry.generalPurposeBitFlag & 0x1) throw new PackRefused(`entry "${name}" is encrypted`, 'encrypted', { name });
        const isDir = name.endsWith('/') || mode === S_IFDIR;
        const clean = name.replace(/\/$/, '');
        const key = clean.normalize('NFC').toLowerCase();
        if (seen.has(key)) {
          const first = seen.get(key)!;
          throw new PackRefused(first === clean ? `entry "${clean}" appears twice` : `entries "${first}" and "${clean}" differ only in letter case`, 'duplicateEntry', { name: clean });
        }
        seen.set(key, clean);
        const parts = key.split('/');
        for (let i = 1; i < parts.length; i++) {
          const parent = parts.slice(0, i).join('/');
          if (seen.has(parent) && !dirs.has(parent)) throw new PackRefused(`entry "${clean}" is inside "${seen.get(parent)}", which is a file`, 'fileAndFolder', { name: clean });
          dirs.add(parent);
        }
        if (isDir) {
          if (files.some((f) => f.name.normalize('NFC').toLowerCase() === key)) throw new PackRefused(`"${clean}" is both a file and a folder`, 'fileAndFolder', { name: clean });
          dirs.add(key);
          return void zip.readEntry();
        }
        if (dirs.has(key)) throw new PackRefused(`"${clean}" is both a file and a folder`, 'fileAndFolder', { name: clean });
        if (entry.uncompressedSize > limits.maxEntryBytes) throw new PackRefused(`entry "${clean}" is ${mb(entry.uncompressedSize)}; the limit per file is ${mb(limits.maxEntryBytes)}`, 'entryTooBig', { name: clean, limit: mb(limits.maxEntryBytes) });
        if (total + entry.uncompressedSize > limits.maxTotalBytes) throw new PackRefused(`the zip unpacks to more than ${mb(limits.maxTotalBytes)}`, 'unpacksTooBig', { limit: mb(limits.maxTotalBytes) });
        zip.openReadStream(entry, (err, stream) => {
          if (err) return fail(err);
          let out: NodeJS.WritableStream | null;
          try {
            out = skipped(clean) ? null : sink?.(clean) ?? null;
          } catch (sinkErr) {
            // Creating the file failed (disk full, a name the file system refuses): refuse, never throw past here.
            return fail(sinkErr instanceof PackRefused ? sinkErr : new PackRefused(`cannot unpack "${clean}": ${(sinkErr as NodeJS.ErrnoException).code ?? (sinkErr as Error).message}`));
          }
          pump(stream!, out, clean, (n) => {
            total += n;
            if (total > limits.maxTotalBytes) throw new PackRefused(`the zip unpacks to more than ${mb(limits.maxTotalBytes)}`, 'unpacksTooBig', { limit: mb(limits.maxTotalBytes) });
          }, limits.maxEntryBytes).then((r) => {
            if (!skipped(clean)) files.push({ name: clean, size: r.size, hash: r.hash });
            zip.readEntry();
          }, fail);
        });
      } catch (err) {
        fail(err);
      }
    });
    zip.readEntry();
  });
}

/** Streams one entry, counting bytes as they are decompressed: a lying header cannot get past the caps. */
function pump(stream: Readable, out: NodeJS.WritableStream | null, name: string, onBytes: (n: number) => void, maxEntry: number): Promise<{ size: number; hash: string }> {
  return new Promise((resolve, reject) => {
    const sha = crypto.createHash('sha1');
    let size = 0;
    let done = false;
    const stop = (err: unknown) => {
      if (done) return;
      done = true;
      stream.destroy();
      (out as any)?.destroy?.();
      reject(err);
    };
    stream.on('data', (chunk: Buffer) => {
      try {
        size += chunk.length;
        if (size > maxEntry) throw new PackRefused(`entry "${name}" unpacks to more than ${mb(maxEntry)}`, 'entryTooBig', { name, limit: mb(maxEntry) });
        onBytes(chunk.length);
        sha.update(chunk);
        if (out && !out.write(chunk)) {
          stream.pause();
          out.once('drain', () => stream.resume());
        }
      } catch (err) {
        stop(err);
      }
    });
    stream.on('error', stop);
    stream.on('end', () => {
      if (done) return;
      const finish = () => { if (!done) { done = true; resolve({ size, hash: sha.digest('hex').slice(0, 16) }); } };
      if (!out) return finish();
      out.on('error', stop);
      out.end(finish);
    });
  });
}

const mb = (n: number) => (n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);
