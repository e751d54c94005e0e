import fs from 'node:fs';
import path from 'node:path';
import { ackReport } from '../../core/acknowledge/status.js';
import { ackCsv, packLanguage, reminderText } from '../../core/acknowledge/reminder.js';
import { loadPack } from '../../core/index.js';
import { localToday } from '../../core/onboarding/dates.js';
import { openStoreReadOnly } from '../../core/store/store.js';
import { parse, UsageError } from '../args.js';
import { defaultContentDir, defaultDataDir } from '../paths.js';

export const ackHelp = `Usage: handbook ack report [--data DIR] [--content DIR] [--json | --csv] [--out FILE]

阅读确认: who has confirmed which policy version and who has not. Without --json or --csv, prints
the reminder to paste into the team chat (in the pack's language). Exit 0 when nobody is overdue,
1 when some confirmations are overdue. Works while Handbook is running (reads only).`;

export async function ack(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    content: { type: 'string' }, data: { type: 'string' }, json: { type: 'boolean' }, csv: { type: 'boolean' }, out: { type: 'string' },
  }, 1);
  if (values.help) return console.log(ackHelp), 0;
  if (positionals[0] !== 'report') throw new UsageError(positionals[0] ? `unknown subcommand "${positionals[0]}"` : 'missing subcommand: report');
  if (values.json && values.csv) throw new UsageError('choose one of --json and --csv');
  // Whoever runs this can read the data folder's files anyway: no trainer session is asked here.
  const pack = await loadPack(path.resolve(values.content ?? defaultContentDir()));
  const store = openStoreReadOnly(path.resolve(values.data ?? defaultDataDir()));
  try {
    const today = localToday();
    const articles = ackReport(store, pack, today);
    const lang = packLanguage(pack.info.language);
    const overdue = articles.reduce((n, a) => n + a.overdue, 0);
    const text = values.json
      ? JSON.stringify({ today, articles, overdue, reminder: reminderText(articles, lang) }, null, 2) + '\n'
      : values.csv ? ackCsv(articles, lang) : (reminderText(articles, lang) || (lang === 'en' ? 'Everyone has confirmed every policy.' : '所有人都已确认全部制度。')) + '\n';
    if (values.out) {
      fs.writeFileSync(values.out, text, 'utf8');
      console.error(`wrote ${values.out}`);
    } else process.stdout.write(text);
    return overdue > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}
