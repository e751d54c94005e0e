import { analyze, normalizeText, wordTerm } from './analyzer.js';
import { planQuery } from './plan.js';
import { countMatches, type SearchContext } from './context.js';

/*
 * When nothing matches, propose queries that do: spelling corrections of unknown Latin words,
 * synonyms, and shorter queries. Every proposal is verified against the index (same filters),
 * so the UI never offers a suggestion that leads to another empty page.
 */

const MAX_SUGGESTIONS = 5;
const MAX_CHECKS = 16;

/** a surface form of an index term, found in a document that contains it */
function surfaceOf(ctx: SearchContext, term: string): string | null {
  const qt = ctx.view.resolve(term, -1);
  const { base, table } = ctx;
  let doc = -1;
  if (qt.baseId >= 0) {
    for (let f = 0; f < 3 && doc < 0; f++) {
      const off = base.offsets[f]!;
      if (off[qt.baseId + 1]! > off[qt.baseId]!) doc = base.docs[f]![off[qt.baseId]!]!;
    }
  }
  if (doc < 0 && qt.delta) for (let f = 0; f < 3 && doc < 0; f++) if (qt.delta[f]!.length) doc = qt.delta[f]![0]!;
  if (doc < 0) return null;
  for (const text of [table.titles[doc]!, table.heading(doc), table.body(doc)]) {
    for (const m of text.slice(0, 50_000).matchAll(/[A-Za-z]+/g)) {
      if (wordTerm(m[0].toLowerCase()) === term) return m[0].toLowerCase();
    }
  }
  return null;
}

export function suggest(
  ctx: SearchContext,
  query: string,
  filter: ((d: number) => boolean) | null,
): string[] {
  const norm = normalizeText(query).replace(/\s+/g, ' ').trim();
  if (!norm || norm.length > 200) return [];
  const candidates: string[] = [];

  // spelling: unknown Latin words → closest known word; later candidates build on the corrected text
  let fixedText = norm;
  for (const m of norm.matchAll(/[a-z]{3,}/g)) {
    const term = wordTerm(m[0]);
    if (!term || ctx.view.resolve(term, -1).dfText > 0) continue;
    for (let dist = 1; dist <= 2; dist++) {
      const fixed = ctx.view.expandLatin(term, dist, 3).map((t) => surfaceOf(ctx, t)).find((s) => s);
      if (fixed) {
        fixedText = fixedText.replace(m[0], fixed);
        break;
      }
    }
  }
  if (fixedText !== norm) candidates.push(fixedText);
  // synonyms
  for (const group of ctx.view.synonyms) {
    for (const member of group) {
      if (!member.text || !fixedText.includes(member.text)) continue;
      for (const other of group) if (other !== member) candidates.push(fixedText.replace(member.text, other.text));
    }
  }
  // shorter: drop space-separated parts, or trim long CJK runs to their best-known words
  const parts = fixedText.split(' ').filter(Boolean);
  if (parts.length > 1) {
    for (let i = 0; i < parts.length; i++) candidates.push(parts.filter((_, j) => j !== i).join(' '));
    candidates.push(...parts);
  }
  for (const run of fixedText.match(/\p{sc=Han}{3,}/gu) ?? []) {
    candidates.push(run.slice(0, -1), run.slice(1));
    const bigrams = analyze(run)
      .map((t) => ({ term: t.term, df: ctx.view.resolve(t.term, t.key).dfText }))
      .filter((b) => b.df > 0)
      .sort((x, y) => y.df - x.df);
    candidates.push(...bigrams.slice(0, 3).map((b) => b.term));
  }

  const out: string[] = [];
  const seen = new Set<string>([norm]);
  let checks = 0;
  for (const c of candidates) {
    const s = c.trim();
    if (!s || seen.has(s)) continue;
    seen.add(s);
    if (++checks > MAX_CHECKS) break;
    if (countMatches(ctx, planQuery(ctx.view, s), filter) > 0) out.push(s);
    if (out.length >= MAX_SUGGESTIONS) break;
  }
  return out;
}
