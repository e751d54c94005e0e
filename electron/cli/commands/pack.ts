import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { HandbookError } from '../../core/api/errors.js';
import { zipPackToFile } from '../../core/packs/exportPack.js';
import { applyImport, packWorkDir, stageImport } from '../../core/packs/importer.js';
import { DEFAULT_LIMITS } from '../../core/packs/limits.js';
import { parse, UsageError } from '../args.js';
import { defaultContentDir, defaultDataDir } from '../paths.js';

export const packHelp = `Usage: handbook pack export --out FILE.zip [--content DIR]
       handbook pack import FILE.zip [--content DIR] [--data DIR] [--dry-run]

export  Zips the content pack (without its trash) into FILE.zip.
import  Checks FILE.zip, lists what it adds, changes and removes, then replaces the pack with it,
        all or nothing. The replaced pack is kept as a backup in the data folder (--data, default
        ~/.handbook or $HANDBOOK_DATA; beside the pack only when that is on another disk) and can be
        restored from the trainer's page. A zip with paths that climb out of the folder, absolute
        paths, backslashes, symbolic links, duplicate names, too many entries or too many bytes is
        refused with one line and exit code 1, and nothing is written. --dry-run only lists.
Close Handbook (or stop \`handbook serve\`) on this pack before importing.`;

export async function pack(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    content: { type: 'string' }, data: { type: 'string' }, out: { type: 'string' }, 'dry-run': { type: 'boolean' },
  }, 2);
  if (values.help) return console.log(packHelp), 0;
  const [sub, file] = positionals;
  const content = path.resolve(values.content ?? defaultContentDir());
  if (!fs.existsSync(content) || !fs.statSync(content).isDirectory()) throw new UsageError(`--content: no such folder: ${content}`);
  if (sub === 'export') {
    if (file) throw new UsageError(`unexpected argument: ${file}`);
    if (!values.out) throw new UsageError('--out FILE.zip is required');
    const out = path.resolve(values.out);
    if (out.startsWith(content + path.sep)) throw new UsageError('--out must be outside the pack folder');
    const r = await zipPackToFile(content, out);
    console.log(`exported ${r.files} files (${Math.ceil(r.bytes / 1024)} KB) to ${out}`);
    return 0;
  }
  if (sub === 'import') {
    if (!file) throw new UsageError('missing FILE.zip');
    if (!fs.existsSync(file)) throw new HandbookError('not_found', `no such file: ${file}`);
    // The same work folder the app uses for this pack: nothing appears beside the content folder, and
    // the app lists the backup this import makes.
    const data = path.resolve(values.data ?? defaultDataDir());
    fs.mkdirSync(data, { recursive: true });
    const work = packWorkDir(content, data);
    const staged = await stageImport(path.resolve(file), content, 'cli-' + crypto.randomBytes(6).toString('hex'), DEFAULT_LIMITS, work);
    const p = staged.preview;
    const list = (label: string, items: string[]) => items.length && console.log(`${label} (${items.length}):\n${items.slice(0, 50).map((i) => '  ' + i).join('\n')}${items.length > 50 ? `\n  … and ${items.length - 50} more` : ''}`);
    console.log(`pack ${p.pack.name} ${p.pack.version} (${p.pack.id})`);
    list('add', p.added);
    list('change', p.changed);
    list('remove', p.removed);
    console.log(`${p.unchanged} unchanged${p.problems ? `; the new pack has ${p.problems} problem(s): run handbook validate after importing` : ''}`);
    if (values['dry-run']) {
      fs.rmSync(staged.staging, { recursive: true, force: true });
      console.log('dry run: nothing changed');
      return 0;
    }
    const r = await applyImport(content, staged, work);
    console.log(`imported into ${content}; the replaced pack is kept as backup ${r.backupId}`);
    return 0;
  }
  throw new UsageError(sub ? `unknown subcommand "${sub}"` : 'missing subcommand: export or import');
}
