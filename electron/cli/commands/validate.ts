import path from 'node:path';
import { loadPack } from '../../core/index.js';
import { parse } from '../args.js';
import { defaultContentDir } from '../paths.js';

export const validateHelp = `Usage: handbook validate [--content DIR] [--json]

Checks a content pack: unreadable files, wrong encodings, broken front matter, wrong field types,
oversized or too deeply nested files, markdown too slow to parse (over 3 s + 4 s per MB: shown as
plain text), duplicate ids, broken links and wiki links, missing images, symbolic links, tracks and
quizzes. Prints one line per problem (path:line: severity [code] message),
or with --json one object { content, ok, counts, summary, problems }.
Exit 0 when clean, 1 when problems were found, 2 on bad usage.`;

export async function validate(argv: string[]): Promise<number> {
  const { values } = parse(argv, { content: { type: 'string' }, data: { type: 'string' }, json: { type: 'boolean' } });
  if (values.help) return console.log(validateHelp), 0;
  const dir = path.resolve(values.content ?? defaultContentDir());
  const pack = await loadPack(dir);
  const problems = [...pack.problems].sort((a, b) => a.path.localeCompare(b.path) || (a.line ?? 0) - (b.line ?? 0));
  const counts = { articles: pack.articles.size, roles: pack.roles.size, tracks: pack.tracks.size, quizzes: pack.quizzes.size };
  const errors = problems.filter((p) => p.severity === 'error').length;
  const summary = { errors, warnings: problems.length - errors };
  if (values.json) {
    console.log(JSON.stringify({ content: dir, ok: problems.length === 0, counts, summary, problems }, null, 2));
  } else {
    for (const p of problems) console.log(`${p.path}${p.line ? ':' + p.line : ''}: ${p.severity} [${p.code}] ${p.message}`);
    const loaded = `${counts.articles} articles, ${counts.roles} roles, ${counts.tracks} tracks, ${counts.quizzes} quizzes`;
    console.log(problems.length ? `${errors} error(s), ${summary.warnings} warning(s) in ${dir} (${loaded} loaded)` : `OK: ${dir} (${loaded})`);
  }
  return problems.length ? 1 : 0;
}
