import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { TrashEntry } from '../../contract.js';
import { badRequest, HandbookError, notFound } from '../api/errors.js';
import type { AuthoringContext } from './context.js';
import { assertWritable } from './files.js';
import { checkSimpleId, relOfEditable } from './ids.js';
import { movePackFile, removePackTree, writePackFile } from '../content/packHandle.js';

/**
 * The trash is a hidden folder inside the pack (`.trash/`): the loader and the watcher skip dot
 * folders, pack export leaves it out, and it stays with the pack it came from — restoring into
 * another pack by mistake is not possible. Each deleted file gets its own folder with the file
 * under its old path and an `entry.json` saying what it was.
 */
export const TRASH_DIR = '.trash';
const ENTRY = 'entry.json';

function relOf(ctx: AuthoringContext, kind: TrashEntry['kind'], id: string): { rel: string; title: string } {
  const pack = ctx.pack();
  if (kind === 'article') {
    const { rel } = relOfEditable(id);
    const title = id.startsWith('role:') ? pack.roles.get(id.slice(5))?.summary.title : pack.articles.get(id)?.summary.title;
    return { rel, title: title ?? id };
  }
  checkSimpleId(kind, id);
  const dir = kind === 'track' ? 'tracks' : 'quizzes';
  const rel = [`${dir}/${id}.yaml`, `${dir}/${id}.yml`].find((r) => fs.existsSync(path.join(ctx.root, r))) ?? `${dir}/${id}.yaml`;
  const title = kind === 'track' ? pack.tracks.get(id)?.title : pack.quizzes.get(id)?.title;
  return { rel, title: title ?? id };
}

/** A missing file met through a handle: the caller's not-found, not a 500. */
const missing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * The entry is written and the file moved through folder handles opened without following links
 * (content/packHandle.ts): a folder of either path swapped for a link meanwhile cannot make the
 * move take a file from outside the pack, or put one there.
 */
export function moveToTrash(ctx: AuthoringContext, kind: TrashEntry['kind'], id: string, deletedBy: string): Promise<TrashEntry> {
  return ctx.queue.run(async () => {
    const { rel, title } = relOf(ctx, kind, id);
    assertWritable(ctx.root, rel);
    if (!fs.existsSync(path.join(ctx.root, rel))) throw notFound(`${kind} "${id}"`);
    const deletedAt = new Date().toISOString();
    const trashId = deletedAt.replace(/[:.]/g, '-') + '-' + crypto.randomBytes(3).toString('hex');
    const entry: TrashEntry = { id: trashId, kind, path: rel, title, deletedAt, deletedBy };
    await writePackFile(ctx.root, `${TRASH_DIR}/${trashId}/${ENTRY}`, JSON.stringify(entry, null, 2));
    try {
      await movePackFile(ctx.root, rel, `${TRASH_DIR}/${trashId}/${rel}`);
    } catch (err) {
      await removePackTree(ctx.root, `${TRASH_DIR}/${trashId}`).catch(() => {});
      throw missing(err) ? notFound(`${kind} "${id}"`) : err;
    }
    await ctx.changed([rel]);
    return entry;
  });
}

export function listTrash(root: string): TrashEntry[] {
  const base = path.join(root, TRASH_DIR);
  let names: string[];
  try {
    names = fs.readdirSync(base);
  } catch {
    return [];
  }
  const out: TrashEntry[] = [];
  for (const name of names) {
    try {
      const e = JSON.parse(fs.readFileSync(path.join(base, name, ENTRY), 'utf8')) as TrashEntry;
      if (e.id === name && typeof e.path === 'string') out.push(e);
    } catch { /* not one of ours */ }
  }
  return out.sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
}

export function restoreFromTrash(ctx: AuthoringContext, trashId: string): Promise<TrashEntry> {
  if (!/^[0-9TZ-]+-[0-9a-f]{6}$/.test(trashId)) throw badRequest('unknown trash entry');
  return ctx.queue.run(async () => {
    const entry = listTrash(ctx.root).find((e) => e.id === trashId);
    if (!entry) throw notFound('trash entry');
    assertWritable(ctx.root, entry.path);
    if (!/^(articles|roles)\/.+\.md$|^(tracks|quizzes)\/[^/]+\.ya?ml$/.test(entry.path)) throw badRequest('unknown trash entry');
    const taken = () => new HandbookError('conflict', `${entry.path} exists again: rename or delete it first`, 'restoreTaken', { path: entry.path });
    if (fs.existsSync(path.join(ctx.root, entry.path))) throw taken();
    try {
      await movePackFile(ctx.root, `${TRASH_DIR}/${trashId}/${entry.path}`, entry.path);
    } catch (err) {
      if (missing(err)) throw notFound('trash entry');
      throw err instanceof HandbookError && err.code === 'conflict' ? taken() : err;
    }
    await removePackTree(ctx.root, `${TRASH_DIR}/${trashId}`);
    await ctx.changed([entry.path]);
    return entry;
  });
}
