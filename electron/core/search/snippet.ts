import { scan, termToKey, wordTerm } from './analyzer.js';
import type { Phrase } from './plan.js';

/*
 * Snippets are cut from the stored text at query time: no token positions are kept in the index
 * (they would triple its size), and re-analysing ~1 KB per shown hit costs microseconds.
 */

export const SNIPPET_WIDTH = 120;
/** beyond this, long bodies are not scanned for a snippet (the head is shown instead) */
const SCAN_LIMIT = 50_000;
const ELLIPSIS = '…';

export type Range = [number, number];

export class TermMatcher {
  private keys = new Set<number>();
  private strs = new Set<string>();
  /** CJK terms as text, found with indexOf (native) instead of re-running the analyzer */
  private cjk: string[] = [];
  /** English stems and numbers, found with one regex over candidate words, then verified */
  private latin: RegExp | null = null;
  /** anything else (rare scripts, CJK beyond the fast range): the analyzer */
  private slow = false;
  constructor(terms: Iterable<string>) {
    const alts: string[] = [];
    for (const t of terms) {
      const k = termToKey(t);
      if (k >= 0) {
        this.keys.add(k);
        this.cjk.push(t);
        continue;
      }
      this.strs.add(t);
      // Porter only rewrites endings, so a stem's head (minus the last 3 letters) starts every word it came from
      if (/^[a-z]+$/.test(t)) alts.push(`(?<![A-Za-z])${t.slice(0, Math.max(2, t.length - 3))}[A-Za-z]*`);
      else if (/^[0-9]+$/.test(t)) alts.push(`(?<![0-9])${t}(?![0-9])`);
      else this.slow = true;
    }
    if (alts.length) this.latin = new RegExp(alts.join('|'), 'gi');
  }
  get empty(): boolean {
    return this.keys.size === 0 && this.strs.size === 0;
  }
  /** matched token ranges in text; each carries a term id for distinct-term counting */
  find(text: string, limit = SCAN_LIMIT): Array<{ start: number; end: number; term: string | number }> {
    const out: Array<{ start: number; end: number; term: string | number }> = [];
    if (this.empty || !text) return out;
    if (!this.slow) {
      const t = text.length > limit ? text.slice(0, limit) : text;
      for (const term of this.cjk) {
        for (let i = t.indexOf(term); i >= 0; i = t.indexOf(term, i + 1)) out.push({ start: i, end: i + term.length, term });
      }
      if (this.latin) {
        this.latin.lastIndex = 0;
        for (let m = this.latin.exec(t); m; m = this.latin.exec(t)) {
          const w = m[0].toLowerCase();
          const term = /^[0-9]/.test(w) ? w : wordTerm(w);
          if (this.strs.has(term)) out.push({ start: m.index, end: m.index + m[0].length, term });
        }
      }
      return out.sort((a, b) => a.start - b.start);
    }
    scan(
      text,
      {
        key: (key, start, end) => {
          if (this.keys.has(key)) out.push({ start, end, term: key });
        },
        term: (term, start, end) => {
          if (this.strs.has(term)) out.push({ start, end, term });
        },
      },
      limit,
    );
    return out;
  }
}

export function mergeRanges(ranges: Range[]): Range[] {
  if (ranges.length < 2) return ranges;
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Range[] = [ranges[0]!];
  for (let i = 1; i < ranges.length; i++) {
    const last = out[out.length - 1]!;
    const r = ranges[i]!;
    if (r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push(r);
  }
  return out;
}

function phraseRanges(text: string, phrase: Phrase | null, limit: number): Range[] {
  if (!phrase || (phrase.probe && !text.includes(phrase.probe))) return [];
  const re = new RegExp(phrase.re.source, phrase.re.flags + 'g');
  const out: Range[] = [];
  const t = text.length > limit ? text.slice(0, limit) : text;
  for (let m = re.exec(t); m && out.length < 50; m = re.exec(t)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

/** highlight ranges of the title (whole text, no cutting) */
export function highlightAll(text: string, matcher: TermMatcher, phrase: Phrase | null): Range[] {
  const r: Range[] = matcher.find(text).map((m) => [m.start, m.end]);
  r.push(...phraseRanges(text, phrase, SCAN_LIMIT));
  return mergeRanges(r);
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
const WORDISH = /[\p{L}\p{N}]/u;

/** move a cut point so it does not split a surrogate pair or (within a few chars) a Latin word */
function snap(text: string, i: number, dir: -1 | 1): number {
  if (i <= 0) return 0;
  if (i >= text.length) return text.length;
  if (isLow(text.charCodeAt(i)) && isHigh(text.charCodeAt(i - 1))) i += dir === 1 ? 1 : -1;
  for (let k = 0; k < 12; k++) {
    const a = text.charCodeAt(i - 1);
    const b = text.charCodeAt(i);
    if (!(a < 0x80 && b < 0x80 && WORDISH.test(text[i - 1]!) && WORDISH.test(text[i]!))) break;
    i += dir;
    if (i <= 0 || i >= text.length) break;
  }
  return Math.max(0, Math.min(text.length, i));
}

export interface Snippet {
  snippet: string;
  highlights: Range[];
}

/**
 * ~120 characters around the densest cluster of matched terms (distinct terms count more than
 * repeats), preferring an exact phrase occurrence; '…' marks cut ends.
 */
export function makeSnippet(text: string, matcher: TermMatcher, phrase: Phrase | null, width = SNIPPET_WIDTH): Snippet | null {
  if (!text) return null;
  const phr = phraseRanges(text, phrase, SCAN_LIMIT);
  const hits = matcher.find(text);
  if (hits.length === 0 && phr.length === 0) return null;
  let anchor: number;
  let anchorEnd: number;
  if (phr.length) {
    [anchor, anchorEnd] = phr[0]!;
  } else {
    // sliding window over hits maximising distinct terms
    let best = 0;
    let bestScore = -1;
    const counts = new Map<string | number, number>();
    let distinct = 0;
    let j = 0;
    for (let i = 0; i < hits.length; i++) {
      const t = hits[i]!.term;
      const c = counts.get(t) ?? 0;
      if (c === 0) distinct++;
      counts.set(t, c + 1);
      while (hits[i]!.end - hits[j]!.start > width * 0.8) {
        const u = hits[j]!.term;
        const cu = counts.get(u)! - 1;
        counts.set(u, cu);
        if (cu === 0) distinct--;
        j++;
      }
      const s = distinct * 1000 + (i - j);
      if (s > bestScore) {
        bestScore = s;
        best = j;
      }
    }
    anchor = hits[best]!.start;
    anchorEnd = hits[best]!.end;
  }
  let start = Math.max(0, anchor - Math.floor(width * 0.25));
  // prefer starting at a sentence boundary shortly before the match
  const back = text.slice(Math.max(0, anchor - Math.floor(width * 0.4)), anchor);
  const sb = Math.max(back.lastIndexOf('。'), back.lastIndexOf('. '), back.lastIndexOf('\n'), back.lastIndexOf('！'), back.lastIndexOf('？'));
  if (sb >= 0) start = Math.max(0, anchor - back.length + sb + 1);
  let end = Math.min(text.length, Math.max(start + width, anchorEnd));
  if (end === text.length) start = Math.max(0, Math.min(start, end - width));
  start = snap(text, start, -1);
  end = snap(text, end, 1);
  while (start < end && /\s/.test(text[start]!)) start++;
  const pre = start > 0 ? ELLIPSIS : '';
  const post = end < text.length ? ELLIPSIS : '';
  const body = text.slice(start, end).replace(/\s/g, ' ');
  const ranges: Range[] = [];
  for (const h of hits) if (h.start >= start && h.end <= end) ranges.push([h.start - start + pre.length, h.end - start + pre.length]);
  for (const p of phr) {
    const a = Math.max(p[0], start);
    const b = Math.min(p[1], end);
    if (a < b) ranges.push([a - start + pre.length, b - start + pre.length]);
  }
  return { snippet: pre + body + post, highlights: mergeRanges(ranges) };
}

/** the head of a text when nothing in it matched */
export function headSnippet(text: string, width = SNIPPET_WIDTH): string {
  const t = text.trimStart();
  if (t.length <= width) return t.replace(/\s/g, ' ');
  const end = snap(t, width, -1) || width;
  return t.slice(0, end).replace(/\s/g, ' ') + ELLIPSIS;
}
