import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { PackBackup, PackImportPreview, PackImportResult } from '../../contract.js';
import { HandbookError, notFound } from '../api/errors.js';
import { assemblePack, readAllFiles } from '../content/pack.js';
import { createPackFile } from '../content/packHandle.js';
import { renameWithRetry } from '../fs/atomicWrite.js';
import { carryOverForeignEntries, PACK_OWN_ENTRIES } from '../host/contentFolder.js';
import { DEFAULT_LIMITS, PackRefused, type ZipLimits } from './limits.js';
import { fileSha, listPackFiles } from './packInventory.js';
import { walkZip, type ZipFileEntry } from './zipRead.js';

const BACKUP_META = '.backup.json';

/**
 * Where pack work happens, named from a stem: `<stem>.import-<key>` while an import is staged,
 * `<stem>.backups/<time>/` for replaced packs. The API's stem is in the data folder (`packWorkDir`);
 * without one (the CLI) it is `.<name>` beside the pack, as it always was.
 */
export const besidePack = (contentDir: string) => path.join(path.dirname(contentDir), `.${path.basename(contentDir)}`);
export const stagingDir = (work: string, key: string) => `${work}.import-${key}`;
export const backupsDir = (work: string) => `${work}.backups`;

/**
 * Handbook's own pack work lives in the data folder, one folder per content folder, so nothing
 * appears beside the pack (in a git checkout it would show in `git status`). Swapping the pack is a
 * rename, which cannot cross disks: when the data folder is on another disk, the work stays beside.
 */
export function packWorkDir(contentDir: string, dataDir: string): string {
  const abs = path.resolve(contentDir);
  const name = path.basename(abs).replace(/[^\p{L}\p{N}_-]+/gu, '-').slice(0, 40) || 'content';
  const inData = path.join(dataDir, 'packs', `${name}-${crypto.createHash('sha256').update(abs).digest('hex').slice(0, 12)}`);
  try {
    if (fs.statSync(dataDir).dev === fs.statSync(path.dirname(abs)).dev) return inData;
  } catch { /* a folder missing: the rename would fail anyway, say so there */ }
  return besidePack(abs);
}

export interface StagedImport { staging: string; preview: PackImportPreview }

/** A zip of the pack folder itself (`content/handbook.yaml` …) is read as if it were zipped from inside. */
function packPrefix(files: ZipFileEntry[]): string {
  if (files.some((f) => f.name === 'handbook.yaml')) return '';
  const tops = new Set(files.map((f) => f.name.split('/')[0]));
  if (tops.size === 1) {
    const [top] = tops;
    if (files.some((f) => f.name === `${top}/handbook.yaml`)) return top + '/';
  }
  throw new PackRefused('not a Handbook pack: handbook.yaml is missing at the top of the zip', 'notAPack');
}

/**
 * Checks a zip and unpacks it into a staging folder next to the pack, then reports what importing
 * would change. The first pass only reads (every refusal happens there, before anything is written);
 * the second writes, and must see exactly the files the first one saw.
 */
export async function stageImport(zipFile: string, contentDir: string, key: string, limits: ZipLimits = DEFAULT_LIMITS, work = besidePack(contentDir)): Promise<StagedImport> {
  const scanned = await walkZip(zipFile, limits);
  const prefix = packPrefix(scanned);
  const staging = stagingDir(work, key);
  await fsp.rm(staging, { recursive: true, force: true });
  await fsp.mkdir(staging, { recursive: true });
  try {
    const written = await walkZip(zipFile, limits, (name) => {
      if (!name.startsWith(prefix)) return null;
      const rel = name.slice(prefix.length);
      const abs = path.join(staging, rel);
      if (!abs.startsWith(staging + path.sep)) throw new PackRefused(`entry "${name}" climbs out of the folder`, 'unsafeEntry', { name });
      // Folders made and the file created through handles that never follow a link: a staging folder
      // swapped for a link meanwhile cannot send an entry outside it.
      return fs.createWriteStream(abs, { fd: createPackFile(staging, rel) });
    });
    const key2 = (f: ZipFileEntry) => `${f.name}:${f.hash}`;
    if (written.map(key2).join('\n') !== scanned.map(key2).join('\n')) throw new PackRefused('the zip changed while it was being read', 'changedWhileReading');
    const incoming = new Map(written.filter((f) => f.name.startsWith(prefix)).map((f) => [f.name.slice(prefix.length), f.hash]));
    const current = new Map(listPackFiles(contentDir).map((rel) => [rel, fileSha(path.join(contentDir, rel))]));
    const added = [...incoming.keys()].filter((r) => !current.has(r));
    const changed = [...incoming.keys()].filter((r) => current.has(r) && current.get(r) !== incoming.get(r));
    // Only the pack's own files can be removed by an import; anything else in the folder stays.
    const removed = [...current.keys()].filter((r) => !incoming.has(r) && PACK_OWN_ENTRIES.has(r.split('/')[0]));
    const pack = assemblePack(staging, await readAllFiles(staging));
    return {
      staging,
      preview: {
        pack: { id: pack.info.id, name: pack.info.name, version: pack.info.version },
        added, changed, removed, unchanged: incoming.size - added.length - changed.length,
        problems: pack.problems.length,
      },
    };
  } catch (err) {
    await fsp.rm(staging, { recursive: true, force: true });
    throw err;
  }
}

function newBackupId(work: string): string {
  let id = new Date().toISOString().replace(/[:.]/g, '-');
  for (let n = 1; fs.existsSync(path.join(backupsDir(work), id)); n++) id = new Date().toISOString().replace(/[:.]/g, '-').replace(/Z$/, `-${n}Z`);
  return id;
}

/**
 * Puts `incoming` (a complete pack folder on the same disk) in place of the pack: the pack folder is
 * renamed into the backups, then the new folder renamed to the pack's name. If the second rename
 * fails the first is undone, so the pack is always either the old one or the new one.
 */
async function swapIn(contentDir: string, incoming: string, work: string): Promise<string> {
  const id = newBackupId(work);
  const backup = path.join(backupsDir(work), id);
  await fsp.mkdir(backupsDir(work), { recursive: true });
  const files = listPackFiles(contentDir).length;
  // What is not the pack's own (notes, .git, the trash) stays in the folder; the backup keeps a copy too.
  carryOverForeignEntries(contentDir, incoming);
  await renameWithRetry(contentDir, backup);
  try {
    await renameWithRetry(incoming, contentDir);
  } catch (err) {
    await renameWithRetry(backup, contentDir);
    throw err;
  }
  // Every replaced pack is kept (none is pruned): an import must never make anything unrecoverable.
  await fsp.writeFile(path.join(backup, BACKUP_META), JSON.stringify({ createdAt: new Date().toISOString(), files }));
  return id;
}

export async function applyImport(contentDir: string, staged: StagedImport, work = besidePack(contentDir)): Promise<PackImportResult> {
  if (!fs.existsSync(path.join(staged.staging, 'handbook.yaml'))) throw new HandbookError('not_found', 'this import was already applied or has expired: upload the zip again', 'pack.expired');
  const backupId = await swapIn(contentDir, staged.staging, work);
  const p = staged.preview;
  return { backupId, added: p.added.length, changed: p.changed.length, removed: p.removed.length };
}

export function listBackups(work: string): PackBackup[] {
  const dir = backupsDir(work);
  let names: string[] = [];
  try {
    names = fs.readdirSync(dir);
  } catch { /* none yet */ }
  return names
    .filter((n) => /^[0-9TZ-]{10,40}$/.test(n) && fs.existsSync(path.join(dir, n, 'handbook.yaml')))
    .map((id) => {
      let meta: { createdAt?: string; files?: number } = {};
      try { meta = JSON.parse(fs.readFileSync(path.join(dir, id, BACKUP_META), 'utf8')); } catch { /* older or hand-made */ }
      let packName = id;
      try { packName = String((parseDocument(fs.readFileSync(path.join(dir, id, 'handbook.yaml'), 'utf8')).toJS() as any)?.name ?? id); } catch { /* unreadable manifest */ }
      return { id, createdAt: meta.createdAt ?? fs.statSync(path.join(dir, id)).mtime.toISOString(), packName, files: meta.files ?? listPackFiles(path.join(dir, id)).length };
    })
    .sort((a, b) => b.id.localeCompare(a.id));
}

/** Brings a replaced pack back; the pack it replaces becomes a backup in turn (nothing is lost either way). */
export async function restoreBackup(contentDir: string, backupId: string, work = besidePack(contentDir)): Promise<PackImportResult> {
  const from = path.join(backupsDir(work), backupId);
  if (!/^[0-9TZ-]{10,40}$/.test(backupId) || !fs.existsSync(path.join(from, 'handbook.yaml'))) throw notFound(`backup "${backupId}"`);
  const current = new Map(listPackFiles(contentDir).map((rel) => [rel, fileSha(path.join(contentDir, rel))]));
  const restored = new Map(listPackFiles(from).map((rel) => [rel, fileSha(path.join(from, rel))]));
  // Out of the backups folder first, so pruning after the swap cannot delete it.
  const holding = stagingDir(work, 'restore-' + backupId);
  await renameWithRetry(from, holding);
  await fsp.rm(path.join(holding, BACKUP_META), { force: true });
  let newId: string;
  try {
    newId = await swapIn(contentDir, holding, work);
  } catch (err) {
    await renameWithRetry(holding, from).catch(() => {});
    throw err;
  }
  return {
    backupId: newId,
    added: [...restored.keys()].filter((r) => !current.has(r)).length,
    changed: [...restored.keys()].filter((r) => current.has(r) && current.get(r) !== restored.get(r)).length,
    removed: [...current.keys()].filter((r) => !restored.has(r)).length,
  };
}

