import { analyze, normalizeText, type Token } from './analyzer.js';
import { pinyinAlternatives } from './pinyin.js';
import { PINYIN_FIELDS, TEXT_FIELDS } from './schema.js';

/*
 * Turns the user's text into clauses. A clause is one thing the user asked for (a bigram, a word,
 * a synonym group) with alternative ways of matching it; an alternative is a set of terms that
 * must all be present. No clause is ever required: a document matching any clause is a result,
 * and each clause weighs by its idf (BM25 already says that 什么 or 之间 tell little in a pack
 * that uses them everywhere). How much of the query's weight a document covers, and whether it
 * holds the query's words next to each other, raise its score (see scorer.ts and search.ts).
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
  /** counts towards coverage (always true since coverage is weighted by idf; kept for the title share) */
  counted: boolean;
  /** query token range [from, to) it came from, for suggestions */
  from: number;
  to: number;
}
export interface Plan {
  tokens: Token[];
  clauses: Clause[];
  /** clauses a document must satisfy: always 1, coverage ranks instead of filtering */
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

  const clauses: Clause[] = [];
  const seen = new Set<string>();
  const add = (c: { from: number; to: number; alts: Alt[] }): void => {
    const alts = c.alts.filter(present);
    const key = c.alts.map((a) => a.terms.map((t) => t.term).join('+') + '@' + a.fields.join()).join('|');
    // A clause nothing contains cannot change any document's rank: every document misses it.
    if (alts.length === 0 || seen.has(key)) return;
    seen.add(key);
    clauses.push({ alts, counted: true, from: c.from, to: c.to });
  };
  for (let i = 0; i < tokens.length; i++) {
    if (covered[i]! >= 0) {
      const c = merged[covered[i]!]!;
      if (c.from === i) add(c);
    } else add({ from: i, to: i + 1, alts: tokenAlts[i]! });
  }
  // A character whose bigrams on both sides are unknown (蓍 in 蓍的别名是什么) would otherwise be
  // lost; like a one-character query, it matches the index terms that contain it.
  const knownBigram = (k: number): boolean => {
    const t = tokens[k];
    return !!t && t.cjk && t.term.length === 2 && ix.resolve(t.term, t.key).dfText > 0;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.cjk || t.term.length !== 2 || t.term.codePointAt(0)! > 0xffff) continue;
    const prevJoins = i > 0 && tokens[i - 1]!.cjk && tokens[i - 1]!.end > t.start;
    const nextJoins = i + 1 < tokens.length && tokens[i + 1]!.cjk && tokens[i + 1]!.start < t.end;
    const orphan = (ch: string, other: boolean, otherKnown: boolean): void => {
      if (knownBigram(i) || (other && otherKnown)) return;
      const alts = ix.termsWithChar(ch, 12).map((b) => simple(b, TEXT_FIELDS, b === ch ? 1 : CHAR_EXPANSION_BOOST));
      if (alts.length) add({ from: i, to: i + 1, alts });
    };
    orphan(t.term[0]!, prevJoins, prevJoins && knownBigram(i - 1));
    if (!nextJoins) orphan(t.term[1]!, false, false);
  }

  if (clauses.length > MAX_CLAUSES) {
    // keep the most selective clauses; huge pasted queries stay bounded in time
    const minDf = (c: Clause): number => Math.min(...c.alts.map((a) => Math.max(...a.terms.map((t) => t.dfText + t.dfPinyin))));
    const keep = new Set([...clauses].sort((a, b) => minDf(a) - minDf(b)).slice(0, MAX_CLAUSES));
    for (let i = clauses.length - 1; i >= 0; i--) if (!keep.has(clauses[i]!)) clauses.splice(i, 1);
  }
  const counted = clauses.length;
  const required = 1;
  return { tokens, clauses, required, counted, phrase: phrase(norm, tokens), text: norm };
}
