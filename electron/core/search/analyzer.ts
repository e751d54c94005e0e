import lunr from 'lunr';

/*
 * One analyzer for documents and queries. Chinese (and kana/hangul) runs become overlapping
 * character bigrams, a run of one character is kept as a unigram; other letters become
 * lower-cased words, English ones stemmed with lunr's Porter stemmer; digit runs are kept.
 * Everything else (both scripts' punctuation, emoji, spaces) separates tokens. Text is NFKC
 * normalised per code point so full-width letters and punctuation behave like ASCII, and offsets
 * still point into the original string (needed for highlights).
 *
 * Hot path: most CJK characters of real text lie in U+3000..U+9FFF and are NFKC-stable, so their
 * bigrams are packed into small integers ("keys", always V8 Smis) instead of strings — indexing
 * 10,000 articles would otherwise allocate millions of two-character strings.
 */

const CJK_BASE = 0x3000;
const CJK_SPAN = 0x7000; // U+3000..U+9FFF
/** keys >= UNIGRAM_BASE are single characters, below are bigrams */
export const UNIGRAM_BASE = CJK_SPAN * CJK_SPAN;
export const MAX_WORD = 40;

export interface TokenSink {
  /** a CJK token on the fast path, identified by its integer key */
  key(key: number, start: number, end: number): void;
  /** any other token: stemmed word, number, or CJK outside the fast range */
  term(term: string, start: number, end: number): void;
}

const enum C {
  Sep = 0,
  Cjk = 1,
  Letter = 2,
  Digit = 3,
  Mark = 4,
}

const CJK_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const LETTER_RE = /\p{L}/u;
const DIGIT_RE = /\p{N}/u;
const MARK_RE = /\p{M}/u;

function classifyNormalized(ch: string): C {
  if (CJK_RE.test(ch)) return C.Cjk;
  if (LETTER_RE.test(ch)) return C.Letter;
  if (DIGIT_RE.test(ch)) return C.Digit;
  if (MARK_RE.test(ch)) return C.Mark;
  return C.Sep;
}

/** normalised form of one code point, split into [char, class] pairs; cached because NFKC is slow */
interface NormChar {
  chars: string[];
  classes: C[];
}
const normCache = new Map<number, NormChar>();

function normalizeCodePoint(cp: number): NormChar {
  let n = normCache.get(cp);
  if (n) return n;
  let s: string;
  if (cp >= 0xd800 && cp <= 0xdfff) s = ''; // lone surrogate: drop
  else s = String.fromCodePoint(cp).normalize('NFKC').toLowerCase();
  const chars: string[] = [];
  const classes: C[] = [];
  for (const ch of s) {
    chars.push(ch);
    classes.push(classifyNormalized(ch));
  }
  n = { chars, classes };
  if (normCache.size < 100_000) normCache.set(cp, n);
  return n;
}

const stemCache = new Map<string, string>();

/** lower-cased word → index term ('' for a stop word); English words go through lunr's stemmer */
export function wordTerm(word: string): string {
  let t = stemCache.get(word);
  if (t !== undefined) return t;
  if (/^[a-z]+$/.test(word)) {
    const tok = new lunr.Token(word, {});
    t = lunr.stopWordFilter(tok) ? lunr.stemmer(tok).toString() : '';
  } else {
    t = word;
  }
  if (stemCache.size > 200_000) stemCache.clear();
  stemCache.set(word, t);
  return t;
}

export function cjkKey(a: number, b: number): number {
  return (a - CJK_BASE) * CJK_SPAN + (b - CJK_BASE);
}
export function cjkUnigramKey(a: number): number {
  return UNIGRAM_BASE + (a - CJK_BASE);
}
export function isFastCjk(cp: number): boolean {
  return cp >= CJK_BASE && cp < CJK_BASE + CJK_SPAN;
}
export function keyToTerm(key: number): string {
  if (key >= UNIGRAM_BASE) return String.fromCharCode(key - UNIGRAM_BASE + CJK_BASE);
  const a = Math.floor(key / CJK_SPAN);
  return String.fromCharCode(a + CJK_BASE, key - a * CJK_SPAN + CJK_BASE);
}
/** integer key of a CJK term string, or -1 when it is not on the fast path */
export function termToKey(term: string): number {
  if (term.length === 1) {
    const a = term.charCodeAt(0);
    return isFastCjk(a) && CJK_RE.test(term) ? cjkUnigramKey(a) : -1;
  }
  if (term.length === 2) {
    const a = term.charCodeAt(0);
    const b = term.charCodeAt(1);
    return isFastCjk(a) && isFastCjk(b) && CJK_RE.test(term[0]!) && CJK_RE.test(term[1]!) ? cjkKey(a, b) : -1;
  }
  return -1;
}

// Run state is module-level and reused: scan() is not re-entrant, but it is synchronous.
let runCp: number[] = [];
let runStr: string[] = [];
let runStart: number[] = [];
let runEnd: number[] = [];

function runChar(i: number): string {
  const cp = runCp[i]!;
  return cp >= 0 ? String.fromCharCode(cp) : runStr[i]!;
}

function flushRun(n: number, sink: TokenSink): void {
  if (n === 1) {
    const a = runCp[0]!;
    if (a >= 0) sink.key(cjkUnigramKey(a), runStart[0]!, runEnd[0]!);
    else sink.term(runStr[0]!, runStart[0]!, runEnd[0]!);
    return;
  }
  for (let i = 0; i + 1 < n; i++) {
    const a = runCp[i]!;
    const b = runCp[i + 1]!;
    if (a >= 0 && b >= 0) sink.key(cjkKey(a, b), runStart[i]!, runEnd[i + 1]!);
    else sink.term(runChar(i) + runChar(i + 1), runStart[i]!, runEnd[i + 1]!);
  }
}

/**
 * Tokenise `text` (scanning at most `maxChars` UTF-16 units) into the sink. Never throws on any
 * string, including lone surrogates and emoji.
 */
export function scan(text: string, sink: TokenSink, maxChars = Infinity): void {
  const len = Math.min(text.length, maxChars);
  let runN = 0;
  let word = '';
  let wordStart = -1;
  let wordEnd = 0;
  let wordClass: C = C.Sep;

  const endWord = (): void => {
    if (wordStart < 0) return;
    if (word.length <= MAX_WORD) {
      const t = wordClass === C.Digit ? word : wordTerm(word);
      if (t) sink.term(t, wordStart, wordEnd);
    }
    word = '';
    wordStart = -1;
  };
  const pushCjk = (ch: string, start: number, end: number): void => {
    const cp = ch.length === 1 ? ch.charCodeAt(0) : -1;
    runCp[runN] = cp >= 0 && isFastCjk(cp) ? cp : -1;
    runStr[runN] = ch;
    runStart[runN] = start;
    runEnd[runN] = end;
    runN++;
  };
  const endRun = (): void => {
    if (runN > 0) flushRun(runN, sink);
    runN = 0;
  };
  const addWordChar = (ch: string, cls: C, start: number, end: number): void => {
    if (wordStart >= 0 && cls !== wordClass && cls !== C.Mark) endWord();
    if (wordStart < 0) {
      if (cls === C.Mark) return; // a mark with nothing to attach to
      wordStart = start;
      wordClass = cls;
    }
    word += ch;
    wordEnd = end;
  };

  for (let i = 0; i < len; ) {
    const c = text.charCodeAt(i);
    // ASCII fast path
    if (c < 0x80) {
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
        endRun();
        addWordChar(String.fromCharCode(c | 0x20), C.Letter, i, i + 1);
      } else if (c >= 48 && c <= 57) {
        endRun();
        addWordChar(String.fromCharCode(c), C.Digit, i, i + 1);
      } else {
        endRun();
        endWord();
      }
      i++;
      continue;
    }
    // CJK Unified Ideographs (+ Ext A): NFKC-stable, always Han
    if (c >= 0x3400 && c <= 0x9fff) {
      endWord();
      runCp[runN] = c;
      runStr[runN] = '';
      runStart[runN] = i;
      runEnd[runN] = i + 1;
      runN++;
      i++;
      continue;
    }
    let cp = c;
    let w = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        w = 2;
      }
    }
    const n = normalizeCodePoint(cp);
    if (n.chars.length === 0) {
      endRun();
      endWord();
    }
    for (let k = 0; k < n.chars.length; k++) {
      const cls = n.classes[k]!;
      const ch = n.chars[k]!;
      if (cls === C.Cjk) {
        endWord();
        pushCjk(ch, i, i + w);
      } else if (cls === C.Sep) {
        endRun();
        endWord();
      } else {
        endRun();
        addWordChar(ch, cls, i, i + w);
      }
    }
    i += w;
  }
  endRun();
  endWord();
  if (runCp.length > 4096) {
    runCp = [];
    runStr = [];
    runStart = [];
    runEnd = [];
  }
}

export interface Token {
  term: string;
  /** integer key for fast-path CJK terms, -1 otherwise */
  key: number;
  start: number;
  end: number;
  cjk: boolean;
}

const CJK_TERM_RE = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Allocating variant of scan(), for queries and tests. */
export function analyze(text: string, maxChars = Infinity): Token[] {
  const out: Token[] = [];
  scan(
    text,
    {
      key(key, start, end) {
        out.push({ term: keyToTerm(key), key, start, end, cjk: true });
      },
      term(term, start, end) {
        out.push({ term, key: -1, start, end, cjk: CJK_TERM_RE.test(term) });
      },
    },
    maxChars,
  );
  return out;
}

/** just the terms, e.g. for a foreign tokenizer (MiniSearch in the benchmark) */
export function tokenize(text: string): string[] {
  return analyze(text).map((t) => t.term);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** NFKC + lower case, for phrase and synonym matching; safe on lone surrogates */
export function normalizeText(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD').normalize('NFKC').toLowerCase();
}
