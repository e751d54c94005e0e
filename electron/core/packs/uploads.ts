import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { badRequest, HandbookError, notFound } from '../api/errors.js';
import { DEFAULT_LIMITS } from './limits.js';

/** Largest piece of one upload call; keeps each HTTP request well under the server's body cap. */
export const MAX_CHUNK_BYTES = 512 * 1024;
/** Uploads older than this are deleted on the next upload. */
const STALE_MS = 24 * 3600_000;

/**
 * A zip sent from the page in pieces (browser mode caps request bodies at 1 MB). Pieces are appended
 * in order to a file in the data folder; nothing touches the pack until the import is applied.
 */
export class Uploads {
  constructor(private readonly dir: string, private readonly maxBytes = DEFAULT_LIMITS.maxZipBytes) {}

  file(id: string): string {
    if (!/^[a-f0-9]{32}$/.test(id)) throw badRequest('unknown upload');
    const f = path.join(this.dir, `${id}.zip`);
    if (!fs.existsSync(f)) throw notFound('upload');
    return f;
  }

  append(uploadId: string | undefined, offset: number, data: string): { uploadId: string; size: number } {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data)) throw badRequest('upload data is not base64');
    const buf = Buffer.from(data, 'base64');
    if (buf.length > MAX_CHUNK_BYTES) throw badRequest(`an upload piece may hold at most ${MAX_CHUNK_BYTES / 1024} KB`);
    fs.mkdirSync(this.dir, { recursive: true });
    if (!uploadId) {
      this.sweep();
      if (offset !== 0) throw badRequest('a new upload starts at offset 0');
      uploadId = crypto.randomBytes(16).toString('hex');
      fs.writeFileSync(path.join(this.dir, `${uploadId}.zip`), buf, { flag: 'wx' });
      return { uploadId, size: buf.length };
    }
    const f = this.file(uploadId);
    const size = fs.statSync(f).size;
    if (offset !== size) throw new HandbookError('conflict', `upload piece out of order: expected offset ${size}, got ${offset}`);
    if (size + buf.length > this.maxBytes) throw badRequest(`the zip is larger than ${this.maxBytes / 1048576} MB`, 'pack.tooBig', { limit: `${this.maxBytes / 1048576} MB` });
    fs.appendFileSync(f, buf);
    return { uploadId, size: size + buf.length };
  }

  remove(id: string): void {
    fs.rmSync(path.join(this.dir, `${id}.zip`), { force: true });
  }

  private sweep(): void {
    for (const name of fs.readdirSync(this.dir)) {
      const f = path.join(this.dir, name);
      try {
        if (Date.now() - fs.statSync(f).mtimeMs > STALE_MS) fs.rmSync(f, { force: true });
      } catch { /* raced with another sweep */ }
    }
  }
}
