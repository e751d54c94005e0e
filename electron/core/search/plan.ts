import { analyze, normalizeText, type Token } from './analyzer.js';
import { pinyinAlternatives } from './pinyin.js';
import { PINYIN_FIELDS, TEXT_FIELDS } from './schema.js';

/*
 * Turns the user's text into clauses. A clause is one thing the user asked for (a bigram, a word,
 * a synonym group) with alternative ways of matching it; an alternative is a set of terms that
 * must all be present. Coverage — how many clauses a document satisfies — decides what matches:
 * short keyword queries need (nearly) all clauses, long questions only some, so a question like
 * 顾客收到货以后想退款应该怎么处理 is ranked by relevance instead of requiring every bigram.
 */

export interface QTerm {
  term: string;
  key: number;
  baseId: number;
  delta: number[][] | undefined;
  /** documents-with-term summed over fields, as lunr.idf counts it */
  df: number;
  /** the same restricted to the text fields / the pinyin field: what decides presence */
  dfText: number;
  dfPinyin: number;
}
export interface Alt {
  terms: QTerm[];
  fields: number[];
  boost: number;
}
export interface Clause {
  alts: Alt[];
  /** counts towards coverage (function words like 怎么 only add score) */
  counted: boolean;
  /** query token range [from, to) it came from, for suggestions */
  from: number;
  to: number;
}
export interface Plan {
  tokens: Token[];
  clauses: Clause[];
  /** clauses a document must satisfy */
  required: number;
  counted: number;
  phrase: Phrase | null;
  /** the normalised query, for suggestions */
  text: string;
}

export interface SynonymMember {
  text: string;
  terms: string[];
}
export interface IndexView {
  resolve(term: string, key: number): QTerm;
  /** index terms within edit distance (or with the prefix, when distance is -1), most frequent first */
  expandLatin(word: string, distance: number, limit: number): string[];
  /** CJK bigram terms containing the character, most frequent first */
  termsWithChar(ch: string, limit: number): string[];
  synonyms: SynonymMember[][];
}

export const MAX_QUERY_CHARS = 1000;
const MAX_CLAUSES = 24;
const FUZZY_BOOST = [1, 0.35, 0.2];
const PREFIX_BOOST = 0.5;
const PINYIN_BOOST = 0.8;
const SYNONYM_BOOST = 0.85;
const CHAR_EXPANSION_BOOST = 0.6;

/** function words of questions: they add a little score but never decide whether a document matches */
const CJK_STOP = new Set(
  (
    '怎么 如何 什么 怎样 为什 么样 哪些 哪里 哪个 应该 可以 需要 是否 能否 请问 一下 我们 你们 他们 ' +
    '这个 那个 这些 那些 的话 如果 还是 或者 然后 就是 一个 已经 么办 该怎 要怎 能不 不能 有没 没有 时候 ' +
    '我的 你的 的时 候怎 么处 吗？ 了吗 的是 多久 多少 多长 多大 多快 几天 几个 能不 可不 找谁 问谁 什么 么时'
  ).split(' '),
);

const CJK_CHAR = '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Hangul}';
const UNIT_SPLIT = new RegExp(`(?<=[${CJK_CHAR}])(?=[^${CJK_CHAR}])|(?<=[^${CJK_CHAR}])(?=[${CJK_CHAR}])`, 'u');

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** separators allowed between the words of a phrase; explicit ranges so the regex needs no 'u' flag (10× faster with 'i') */
const PHRASE_GAP =
  '[\\s\\x21-\\x2f\\x3a-\\x40\\x5b-\\x60\\x7b-\\x7e\\xa0-\\xbf\\u2000-\\u206f\\u3000-\\u303f\\uff00-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65]{0,3}';

export interface Phrase {
  re: RegExp;
  /** a caseless piece of the phrase (CJK or digits) for a cheap includes() before the regex */
  probe: string;
}

export function phraseTest(p: Phrase, text: string): boolean {
  return (!p.probe || text.includes(p.probe)) && p.re.test(text);
}

/** the query as a whole, tolerant to spacing/punctuation between its words and between scripts */
function phrase(norm: string, tokens: Token[]): Phrase | null {
  // A single word is its own phrase: 退款 in a title must outrank a synonym-only match (refund).
  if (tokens.length === 0 || norm.length > 200 || (tokens.length === 1 && [...norm].length < 2)) return null;
  const units: string[] = [];
  for (const u of norm.match(/[\p{L}\p{N}\p{M}]+/gu) ?? []) units.push(...u.split(UNIT_SPLIT));
  if (units.length === 0) return null;
  let probe = '';
  for (const u of units) if (u.length > probe.length && u.toLowerCase() === u.toUpperCase()) probe = u;
  try {
    return { re: new RegExp(units.map(escapeRe).join(PHRASE_GAP), 'i'), probe };
  } catch {
    return null;
  }
}

export function prepareSynonyms(groups: string[][] | undefined): SynonymMember[][] {
  const out: SynonymMember[][] = [];
  for (const g of groups ?? []) {
    const members = g
      .map((text) => ({ text: normalizeText(String(text)).trim(), terms: analyze(String(text)).map((t) => t.term) }))
      .filter((m) => m.terms.length > 0);
    if (members.length > 1) out.push(members);
  }
  return out;
}

const segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;

/**
 * Whether a CJK bigram of the query spans two words (退款流程 → 款流). Such a bigram still adds
 * score but is not something the person asked for, so it must not decide what matches. A boundary
 * counts between two words of 2+ characters, or where one side is a grammar character; other single
 * characters are where the dictionary segmenter is unsure.
 */
/** Characters that, standing alone as a word, only carry grammar: 要 in 备货要提前, 了 in 冲突了找谁. */
const FUNCTION_CHARS = new Set([...'了要的吗呢啊吧是在和与就也都还又被把给让对从向到等个些么谁啥哪怎多少几能会可该想找做有没不很太更最把将才再']);

function wordBoundaries(raw: string): (t: Token) => boolean {
  if (!segmenter || raw.length > 400) return () => false;
  const wordAt = new Int32Array(raw.length).fill(-1);
  const words: string[] = [];
  for (const seg of segmenter.segment(raw)) {
    if (!seg.isWordLike) continue;
    const id = words.length;
    words.push(seg.segment);
    for (let k = seg.index; k < seg.index + seg.segment.length; k++) wordAt[k] = id;
  }
  // A lone character is either a real one-character word (货) or grammar (要); only grammar is dropped.
  const weak = (w: string) => [...w].length >= 2 || FUNCTION_CHARS.has(w);
  return (t) => {
    if (t.end - t.start < 2) return false;
    const a = wordAt[t.start]!;
    const b = wordAt[t.end - 1]!;
    if (a < 0 || b < 0 || a === b) return false;
    const [wa, wb] = [words[a]!, words[b]!];
    return ([...wa].length >= 2 && [...wb].length >= 2) || (weak(wa) && weak(wb) && (FUNCTION_CHARS.has(wa) || FUNCTION_CHARS.has(wb)));
  };
}

function requiredFor(m: number): number {
  // Two words: either may be missing (退款流程 must still find 退款与退货处理, which never says 流程);
  // documents with both rank first through the coverage factor.
  if (m <= 2) return 1;
  if (m <= 4) return m - 1;
  return Math.max(3, Math.ceil(m * 0.4));
}

export function planQuery(ix: IndexView, query: string): Plan {
  const raw = String(query ?? '').slice(0, MAX_QUERY_CHARS);
  const tokens = analyze(raw);
  const norm = normalizeText(raw).trim();
  const endsOpen = raw.length > 0 && !/[\s\p{P}]$/u.test(raw);
  const present = (a: Alt): boolean =>
    a.terms.length > 0 && a.terms.every((t) => (a.fields === PINYIN_FIELDS ? t.dfPinyin : t.dfText) > 0);
  const exact = (t: Token, fields = TEXT_FIELDS, boost = 1): Alt => ({ terms: [ix.resolve(t.term, t.key)], fields, boost });
  const simple = (term: string, fields: number[], boost: number): Alt => ({ terms: [ix.resolve(term, -1)], fields, boost });

  // alternatives per token
  const tokenAlts: Alt[][] = tokens.map((t, i) => {
    const alts: Alt[] = [exact(t)];
    if (t.cjk) {
      if (t.term.length === 1 || (t.term.length === 2 && t.term.codePointAt(0)! > 0xffff)) {
        for (const b of ix.termsWithChar(t.term, 12)) if (b !== t.term) alts.push(simple(b, TEXT_FIELDS, CHAR_EXPANSION_BOOST));
      }
      return alts;
    }
    if (/^\p{N}+$/u.test(t.term)) return alts;
    const surface = normalizeText(raw.slice(t.start, t.end));
    if (surface.length >= 4 && alts[0]!.terms[0]!.dfText === 0) {
      // typo: only when the word itself is unknown, otherwise "return" would drift to "retain"
      const d = surface.length >= 8 ? 2 : 1;
      for (const w of ix.expandLatin(t.term, d, 4)) if (w !== t.term) alts.push(simple(w, TEXT_FIELDS, FUZZY_BOOST[d]!));
    }
    if (i === tokens.length - 1 && endsOpen && surface.length >= 2) {
      for (const w of ix.expandLatin(surface, -1, 6)) if (w !== t.term) alts.push(simple(w, TEXT_FIELDS, PREFIX_BOOST));
    }
    const known = alts[0]!.terms[0]!.dfText > 0;
    for (const pairs of pinyinAlternatives(surface)) {
      if (known && pairs.every((p) => p.length === 2)) continue; // initials of a real word: noise
      alts.push({ terms: pairs.map((p) => ix.resolve(p, -1)), fields: PINYIN_FIELDS, boost: PINYIN_BOOST });
    }
    return alts;
  });

  // synonym groups merge the clauses of the tokens they cover
  const covered: number[] = new Array(tokens.length).fill(-1);
  const merged: Array<{ from: number; to: number; alts: Alt[] }> = [];
  for (const group of ix.synonyms) {
    for (const m of group) {
      const L = m.terms.length;
      for (let i = 0; i + L <= tokens.length; i++) {
        let ok = true;
        for (let k = 0; k < L && ok; k++) ok = tokens[i + k]!.term === m.terms[k] && covered[i + k] === -1;
        if (!ok) continue;
        const alts: Alt[] =
          L === 1 ? [...tokenAlts[i]!] : [{ terms: m.terms.map((t) => ix.resolve(t, -1)), fields: TEXT_FIELDS, boost: 1 }];
        for (const o of group) {
          if (o === m) continue;
          alts.push({ terms: o.terms.map((t) => ix.resolve(t, -1)), fields: TEXT_FIELDS, boost: SYNONYM_BOOST });
        }
        for (let k = 0; k < L; k++) covered[i + k] = merged.length;
        merged.push({ from: i, to: i + L, alts });
      }
    }
  }

  const crossesWords = wordBoundaries(raw);
  const isStop = (k: number): boolean => !!tokens[k]?.cjk && CJK_STOP.has(tokens[k]!.term);
  const touchesStop = (i: number): boolean =>
    (isStop(i - 1) && tokens[i - 1]!.end > tokens[i]!.start) || (isStop(i + 1) && tokens[i + 1]!.start < tokens[i]!.end);
  const clauses: Clause[] = [];
  const seen = new Set<string>();
  let absent = 0;
  let absentCjk = 0;
  for (let i = 0; i < tokens.length; i++) {
    let c: { from: number; to: number; alts: Alt[] };
    if (covered[i]! >= 0) {
      c = merged[covered[i]!]!;
      if (c.from !== i) continue;
    } else {
      c = { from: i, to: i + 1, alts: tokenAlts[i]! };
    }
    // A bigram that overlaps a question word belongs to the question, not the topic (怎么算 → 么算).
    const counted = !(c.to - c.from === 1 && tokens[i]!.cjk && (CJK_STOP.has(tokens[i]!.term) || touchesStop(i) || crossesWords(tokens[i]!)));
    const alts = c.alts.filter(present);
    const key = c.alts.map((a) => a.terms.map((t) => t.term).join('+') + '@' + a.fields.join()).join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    if (alts.length === 0) {
      // Nothing has it, so it cannot match — but a word the user typed still counts: "退款 xyzzy"
      // should not silently become "退款" (the suggestions offer that). An unknown CJK bigram
      // usually straddles two words of a long question, so it only counts in short queries.
      if (counted) (tokens[i]!.cjk ? absentCjk++ : absent++);
      continue;
    }
    clauses.push({ alts, counted, from: c.from, to: c.to });
  }

  if (!clauses.some((c) => c.counted)) for (const c of clauses) c.counted = true;
  const countedAll = clauses.filter((c) => c.counted).length;
  if (clauses.length > MAX_CLAUSES) {
    // keep the most selective clauses; huge pasted queries stay bounded in time
    const minDf = (c: Clause): number => Math.min(...c.alts.map((a) => Math.max(...a.terms.map((t) => t.dfText + t.dfPinyin))));
    const keep = new Set([...clauses].sort((a, b) => minDf(a) - minDf(b)).slice(0, MAX_CLAUSES));
    for (let i = clauses.length - 1; i >= 0; i--) if (!keep.has(clauses[i]!)) clauses.splice(i, 1);
  }
  const counted = clauses.filter((c) => c.counted).length;
  // Absent CJK bigrams are not counted: without spaces, most of them straddle two words
  // (标题优化技巧 → 化技), and counting them turned ordinary questions into zero results.
  void absentCjk;
  // A word no document contains does not empty the results: "refund policy" in a pack that never
  // says "policy" still finds the refund SOP. Only when nothing at all matches come suggestions.
  void absent;
  const required = Math.max(1, Math.min(requiredFor(countedAll), counted));
  return { tokens, clauses, required, counted, phrase: phrase(norm, tokens), text: norm };
}
