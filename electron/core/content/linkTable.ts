import fs from 'node:fs';
import path from 'node:path';
import { isInsidePack } from './files.js';
import type { RenderContext } from './markdown.js';
import { PACK_FILE_TYPES } from './servedFiles.js';

/** URL prefix under which pack files (images, attachments) are served by both transports. */
export const PACK_FILE_ROUTE = 'pack-file/';

/**
 * What link resolution needs to know about a pack, as plain data: it crosses to the markdown
 * workers, which render with it (a closure cannot be sent to a worker).
 */
export interface LinkTable {
  root: string;
  /** Article id and title, in pack order. */
  articles: Array<[id: string, title: string]>;
  roles: string[];
}

export const REASONS = {
  missing: 'file not found',
  outside: 'outside the pack (links must stay inside the content folder)',
  type: 'this file type cannot be shown',
  remote: 'only images inside the pack are shown (the app works offline)',
} as const;
export type PackFileRefusal = keyof typeof REASONS;

const SAFE_SCHEMES = /^(https?:|mailto:)/i;
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

interface Lookup { byLowerId: Map<string, string>; byTitle: Map<string, string>; titles: Map<string, string>; roles: Set<string> }
const lookups = new WeakMap<LinkTable, Lookup>();

function lookup(table: LinkTable): Lookup {
  let l = lookups.get(table);
  if (!l) {
    l = { byLowerId: new Map(), byTitle: new Map(), titles: new Map(), roles: new Set(table.roles) };
    for (const [id, title] of table.articles) {
      l.byLowerId.set(id.toLowerCase(), id);
      l.titles.set(id, title);
      const t = title.toLowerCase();
      if (!l.byTitle.has(t)) l.byTitle.set(t, id);
    }
    lookups.set(table, l);
  }
  return l;
}

/** A file of the pack the page may load, by its path relative to the pack, or why not. */
export function packFileUrl(root: string, target: string): { ok: true; url: string } | { ok: false; reason: PackFileRefusal } {
  if (target === '..' || target.startsWith('../') || path.posix.isAbsolute(target)) return { ok: false, reason: 'outside' };
  if (!fs.existsSync(path.join(root, target))) return { ok: false, reason: 'missing' };
  if (!isInsidePack(root, target)) return { ok: false, reason: 'outside' };
  if (!PACK_FILE_TYPES[path.posix.extname(target).toLowerCase()]) return { ok: false, reason: 'type' };
  return { ok: true, url: PACK_FILE_ROUTE + target.split('/').map(encodeURIComponent).join('/') };
}

/** An image reference of the markdown file at `from`, resolved to a servable pack file. */
export function imageFile(root: string, src: string, from: string): ReturnType<typeof packFileUrl> {
  if (ANY_SCHEME.test(src) || src.startsWith('//')) return { ok: false, reason: 'remote' };
  const dir = path.posix.dirname(from);
  return packFileUrl(root, path.posix.normalize(path.posix.join(dir, safeDecode(src).split(/[?#]/)[0])));
}

/** Link resolution for the markdown file at `rel` (relative to the pack). */
export function renderContext(table: LinkTable, rel: string): RenderContext {
  const { byLowerId, byTitle, titles, roles } = lookup(table);
  const dir = path.posix.dirname(rel);
  return {
    resolveLink(href) {
      if (href.startsWith('#')) return { kind: 'anchor', anchor: safeDecode(href.slice(1)) };
      if (SAFE_SCHEMES.test(href)) return { kind: 'external', href };
      if (ANY_SCHEME.test(href) || href.startsWith('//')) return { kind: 'broken', reason: `link scheme not allowed: ${href.slice(0, 80)}` };
      const [file, anchor] = safeDecode(href).split('#');
      const target = path.posix.normalize(path.posix.join(dir, file));
      const article = /^articles\/(.+)\.md$/i.exec(target);
      // Case-insensitive, as on the Windows and macOS disks most authors write on.
      const articleId = article && byLowerId.get(article[1].toLowerCase());
      if (articleId) return { kind: 'article', id: articleId, anchor };
      const role = /^roles\/(.+)\.md$/i.exec(target);
      if (role && roles.has(role[1])) return { kind: 'article', id: 'role:' + role[1], anchor };
      if (/\.md$/i.test(target)) return { kind: 'broken', reason: `broken link: ${href} (no such article)` };
      const found = packFileUrl(table.root, target);
      if (found.ok) return { kind: 'external', href: found.url };
      return { kind: 'broken', reason: `broken link: ${href} (${REASONS[found.reason]})` };
    },
    resolveWiki(name) {
      const [target, anchor] = name.split('#');
      const key = target.trim().toLowerCase();
      const id = byLowerId.get(key) ?? byTitle.get(key);
      return id ? { kind: 'article', id, anchor, title: titles.get(id)! } : { kind: 'broken', reason: `no article with id or title "${target}"` };
    },
    imageUrl(src) {
      const r = imageFile(table.root, src, rel);
      return r.ok ? r.url : null;
    },
  };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
