import type { ImportResult, ProgressFile } from '../../contract.js';
import type { Pack } from '../content/pack.js';
import { requireProfile } from '../profiles/profiles.js';
import type { Store } from '../store/store.js';
import { progressCsv, type CsvLanguage } from './csv.js';
import { localToday } from './dates.js';
import { parseExportFile, toExportFile } from './exportFile.js';
import { mergeProgress } from './merge.js';
import { keySetOf } from '../trust/verify.js';

const safeName = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '-').slice(0, 40);

export function exportProgress(store: Store, pack: Pack, req: { format: 'csv' | 'json'; profileId?: string; language?: CsvLanguage }, now = new Date()): ProgressFile {
  const who = req.profileId ? '-' + safeName(requireProfile(store, req.profileId).name) : '';
  const today = localToday(now);
  const base = `handbook-progress${who}-${today}`;
  if (req.format === 'csv') {
    return { filename: base + '.csv', mimeType: 'text/csv;charset=utf-8', content: progressCsv(store, pack, today, req.language ?? 'zh-CN', req.profileId) };
  }
  return { filename: base + '.json', mimeType: 'application/json', content: JSON.stringify(toExportFile(store.data, pack.info.id, req.profileId, now), null, 2) + '\n' };
}

/**
 * Checks on a copy first, so importing a file twice does not even rewrite the database. Sign-offs are
 * weighed with the keys this PC trusts (its trainers' and, in a team, those published with the
 * content), the same keys that decide what shows as verified.
 */
export async function importProgress(store: Store, pack: Pick<Pack, 'trustedKeys'>, text: string): Promise<ImportResult> {
  const file = parseExportFile(text);
  const dryRun = mergeProgress(JSON.parse(JSON.stringify(store.data)), file, keySetOf(store.shared, pack));
  if (dryRun.unchanged) return dryRun;
  return store.updateAll((d) => mergeProgress(d, file, keySetOf(d, pack)));
}
