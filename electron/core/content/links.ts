import fs from 'node:fs';
import path from 'node:path';
import type { Problem } from '../../contract.js';
import { isInsidePack } from './files.js';
import { PACK_FILE_TYPES } from './packFiles.js';
import type { LinkTarget, RenderContext } from './markdown.js';
import type { ArticleRecord, RoleRecord } from './pack.js';
import { lineFinder } from './source.js';

/** URL prefix under which pack files (images, attachments) are served by both transports. */
export const PACK_FILE_ROUTE = 'pack-file/';

export interface Resolved {
  /** Article id → ids of the articles it links to. */
  outgoing: Map<string, string[]>;
  /** Article id → ids of the articles linking to it. */
  backlinks: Map<string, string[]>;
  /** Link resolution for the markdown file at `rel`. */
  contextFor(rel: string): RenderContext;
}

const REASONS = {
  missing: 'file not found',
  outside: 'outside the pack (links must stay inside the content folder)',
  type: 'this file type cannot be shown',
  remote: 'only images inside the pack are shown (the app works offline)',
} as const;

const SAFE_SCHEMES = /^(https?:|mailto:)/i;
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export function resolveLinks(root: string, articles: Map<string, ArticleRecord>, roles: Map<string, RoleRecord>, problems: Problem[]): Resolved {
  const byLowerId = new Map<string, string>();
  const byTitle = new Map<string, string>();
  for (const [id, a] of articles) {
    byLowerId.set(id.toLowerCase(), id);
    const t = a.summary.title.toLowerCase();
    if (!byTitle.has(t)) byTitle.set(t, id);
  }

  const contextFor = (rel: string): RenderContext => {
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
        const found = packFile(target);
        if (found.ok) return { kind: 'external', href: found.url };
        return { kind: 'broken', reason: `broken link: ${href} (${REASONS[found.reason]})` };
      },
      resolveWiki(name) {
        const [target, anchor] = name.split('#');
        const key = target.trim().toLowerCase();
        const id = byLowerId.get(key) ?? byTitle.get(key);
        return id ? { kind: 'article', id, anchor, title: articles.get(id)!.summary.title } : { kind: 'broken', reason: `no article with id or title "${target}"` };
      },
      imageUrl(src) {
        const r = imageFile(src, rel);
        return r.ok ? r.url : null;
      },
    };
  };

  /** A file of the pack the page may load, by its path relative to the pack, or why not. */
  const packFile = (target: string): { ok: true; url: string } | { ok: false; reason: keyof typeof REASONS } => {
    if (target === '..' || target.startsWith('../') || path.posix.isAbsolute(target)) return { ok: false, reason: 'outside' };
    if (!fs.existsSync(path.join(root, target))) return { ok: false, reason: 'missing' };
    if (!isInsidePack(root, target)) return { ok: false, reason: 'outside' };
    if (!PACK_FILE_TYPES[path.posix.extname(target).toLowerCase()]) return { ok: false, reason: 'type' };
    return { ok: true, url: PACK_FILE_ROUTE + target.split('/').map(encodeURIComponent).join('/') };
  };
  const imageFile = (src: string, from = ''): ReturnType<typeof packFile> => {
    if (ANY_SCHEME.test(src) || src.startsWith('//')) return { ok: false, reason: 'remote' };
    const dir = path.posix.dirname(from);
    return packFile(path.posix.normalize(path.posix.join(dir, safeDecode(src).split(/[?#]/)[0])));
  };

  const outgoing = new Map<string, string[]>();
  const backlinks = new Map<string, string[]>();
  const check = (rel: string, ownerId: string | null, src: ArticleRecord['source']) => {
    const ctx = contextFor(rel);
    const out = new Set<string>();
    const lineOf = lineFinder(src.text);
    const warn = (needle: string, code: string, message: string) =>
      problems.push({ path: rel, line: lineOf(needle), severity: 'warning', code, message });
    for (const link of src.analysis.links) {
      const isWiki = link.startsWith('wiki:');
      const t: LinkTarget = isWiki ? ctx.resolveWiki(link.slice(5)) : ctx.resolveLink(link);
      const needle = isWiki ? `[[${link.slice(5)}` : link;
      if (t.kind === 'article' && !t.id.startsWith('role:')) {
        out.add(t.id);
        const target = articles.get(t.id)!;
        if (t.anchor && !target.source.analysis.headings.some((h) => h.anchor === t.anchor)) {
          warn(needle, 'broken-link', `link to "${t.id}#${t.anchor}": that article has no such section`);
        }
      } else if (t.kind === 'anchor' && t.anchor && !src.analysis.headings.some((h) => h.anchor === t.anchor)) {
        warn(needle, 'broken-link', `link to "#${t.anchor}": no such section in this article`);
      } else if (t.kind === 'broken') {
        warn(needle, 'broken-link', isWiki ? `broken wiki link: ${t.reason}` : t.reason);
      }
    }
    for (const img of src.analysis.images) {
      const r = imageFile(img, rel);
      if (!r.ok) warn(img, r.reason === 'missing' ? 'missing-image' : 'bad-image', `image ${img}: ${REASONS[r.reason]}`);
    }
    if (ownerId) {
      outgoing.set(ownerId, [...out]);
      for (const to of out) if (to !== ownerId) backlinks.set(to, [...(backlinks.get(to) ?? []), ownerId]);
    }
  };
  for (const [id, a] of articles) check(a.source.rel, id, a.source);
  for (const r of roles.values()) check(r.source.rel, null, r.source);
  return { outgoing, backlinks, contextFor };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
