import fs from 'node:fs';
import path from 'node:path';
import { loadPack } from '../../core/index.js';
import { withGeneralSynonyms } from '../../core/search/generalSynonyms.js';
import { createSearchService, type SearchQuery } from '../../core/search/index.js';
import { packToSearchDocs } from '../../core/search/searchDocs.js';
import { intOption, parse, UsageError } from '../args.js';
import { defaultContentDir, defaultDataDir, searchWorkerFile } from '../paths.js';

export const searchHelp = `Usage: handbook search [QUERY] [--content DIR] [--data DIR] [--role R] [--tag T] [--limit N] [--json]
                       [--queries FILE.jsonl]

Searches a content pack (Chinese, English, mixed, pinyin, small typos). The index is cached in the
data folder and reused while the content is unchanged.
  --json               one JSON object: {"query","results":[{"id","title","score","snippet"}],"ms"}
  --queries FILE.jsonl batch: one {"query": …} per line in (optional "role", "tag", "limit"),
                       one {"query","results":[…],"ms"} per line out; the index is built once`;

interface Line { query: string; role?: string; tag?: string; limit?: number }

function readQueries(file: string): Line[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
  return text.split('\n').map((l, i) => [l.trim(), i + 1] as const).filter(([l]) => l).map(([l, n]) => {
    let v: any;
    try {
      v = JSON.parse(l);
    } catch {
      throw new UsageError(`${file}:${n}: not valid JSON`);
    }
    if (!v || typeof v.query !== 'string') throw new UsageError(`${file}:${n}: each line needs a "query" string`);
    return v as Line;
  });
}

export async function search(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    content: { type: 'string' }, data: { type: 'string' }, role: { type: 'string' }, tag: { type: 'string' },
    limit: { type: 'string' }, json: { type: 'boolean' }, queries: { type: 'string' },
  }, 1);
  if (values.help) return console.log(searchHelp), 0;
  const limit = intOption(values.limit, 'limit', 1, 100) ?? 10;
  const batch = values.queries ? readQueries(values.queries) : null;
  if (!batch && positionals[0] === undefined) throw new UsageError('give a QUERY or --queries FILE.jsonl');
  if (batch && positionals[0] !== undefined) throw new UsageError('give either a QUERY or --queries, not both');

  const pack = await loadPack(path.resolve(values.content ?? defaultContentDir()));
  const worker = searchWorkerFile();
  const service = createSearchService({
    cacheDir: path.join(path.resolve(values.data ?? defaultDataDir()), 'search-cache'),
    synonyms: withGeneralSynonyms(pack.info.synonyms),
    workerScript: fs.existsSync(worker) ? worker : undefined,
  });
  try {
    service.setDocs(packToSearchDocs(pack));
    await service.ready();
    const run = async (q: SearchQuery) => {
      const r = await service.search(q);
      return { query: q.query, results: r.hits.map((h) => ({ id: h.id, title: h.title, score: Number(h.score.toFixed(4)), snippet: h.snippet })), ms: Number(r.ms.toFixed(3)), total: r.total };
    };
    if (batch) {
      for (const line of batch) {
        const { total: _total, ...out } = await run({ query: line.query, role: line.role, tag: line.tag, limit: line.limit ?? limit });
        process.stdout.write(JSON.stringify(out) + '\n');
      }
      return 0;
    }
    const out = await run({ query: positionals[0], role: values.role, tag: values.tag, limit });
    if (values.json) {
      const { total: _total, ...rest } = out;
      console.log(JSON.stringify(rest));
    } else {
      console.log(`${out.total} result(s) for "${out.query}" in ${out.ms} ms`);
      out.results.forEach((r, i) => console.log(`${i + 1}. ${r.title}  [${r.id}]\n   ${r.snippet}`));
    }
    return 0;
  } finally {
    await service.close();
  }
}
