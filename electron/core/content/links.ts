import fs from 'node:fs';
import path from 'node:path';
import type { Problem } from '../../contract.js';
import { isInsidePack } from './files.js';
import type { LinkTarget, RenderContext } from './markdown.js';
import type { ArticleRecord, RoleRecord } from './pack.js';
import { lineOf } from './source.js';

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
        if (ANY_SCHEME.test(href) || href.startsWith('//')) return { kind: 'broken', reason: 'link scheme not allowed' };
        const [file, anchor] = safeDecode(href).split('#');
        const target = path.posix.normalize(path.posix.join(dir, file));
        const article = /^articles\/(.+)\.md$/i.exec(target);
        if (article && articles.has(article[1])) return { kind: 'article', id: article[1], anchor };
        const role = /^roles\/(.+)\.md$/i.exec(target);
        if (role && roles.has(role[1])) return { kind: 'article', id: 'role:' + role[1], anchor };
        if (!/\.md$/i.test(target) && isInsidePack(root, target) && fs.existsSync(path.join(root, target))) {
          return { kind: 'external', href: PACK_FILE_ROUTE + target.split('/').map(encodeURIComponent).join('/') };
        }
        return { kind: 'broken', reason: `broken link: ${href}` };
      },
      resolveWiki(name) {
        const [target, anchor] = name.split('#');
        const key = target.trim().toLowerCase();
        const id = byLowerId.get(key) ?? byTitle.get(key);
        return id ? { kind: 'article', id, anchor } : { kind: 'broken', reason: `no article with id or title "${target}"` };
      },
      imageUrl(src) {
        if (ANY_SCHEME.test(src) || src.startsWith('//')) return null;
        const target = path.posix.normalize(path.posix.join(dir, safeDecode(src).split(/[?#]/)[0]));
        if (!isInsidePack(root, target) || !fs.existsSync(path.join(root, target))) return null;
        return PACK_FILE_ROUTE + target.split('/').map(encodeURIComponent).join('/');
      },
    };
  };

  const outgoing = new Map<string, string[]>();
  const backlinks = new Map<string, string[]>();
  const check = (rel: string, ownerId: string | null, src: ArticleRecord['source']) => {
    const ctx = contextFor(rel);
    const out = new Set<string>();
    for (const link of src.analysis.links) {
      const isWiki = link.startsWith('wiki:');
      const t: LinkTarget = isWiki ? ctx.resolveWiki(link.slice(5)) : ctx.resolveLink(link);
      if (t.kind === 'article' && !t.id.startsWith('role:')) out.add(t.id);
      if (t.kind === 'broken') {
        const needle = isWiki ? `[[${link.slice(5)}` : `(${link}`;
        problems.push({ path: rel, line: lineOf(src.text, needle) ?? lineOf(src.text, link), severity: 'warning', code: 'broken-link', message: t.reason.startsWith('broken') || t.reason.startsWith('link') ? `${t.reason}` : `broken wiki link: ${t.reason}` });
      }
    }
    for (const img of src.analysis.images) {
      if (!ctx.imageUrl(img)) problems.push({ path: rel, line: lineOf(src.text, img), severity: 'warning', code: 'missing-image', message: `missing image or outside the pack: ${img}` });
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
