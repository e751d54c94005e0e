import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SearchDoc } from '../electron/core/search/index.js';

/*
 * The public dev set: CMRC 2018 trial (real Chinese Wikipedia paragraphs and questions people
 * wrote about them; CC BY-SA 4.0, credited in the README). It is read from ../shared/eval beside
 * the repository and never copied into it. Each paragraph becomes one article; each question
 * should find its own paragraph; each answer span of 2–12 characters is a keyword query that
 * should find a paragraph containing it.
 */

export const DEVSET_FILE = 'cmrc2018_trial.json';

interface Squad {
  data: Array<{ title?: string; paragraphs: Array<{ id: string; context: string; qas: Array<{ question: string; answers: Array<{ text: string }> }> }> }>;
}

export interface DevSet {
  file: string;
  docs: SearchDoc[];
  questions: Array<{ q: string; id: string }>;
  /** answer spans with every document that contains them */
  keywords: Array<{ q: string; ids: Set<string> }>;
}

/** where the dev set is looked for: $HANDBOOK_EVAL_DIR, then shared/eval beside the repo (or beside its worktree folder) */
export function devSetCandidates(repo = process.cwd()): string[] {
  const env = process.env.HANDBOOK_EVAL_DIR;
  return [...(env ? [path.resolve(env, DEVSET_FILE)] : []), path.resolve(repo, '../shared/eval', DEVSET_FILE), path.resolve(repo, '../../shared/eval', DEVSET_FILE)];
}

export function loadDevSet(repo = process.cwd()): DevSet {
  const file = devSetCandidates(repo).find((f) => existsSync(f));
  if (!file) {
    throw new Error(`dev set not found: put ${DEVSET_FILE} (CMRC 2018 trial) in ../shared/eval/ beside the repository or set HANDBOOK_EVAL_DIR (looked in ${devSetCandidates(repo).join(', ')})`);
  }
  const squad = JSON.parse(readFileSync(file, 'utf8')) as Squad;
  const docs: SearchDoc[] = [];
  const questions: DevSet['questions'] = [];
  const spans = new Set<string>();
  for (const article of squad.data) {
    for (const p of article.paragraphs) {
      docs.push({ id: p.id, kind: 'article', title: article.title ?? '', headings: [], body: p.context, tags: [], roles: [], category: '', platforms: [], hash: p.id });
      for (const qa of p.qas) {
        questions.push({ q: qa.question, id: p.id });
        for (const a of qa.answers) {
          const t = a.text.trim();
          const n = [...t].length;
          if (n >= 2 && n <= 12) spans.add(t);
        }
      }
    }
  }
  const keywords = [...spans].map((q) => ({ q, ids: new Set(docs.filter((d) => d.title.includes(q) || d.body.includes(q)).map((d) => d.id)) }));
  return { file, docs, questions, keywords: keywords.filter((k) => k.ids.size > 0) };
}

export interface DevScores {
  questionsMrr: number;
  questionsTop1: number;
  /** questions whose paragraph is not in the top 10 */
  questionsMissed: number;
  keywordsTop10: number;
  keywordsTop1: number;
}

/** run every query of the dev set through `search` (ids, best first) and score it */
export function scoreDevSet(set: DevSet, search: (q: string) => string[]): DevScores {
  let rr = 0;
  let q1 = 0;
  let missed = 0;
  for (const { q, id } of set.questions) {
    const rank = search(q).slice(0, 10).indexOf(id);
    if (rank >= 0) rr += 1 / (rank + 1);
    else missed++;
    if (rank === 0) q1++;
  }
  let k10 = 0;
  let k1 = 0;
  for (const { q, ids } of set.keywords) {
    const top = search(q).slice(0, 10);
    if (top.some((d) => ids.has(d))) k10++;
    if (top.length && ids.has(top[0]!)) k1++;
  }
  const nq = Math.max(1, set.questions.length);
  const nk = Math.max(1, set.keywords.length);
  const r3 = (x: number): number => Math.round(x * 10000) / 10000; // 4 places: a target of 0.99 must not be met by rounding
  return { questionsMrr: r3(rr / nq), questionsTop1: r3(q1 / nq), questionsMissed: missed, keywordsTop10: r3(k10 / nk), keywordsTop1: r3(k1 / nk) };
}
