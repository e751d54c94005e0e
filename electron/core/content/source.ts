import type { Problem } from '../../contract.js';
import { readPackText } from './files.js';
import { hashBytes } from './hash.js';
import { parseFrontMatter } from './frontmatter.js';
import { plainAnalysis, type Analysis, type PlainTextReason } from './markdown.js';
import { markdownPool, type MarkdownPool } from './markdownPool.js';
import { MAX_NESTING, nestingDepth } from './nesting.js';

/** A markdown file of the pack, read, decoded and analysed, before links are resolved. */
export interface MarkdownSource {
  rel: string;
  data: Record<string, unknown>;
  body: string;
  bodyLine: number;
  /** Full decoded text, to find the line of a link for problem reports. */
  text: string;
  analysis: Analysis;
  /** Set when the body could not be parsed in time or at all: it is shown as plain text. */
  plainText?: PlainTextReason;
  hash: string;
  mtime: string;
}

/**
 * Reads one markdown file; everything wrong with it lands in `problems` with its line. Parsing runs
 * in the markdown pool with its time limit: a file over it is kept as plain text, and says so.
 */
export async function readMarkdownSource(root: string, rel: string, problems: Problem[], pool: MarkdownPool = markdownPool()): Promise<MarkdownSource | null> {
  const read = readPackText(root, rel, problems);
  if (!read) return null;
  const text = read.text.replace(/\r\n?/g, '\n');
  const fm = parseFrontMatter(text);
  if (fm.error) problems.push({ path: rel, line: fm.error.line, severity: 'error', code: 'front-matter', message: fm.error.message });
  const source = (analysis: Analysis, plainText?: PlainTextReason): MarkdownSource => ({
    rel, data: fm.data, body: fm.body, bodyLine: fm.bodyLine, text, analysis, plainText,
    hash: hashBytes(read.buf),
    mtime: read.mtime.toISOString(),
  });
  const nesting = nestingDepth(fm.body);
  if (nesting.depth > MAX_NESTING) {
    problems.push({ path: rel, line: fm.bodyLine + nesting.line - 1, severity: 'error', code: 'too-nested', message: `markdown nested deeper than ${MAX_NESTING} levels; shown as plain text` });
    return source(plainAnalysis(fm.body), 'too-nested');
  }
  const parsed = await pool.run({ kind: 'analyze', body: fm.body });
  if (parsed.ok) return source(parsed.value);
  if (parsed.reason === 'too-slow') {
    problems.push({ path: rel, line: fm.bodyLine, severity: 'error', code: 'too-slow', message: `markdown too slow to parse (${parsed.message}); shown as plain text — simplify its formatting or split the file` });
    return source(plainAnalysis(fm.body), 'too-slow');
  }
  // Inline nesting (thousands of `[` or `*`) can still exhaust marked's stack: show it as text.
  problems.push({ path: rel, line: fm.bodyLine, severity: 'error', code: 'too-nested', message: `cannot parse markdown (${parsed.message}); shown as plain text` });
  return source(plainAnalysis(fm.body), 'too-nested');
}

/** 1-based line of the first occurrence of `needle` in the file, for problem reports. */
export function lineOf(text: string, needle: string): number | undefined {
  const i = text.indexOf(needle);
  if (i < 0) return undefined;
  let line = 1;
  for (let k = 0; k < i; k++) if (text.charCodeAt(k) === 10) line++;
  return line;
}

/**
 * Finds lines of successive occurrences: the second broken link with the same target is reported
 * at its own line, not the first one's.
 */
export function lineFinder(text: string): (needle: string) => number | undefined {
  const from = new Map<string, number>();
  return (needle) => {
    let i = text.indexOf(needle, from.get(needle) ?? 0);
    if (i < 0) i = text.indexOf(needle);
    if (i < 0) return undefined;
    from.set(needle, i + needle.length);
    return countLines(text, i);
  };
}

function countLines(text: string, end: number): number {
  let line = 1;
  for (let k = 0; k < end; k++) if (text.charCodeAt(k) === 10) line++;
  return line;
}
