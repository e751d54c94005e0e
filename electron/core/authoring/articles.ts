import fs from 'node:fs';
import path from 'node:path';
import type { ArticleFieldValues, ArticleSource, MarkdownPreview, SavedArticle } from '../../contract.js';
import { badRequest, HandbookError, notFound } from '../api/errors.js';
import { decodeText } from '../content/decode.js';
import { MAX_TEXT_BYTES, readPackFile } from '../content/files.js';
import { plainTextHtml } from '../content/markdown.js';
import { markdownPool } from '../content/markdownPool.js';
import { MAX_NESTING, nestingDepth } from '../content/nesting.js';
import type { AuthoringContext } from './context.js';
import { hashBytes } from '../content/hash.js';
import { fileHash, writeAtomic } from './files.js';
import { readFields, writeFile } from './frontMatter.js';
import { relOfEditable } from './ids.js';

/** The file as text (any encoding the loader accepts), its hash, or null when there is no such file. */
export function readText(root: string, rel: string): { text: string; hash: string } | null {
  if (!fs.existsSync(path.join(root, rel))) return null;
  const read = readPackFile(root, rel);
  if (!read.ok) throw new HandbookError(read.code === 'symlink' ? 'forbidden' : 'bad_request', `${rel}: ${read.message}`);
  const decoded = decodeText(read.buf);
  if (!decoded.ok) throw badRequest(`${rel}: ${decoded.reason}`);
  return { text: decoded.text, hash: hashBytes(read.buf) };
}

export function folders(ctx: AuthoringContext): string[] {
  const set = new Set<string>();
  for (const a of ctx.pack().articles.values()) if (a.summary.category) set.add(a.summary.category);
  return [...set].sort();
}

export function getArticleSource(ctx: AuthoringContext, id: string): ArticleSource {
  const { rel } = relOfEditable(id);
  const file = readText(ctx.root, rel);
  if (!file) throw notFound(`article "${id}"`);
  const { fields, otherFields, body } = readFields(file.text);
  return { id, path: rel, fields, otherFields, body, hash: file.hash, folders: folders(ctx) };
}

/** Exactly what the reader would get for this markdown (the renderer sanitizes it the same way too). */
export async function previewMarkdown(ctx: AuthoringContext, id: string | undefined, markdown: string): Promise<MarkdownPreview> {
  const rel = id ? relOfEditable(id).rel : 'articles/preview.md';
  const body = markdown.replace(/\r\n?/g, '\n');
  // In the pool, like the reader: a body too slow or too nested for marked shows as text, and the server keeps answering.
  if (nestingDepth(body).depth > MAX_NESTING) return plainTextHtml(body);
  const out = await markdownPool().run({ kind: 'render', body, rel, table: ctx.pack().links.table });
  return out.ok ? out.value : plainTextHtml(body);
}

/** Creates or updates an article, refusing to overwrite a version the editor did not start from. */
export function saveArticle(ctx: AuthoringContext, req: { id: string; baseHash: string | null; fields: Partial<ArticleFieldValues>; body: string }): Promise<SavedArticle> {
  const { rel, role, bareId } = relOfEditable(req.id);
  return ctx.queue.run(async () => {
    const current = readText(ctx.root, rel);
    if (req.baseHash === null) {
      if (current) throw new HandbookError('conflict', `"${req.id}" already exists: open it to edit, or choose another name`, 'nameTaken', { id: req.id });
      const clash = role ? null : [...ctx.pack().articles.keys()].find((k) => k.toLowerCase() === bareId.toLowerCase());
      if (clash) throw new HandbookError('conflict', `"${clash}" already exists (names differing only in upper/lower case are the same file on Windows and macOS)`, 'nameTakenCase', { id: clash });
    } else if (!current) {
      throw new HandbookError('conflict', `"${req.id}" was deleted or moved since you opened it`, 'deletedMeanwhile', { id: req.id });
    } else if (current.hash !== req.baseHash) {
      throw new HandbookError('conflict', `"${req.id}" changed on disk since you opened it`, 'changedMeanwhile', { id: req.id });
    }
    const text = writeFile(current?.text ?? '', req.fields, req.body);
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length > MAX_TEXT_BYTES) throw badRequest(`the article is ${(bytes.length / 1048576).toFixed(1)} MB; the limit is ${MAX_TEXT_BYTES / 1048576} MB — split it into several articles`, 'articleTooLarge', { limit: MAX_TEXT_BYTES / 1048576 });
    await writeAtomic(ctx.root, rel, bytes);
    await ctx.changed([rel]);
    return { id: req.id, hash: fileHash(ctx.root, rel)!, problems: ctx.pack().problems.filter((p) => p.path === rel) };
  });
}
