import { SearchEngine } from '../electron/core/search/index.js';
import { buildLunrZh, buildMiniSearch, searchLunrZh } from './baselines.js';
import { loadDevSet, scoreDevSet, type DevScores } from './devset.js';

/** the dev-set quality table: Handbook, MiniSearch + bigrams, lunr + lunr-languages zh, same run */

export interface DevRow extends DevScores {
  engine: string;
}

export const DEV_TARGETS: Record<keyof DevScores, number | null> = {
  questionsMrr: 0.99,
  questionsTop1: 0.98,
  questionsMissed: null,
  keywordsTop10: 0.99,
  keywordsTop1: 0.98,
};

export function runDevSet(only?: string[]): { rows: DevRow[]; table: string; file: string; sizes: string } {
  const set = loadDevSet();
  const engines: Array<{ name: string; search: () => (q: string) => string[] }> = [
    {
      name: 'Handbook',
      search: () => {
        const e = SearchEngine.build(set.docs);
        return (q) => e.search({ query: q, limit: 10 }).hits.map((h) => h.id);
      },
    },
    {
      name: 'MiniSearch + bigrams',
      search: () => {
        const ms = buildMiniSearch(set.docs);
        return (q) =>
          ms
            .search(q)
            .slice(0, 10)
            .map((r) => r.id as string);
      },
    },
    {
      name: 'lunr + lunr-languages zh',
      search: () => {
        const idx = buildLunrZh(set.docs);
        return (q) =>
          searchLunrZh(idx, q)
            .slice(0, 10)
            .map((r) => r.ref);
      },
    },
  ];
  const rows: DevRow[] = [];
  for (const e of engines) {
    if (only && !only.some((o) => e.name.toLowerCase().startsWith(o.toLowerCase()))) continue;
    rows.push({ engine: e.name, ...scoreDevSet(set, e.search()) });
  }
  const sizes = `${set.docs.length} paragraphs, ${set.questions.length} questions, ${set.keywords.length} keyword queries`;
  const metric = (label: string, key: keyof DevScores): string => {
    const t = DEV_TARGETS[key];
    return `| ${label} | ${rows.map((r) => r[key]).join(' | ')} | ${t === null ? '' : `≥ ${t}, ahead of both`} |`;
  };
  const table = [
    `| metric | ${rows.map((r) => r.engine).join(' | ')} | target |`,
    `|---|${rows.map(() => '---:').join('|')}|---|`,
    metric('questions: MRR@10', 'questionsMrr'),
    metric('questions: top-1', 'questionsTop1'),
    metric('questions: own paragraph not in top 10', 'questionsMissed'),
    metric('keywords: a containing paragraph in top 10', 'keywordsTop10'),
    metric('keywords: a containing paragraph first', 'keywordsTop1'),
  ].join('\n');
  return { rows, table, file: set.file, sizes };
}
