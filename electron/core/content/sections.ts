import { Marked, type Token, type Tokens } from 'marked';
import type { Pack } from './pack.js';
import { hashBytes } from './hash.js';

const lexer = new Marked({ gfm: true });

/**
 * Hash of the text of one section (`articleId#anchor`: the heading and everything up to the next
 * heading of the same or a higher level), or of the whole article without an anchor. Whitespace is
 * normalized so re-wrapping a paragraph does not count as a change. Null when the article or the
 * section does not exist.
 */
export function sectionHash(pack: Pack, source: string): string | null {
  const [articleId, anchor] = source.split('#');
  const article = pack.articles.get(articleId);
  if (!article) return null;
  const body = article.source.body;
  if (!anchor) return hashBytes(norm(body));
  // A body the loader could not parse in time has no sections, and must not be lexed here, on the main thread.
  if (article.source.plainText) return null;
  const text = sectionText(body, anchor, article.source.analysis.headings.map((h) => h.anchor));
  return text === null ? null : hashBytes(norm(text));
}

/** `anchors`: the loader's anchors of every heading in document order (so both agree on names). */
export function sectionText(body: string, anchor: string, anchors: string[]): string | null {
  const tokens = lexer.lexer(body);
  const headings: Token[] = [];
  lexer.walkTokens(tokens, (t) => { if (t.type === 'heading') headings.push(t); });
  const index = anchors.indexOf(anchor);
  const heading = headings[index];
  if (index < 0 || !heading) return null;
  const start = tokens.indexOf(heading);
  if (start < 0) return null; // a heading inside a quote or list: no section of its own
  const depth = (heading as Tokens.Heading).depth;
  let end = start + 1;
  while (end < tokens.length && !(tokens[end].type === 'heading' && (tokens[end] as Tokens.Heading).depth <= depth)) end++;
  return tokens.slice(start, end).map((t) => t.raw).join('');
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
