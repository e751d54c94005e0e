import fs from 'node:fs';
import path from 'node:path';
import { loadPack } from '../../core/index.js';
import { exportProgress } from '../../core/onboarding/exchange.js';
import { openStoreReadOnly } from '../../core/store/store.js';
import { parse, UsageError } from '../args.js';
import { defaultContentDir, defaultDataDir } from '../paths.js';

export const progressHelp = `Usage: handbook progress export [--data DIR] [--content DIR] [--format csv|json] [--lang zh-CN|en] [--out FILE]

Exports everyone's onboarding progress. CSV (the default) is UTF-8 with a BOM so Excel shows
Chinese correctly; JSON can be imported into Handbook on another computer. Writes to stdout
unless --out is given. The data folder must not be open in a running Handbook.`;

export async function progress(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    content: { type: 'string' }, data: { type: 'string' }, format: { type: 'string' }, lang: { type: 'string' }, out: { type: 'string' },
  }, 1);
  if (values.help) return console.log(progressHelp), 0;
  if (positionals[0] !== 'export') throw new UsageError(positionals[0] ? `unknown subcommand "${positionals[0]}"` : 'missing subcommand: export');
  const format = values.format ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw new UsageError('--format must be csv or json');
  const language = values.lang ?? 'zh-CN';
  if (language !== 'zh-CN' && language !== 'en') throw new UsageError('--lang must be zh-CN or en');
  // Whoever runs this can read the data folder's files anyway: no trainer session is asked here.
  const pack = await loadPack(path.resolve(values.content ?? defaultContentDir()));
  const store = openStoreReadOnly(path.resolve(values.data ?? defaultDataDir()));
  try {
    const file = exportProgress(store, pack, { format, language });
    if (values.out) {
      fs.writeFileSync(values.out, file.content, 'utf8');
      console.error(`wrote ${values.out}`);
    } else {
      process.stdout.write(file.content);
    }
  } finally {
    await store.close();
  }
  return 0;
}
