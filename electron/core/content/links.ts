import type { Problem } from '../../contract.js';
import { imageFile, REASONS, renderContext, type LinkTable } from './linkTable.js';
import type { LinkTarget, RenderContext } from './markdown.js';
import { lineFinder, type MarkdownSource } from './source.js';

export { PACK_FILE_ROUTE } from './linkTable.js';

export interface Resolved {
  /** Article id → ids of the articles it links to. */
  outgoing: Map<string, string[]>;
  /** Article id → ids of the articles linking to it. */
  backlinks: Map<string, string[]>;
  /** What the markdown workers need to resolve links while rendering. */
  table: LinkTable;
  /** Link resolution for the markdown file at `rel`. */
  contextFor(rel: string): RenderContext;
}

/** The little of an article or role record link checking reads (kept structural: no import of pack.ts). */
interface Linkable { summary: { title: string }; source: MarkdownSource }

export function resolveLinks(root: string, articles: Map<string, Linkable>, roles: Map<string, Linkable>, problems: Problem[]): Resolved {
  const table: LinkTable = { root, articles: [...articles].map(([id, a]) => [id, a.summary.title]), roles: [...roles.keys()] };
  const contextFor = (rel: string) => renderContext(table, rel);

  const outgoing = new Map<string, string[]>();
  const backlinks = new Map<string, string[]>();
  const check = (rel: string, ownerId: string | null, src: MarkdownSource) => {
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
      const r = imageFile(root, img, rel);
      if (!r.ok) warn(img, r.reason === 'missing' ? 'missing-image' : 'bad-image', `image ${img}: ${REASONS[r.reason]}`);
    }
    if (ownerId) {
      outgoing.set(ownerId, [...out]);
      for (const to of out) if (to !== ownerId) backlinks.set(to, [...(backlinks.get(to) ?? []), ownerId]);
    }
  };
  for (const [id, a] of articles) check(a.source.rel, id, a.source);
  for (const r of roles.values()) check(r.source.rel, null, r.source);
  return { outgoing, backlinks, table, contextFor };
}
