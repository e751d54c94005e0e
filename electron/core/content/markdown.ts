import { Marked, type Token, type Tokens, type TokenizerAndRendererExtension } from 'marked';
import { createSlugger } from './slug.js';
import type { TocEntry } from '../../contract.js';

/** Where a link in an article leads. */
export type LinkTarget =
  | { kind: 'article'; id: string; anchor?: string; title?: string }
  | { kind: 'external'; href: string }
  | { kind: 'anchor'; anchor: string }
  | { kind: 'broken'; reason: string };

export interface RenderContext {
  resolveLink(href: string): LinkTarget;
  resolveWiki(target: string): LinkTarget;
  /** URL an image loads from, or null when it is missing or outside the pack. */
  imageUrl(src: string): string | null;
}

export interface Analysis {
  headings: TocEntry[];
  /** Link hrefs and `[[wiki]]` targets (prefixed `wiki:`), in order. */
  links: string[];
  images: string[];
  /** Plain text for search and snippets. */
  text: string;
  firstH1: string | null;
}

const START_LOOKAHEAD = 64;
const WIKI = /^\[\[([^\[\]\n|]{1,200})(?:\|([^\[\]\n]{1,200}))?\]\]/;
const wikiExtension: TokenizerAndRendererExtension = {
  name: 'wikilink',
  level: 'inline',
  // marked calls this at every text token with the rest of the paragraph: a full indexOf made a
  // paragraph without `[[` quadratic. Text stops at every `[` anyway, so a short look-ahead is enough.
  start: (src) => {
    const i = src.slice(0, START_LOOKAHEAD).indexOf('[[');
    return i < 0 ? undefined : i;
  },
  tokenizer(src) {
    const m = WIKI.exec(src);
    if (m) return { type: 'wikilink', raw: m[0], target: m[1].trim(), label: m[2]?.trim() };
    return undefined;
  },
  renderer: () => '',
};

/** `> [!NOTE]` (GitHub), optionally with a title on the same line (`> [!TIP] 小技巧`, as Obsidian allows). */
const CALLOUT = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*([^\n]*)\n?/i;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const lexer = new Marked({ gfm: true, extensions: [wikiExtension] });

export function analyzeMarkdown(body: string): Analysis {
  const slug = createSlugger();
  const out: Analysis = { headings: [], links: [], images: [], text: '', firstH1: null };
  const parts: string[] = [];
  const tokens = lexer.lexer(body);
  walkTokens(tokens, (t: Token) => {
    switch (t.type) {
      case 'heading': {
        const text = plain((t as Tokens.Heading).tokens ?? []);
        if (t.depth === 1 && out.firstH1 === null) out.firstH1 = text;
        out.headings.push({ depth: t.depth, text, anchor: slug(text) });
        parts.push('\n');
        break;
      }
      case 'link': out.links.push((t as Tokens.Link).href); break;
      case 'image': out.images.push((t as Tokens.Image).href); break;
      case 'wikilink': out.links.push('wiki:' + (t as any).target); parts.push((t as any).label ?? (t as any).target); break;
      case 'text': case 'codespan': if (!('tokens' in t && t.tokens)) parts.push(t.text); break;
      case 'code': parts.push(t.text); break;
      case 'space': case 'br': parts.push('\n'); break;
      case 'paragraph': parts.push('\n'); break;
    }
  });
  out.text = parts.join(' ').replace(/[ \t]*\n[ \t\n]*/g, '\n').replace(/[ \t]+/g, ' ').trim();
  return out;
}

/**
 * Visits every token depth first, in document order. marked's own walkTokens concatenates the
 * callbacks' results into one array token by token, which is quadratic on a long paragraph.
 */
function walkTokens(tokens: Token[], visit: (t: Token) => void): void {
  const stack: Token[][] = [tokens];
  const at: number[] = [0];
  while (stack.length) {
    const list = stack[stack.length - 1];
    const i = at[at.length - 1]++;
    if (i >= list.length) { stack.pop(); at.pop(); continue; }
    const t = list[i];
    visit(t);
    for (const children of childLists(t).reverse()) { stack.push(children); at.push(0); }
  }
}

function childLists(t: Token): Token[][] {
  switch (t.type) {
    case 'table': {
      const table = t as Tokens.Table;
      return [...table.header.map((c) => c.tokens), ...table.rows.flatMap((r) => r.map((c) => c.tokens))];
    }
    case 'list': return [(t as Tokens.List).items as Token[]];
    default: return 'tokens' in t && Array.isArray(t.tokens) ? [t.tokens] : [];
  }
}

function plain(tokens: Token[]): string {
  return tokens.map((t) => ('tokens' in t && t.tokens ? plain(t.tokens) : 'text' in t ? t.text : '')).join('').trim();
}

/**
 * Markdown to HTML with anchors, callouts and links resolved. Not sanitized: the renderer does that.
 * A leading `# heading` is left out (the page shows the title in its header; twice looks broken).
 * Callouts get an empty `<p class="callout-title">` the renderer fills in the reader's language.
 */
export function renderMarkdown(body: string, ctx: RenderContext): { html: string; toc: TocEntry[] } {
  const slug = createSlugger();
  const toc: TocEntry[] = [];
  const md = new Marked({ gfm: true, extensions: [wikiExtension] });
  const renderLink = (target: LinkTarget, inner: string, title?: string | null) => {
    const t = title ? ` title="${escapeHtml(title)}"` : '';
    switch (target.kind) {
      case 'article':
        if (target.id.startsWith('role:')) return `<a href="#/roles/${encodeURI(target.id.slice(5))}"${t}>${inner}</a>`;
        return `<a href="#/article/${encodeURI(target.id)}${target.anchor ? '?section=' + encodeURIComponent(target.anchor) : ''}" data-article="${escapeHtml(target.id)}"${t}>${inner}</a>`;
      case 'anchor':
        return `<a href="#" data-anchor="${escapeHtml(target.anchor)}"${t}>${inner}</a>`;
      case 'external':
        return `<a href="${escapeHtml(target.href)}" data-external="true" rel="noopener noreferrer" target="_blank"${t}>${inner}</a>`;
      case 'broken':
        return `<span class="broken-link" title="${escapeHtml(target.reason)}">${inner}</span>`;
    }
  };
  md.use({
    extensions: [{
      ...wikiExtension,
      // `[[cs/returns]]` reads as the article's title; `[[cs/returns|退货]]` as the author's label.
      renderer: (t: any) => {
        const target = ctx.resolveWiki(t.target);
        return renderLink(target, escapeHtml(t.label ?? (target.kind === 'article' ? target.title : undefined) ?? t.target));
      },
    }],
    renderer: {
      heading({ tokens, depth }) {
        const inner = this.parser.parseInline(tokens);
        const text = plain(tokens);
        const anchor = slug(text);
        if (depth >= 2 && depth <= 3) toc.push({ depth, text, anchor });
        return `<h${depth} id="${escapeHtml(anchor)}">${inner}</h${depth}>\n`;
      },
      link({ href, title, tokens }) {
        return renderLink(ctx.resolveLink(href), this.parser.parseInline(tokens), title);
      },
      image({ href, title, text }) {
        const url = ctx.imageUrl(href);
        if (!url) return `<span class="missing-image" role="img" aria-label="${escapeHtml(text)}">${escapeHtml(text || href)}</span>`;
        return `<img src="${escapeHtml(url)}" alt="${escapeHtml(text)}"${title ? ` title="${escapeHtml(title)}"` : ''} loading="lazy">`;
      },
      blockquote({ tokens }) {
        const first = tokens[0];
        if (first?.type === 'paragraph') {
          const m = CALLOUT.exec(first.raw);
          if (m) {
            const kind = m[1].toLowerCase();
            const rest = first.raw.slice(m[0].length);
            const title = m[2].trim()
              ? `<p class="callout-title callout-title-custom">${md.parseInline(m[2].trim(), { async: false })}</p>`
              : '<p class="callout-title"></p>';
            const body = (rest.trim() ? md.parse(rest) : '') + this.parser.parse(tokens.slice(1));
            return `<div class="callout callout-${kind}" data-callout="${kind}" role="note">${title}${body}</div>\n`;
          }
        }
        return `<blockquote>\n${this.parser.parse(tokens)}</blockquote>\n`;
      },
    },
  });
  const tokens = md.lexer(body);
  const lead = tokens.findIndex((t) => t.type !== 'space');
  if (lead >= 0 && tokens[lead].type === 'heading' && (tokens[lead] as Tokens.Heading).depth === 1) {
    // Keep anchors in step with analyzeMarkdown, which counted this heading.
    slug(plain((tokens[lead] as Tokens.Heading).tokens ?? []));
    tokens.splice(lead, 1);
  }
  const html = md.parser(tokens);
  return { html, toc };
}

export { escapeHtml };

/** Why a body is shown as plain text instead of rendered markdown. */
export type PlainTextReason = 'too-slow' | 'too-nested';

/** What the loader keeps of a body it could not parse: its text and the title of its first `# heading`. */
export function plainAnalysis(body: string): Analysis {
  const firstH1 = /^# +(.{1,200}?)#*[ \t]*$/m.exec(body)?.[1].trim() || null;
  return { headings: [], links: [], images: [], text: body.trim(), firstH1 };
}

/**
 * A body shown as plain text, built without marked (linear in its length), under a warning callout
 * the renderer words in the reader's language (`data-callout="plain-text"`).
 */
export function plainTextHtml(body: string): { html: string; toc: TocEntry[] } {
  return {
    html: `<div class="callout callout-warning" data-callout="plain-text" role="note"><p class="callout-title"></p></div>\n<pre class="plain-text"><code>${escapeHtml(body)}</code></pre>\n`,
    toc: [],
  };
}
