import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { RenameResult } from '../../contract.js';
import { HandbookError, notFound } from '../api/errors.js';
import { readText } from './articles.js';
import type { AuthoringContext } from './context.js';
import { assertWritable, writeAtomic } from './files.js';
import { checkArticleId } from './ids.js';
import { rewriteLinks } from './rewriteLinks.js';
import { editableDoc } from './yamlText.js';

/**
 * Renames or moves an article and re-aims everything that points at it: relative `.md` links and
 * `[[id]]` links in every article and role guide, `article:` in track steps, `source:` in quiz
 * questions, and the moved article's own relative links and images. Order matters for a crash in
 * the middle: the new file is written first and the old one removed last, so at worst there are two
 * copies, never links to nothing.
 */
export function renameArticle(ctx: AuthoringContext, id: string, newId: string): Promise<RenameResult> {
  checkArticleId(newId);
  return ctx.queue.run(async () => {
    const pack = ctx.pack();
    const article = pack.articles.get(id);
    if (!article) throw notFound(`article "${id}"`);
    const from = article.source.rel;
    const to = `articles/${newId}.md`;
    if (newId === id) return { id, newId, updated: [] };
    const clash = [...pack.articles.keys()].find((k) => k.toLowerCase() === newId.toLowerCase() && k !== id);
    if (clash || (newId.toLowerCase() !== id.toLowerCase() && fs.existsSync(path.join(ctx.root, to)))) {
      throw new HandbookError('conflict', `"${clash ?? newId}" already exists: choose another name`, 'nameTaken', { id: clash ?? newId });
    }
    assertWritable(ctx.root, to);
    const moved = new Map([[from.toLowerCase(), to]]);
    const wiki = new Map([[id.toLowerCase(), newId]]);
    const needle = path.posix.basename(id).toLowerCase();
    const writes: Array<[string, string]> = [];
    const markdown = [...pack.articles.values(), ...pack.roles.values()].map((r) => r.source.rel);
    for (const rel of markdown) {
      const file = readText(ctx.root, rel);
      if (!file) continue;
      const self = rel === from;
      if (!self && !file.text.toLowerCase().includes(needle)) continue;
      const next = rewriteLinks(file.text, rel, self ? to : rel, moved, wiki);
      if (self) writes.unshift([to, next]);
      else if (next !== file.text) writes.push([rel, next]);
    }
    for (const rel of yamlFiles(ctx.root)) {
      const file = readText(ctx.root, rel);
      if (!file || !file.text.toLowerCase().includes(needle)) continue;
      const next = rel.startsWith('tracks/') ? retargetTrack(file.text, id, newId) : retargetQuiz(file.text, id, newId);
      if (next !== null) writes.push([rel, next]);
    }
    for (const [rel, text] of writes) await writeAtomic(ctx.root, rel, text);
    // A case-only rename on a case-insensitive disk wrote over the same file: do not delete it.
    const [a, b] = [fs.statSync(path.join(ctx.root, from)), fs.statSync(path.join(ctx.root, to))];
    if (a.ino !== b.ino || a.dev !== b.dev) await fsp.rm(path.join(ctx.root, from));
    await removeEmptyFolders(ctx.root, path.posix.dirname(from));
    await ctx.changed([from, ...writes.map(([rel]) => rel)]);
    return { id, newId, updated: writes.map(([rel]) => rel).filter((r) => r !== to) };
  });
}

function yamlFiles(root: string): string[] {
  const out: string[] = [];
  for (const dir of ['tracks', 'quizzes']) {
    try {
      for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
        if (e.isFile() && /\.ya?ml$/i.test(e.name) && !e.name.startsWith('.')) out.push(`${dir}/${e.name}`);
      }
    } catch { /* no such folder */ }
  }
  return out;
}

/** Step `article:` references, edited in place (comments and formatting kept). Null when nothing changed. */
export function retargetTrack(text: string, id: string, newId: string): string | null {
  const doc = editableDoc(text);
  let changed = false;
  const phases = doc.get('phases', true) as any;
  for (const phase of phases?.items ?? []) {
    for (const step of phase?.get?.('steps', true)?.items ?? []) {
      const a = step?.get?.('article');
      if (typeof a === 'string' && a.trim().toLowerCase() === id.toLowerCase()) {
        step.set('article', newId);
        changed = true;
      }
    }
  }
  return changed ? String(doc) : null;
}

/** Question `source:` references (`id` or `id#section`). Null when nothing changed. */
export function retargetQuiz(text: string, id: string, newId: string): string | null {
  const doc = editableDoc(text);
  let changed = false;
  for (const q of (doc.get('questions', true) as any)?.items ?? []) {
    const s = q?.get?.('source');
    if (typeof s !== 'string') continue;
    const [target, anchor] = s.split('#');
    if (target.trim().toLowerCase() !== id.toLowerCase()) continue;
    q.set('source', anchor === undefined ? newId : `${newId}#${anchor}`);
    changed = true;
  }
  return changed ? String(doc) : null;
}

async function removeEmptyFolders(root: string, dir: string): Promise<void> {
  while (dir.startsWith('articles/')) {
    try {
      await fsp.rmdir(path.join(root, dir));
    } catch {
      return; // not empty (or gone): stop
    }
    dir = path.posix.dirname(dir);
  }
}
