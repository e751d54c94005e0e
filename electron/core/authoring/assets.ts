import fs from 'node:fs';
import path from 'node:path';
import type { SavedAsset } from '../../contract.js';
import { badRequest } from '../api/errors.js';
import type { AuthoringContext } from './context.js';
import { hashBytes } from '../content/hash.js';
import { writeAtomic } from './files.js';
import { checkFileName, relOfEditable } from './ids.js';

/** Larger images slow every reader down; the editor shrinks big pastes before sending them. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/**
 * The image type from its first bytes, never from the name or a MIME type the page claims. SVG is
 * not accepted from the editor: it can carry script, and a pasted screenshot is never SVG.
 */
export function sniffImage(buf: Buffer): 'png' | 'jpg' | 'gif' | 'webp' | null {
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'jpg';
  if (buf.length >= 6 && /^GIF8[79]a$/.test(buf.subarray(0, 6).toString('latin1'))) return 'gif';
  if (buf.length >= 12 && buf.subarray(0, 4).toString('latin1') === 'RIFF' && buf.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp';
  return null;
}

/** A name safe on every disk and in a markdown link: letters (any script), digits and hyphens. */
export function safeBaseName(name: string): string {
  const base = name.normalize('NFKC').replace(/\.[^.]*$/, '').toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '');
  return base || 'image';
}

/** Saves an image under `assets/` with its content hash in the name (the same image twice is one file). */
export async function saveAsset(ctx: AuthoringContext, articleId: string, name: string, data: string): Promise<SavedAsset> {
  const { rel: articleRel } = relOfEditable(articleId);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data)) throw badRequest('image data is not base64');
  const buf = Buffer.from(data, 'base64');
  if (buf.length > MAX_IMAGE_BYTES) throw badRequest(`the image is ${(buf.length / 1048576).toFixed(1)} MB; the limit is ${MAX_IMAGE_BYTES / 1048576} MB`, 'imageTooLarge', { limit: MAX_IMAGE_BYTES / 1048576 });
  const ext = sniffImage(buf);
  if (!ext) throw badRequest('only PNG, JPEG, GIF and WebP images can be added', 'imageType');
  const rel = `assets/${checkFileName(`${safeBaseName(name)}-${hashBytes(buf).slice(0, 8)}`, `.${ext}`)}.${ext}`;
  await ctx.queue.run(async () => {
    if (!fs.existsSync(path.join(ctx.root, rel))) await writeAtomic(ctx.root, rel, buf);
  });
  await ctx.changed([rel]);
  return { path: rel, href: path.posix.relative(path.posix.dirname(articleRel), rel), bytes: buf.length };
}
