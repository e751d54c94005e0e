import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { PackBackup, PackImportPreview, PackImportResult } from '../../contract.js';
import { HandbookError, notFound } from '../api/errors.js';
import { assemblePack, readAllFiles } from '../content/pack.js';
import { renameWithRetry } from '../fs/atomicWrite.js';
import { DEFAULT_LIMITS, PackRefused, type ZipLimits } from './limits.js';
import { fileSha, listPackFiles } from './packInventory.js';
import { walkZip, type ZipFileEntry } from './zipRead.js';

/** Replaced packs kept; older ones are deleted when a new backup is made. */
export const KEEP_BACKUPS = 10;
const BACKUP_META = '.backup.json';

/**
 * Folders next to the pack (same disk, so swapping is a rename): `.<name>.import-<key>` while an
 * import is staged, `.<name>.backups/<time>/` for replaced packs.
 */
export const stagingDir = (contentDir: string, key: string) => path.join(path.dirname(contentDir), `.${path.basename(contentDir)}.import-${key}`);
export const backupsDir = (contentDir: string) => path.join(path.dirname(contentDir), `.${path.basename(contentDir)}.backups`);

export interface StagedImport { staging: string; preview: PackImportPreview }

/** A zip of the pack folder itself (`content/handbook.yaml` …) is read as if it were zipped from inside. */
function packPrefix(files: ZipFileEntry[]): string {
  if (files.some((f) => f.name === 'handbook.yaml')) return '';
  const tops = new Set(files.map((f) => f.name.split('/')[0]));
  if (tops.size === 1) {
    const [top] = tops;
    if (files.some((f) => f.name === `${top}/handbook.yaml`)) return top + '/';
  }
  throw new PackRefused('not a Handbook pack: handbook.yaml is missing at the top of the zip');
}

/**
 * Checks a zip and unpacks it into a staging folder next to the pack, then reports what importing
 * would change. The first pass only reads (every refusal happens there, before anything is written);
 * the second writes, and must see exactly the files the first one saw.
 */
export async function stageImport(zipFile: string, contentDir: string, key: string, limits: ZipLimits = DEFAULT_LIMITS): Promise<StagedImport> {
  const scanned = await walkZip(zipFile, limits);
  const prefix = packPrefix(scanned);
  const staging = stagingDir(contentDir, key);
  await fsp.rm(staging, { recursive: true, force: true });
  await fsp.mkdir(staging, { recursive: true });
  try {
    const written = await walkZip(zipFile, limits, (name) => {
      if (!name.startsWith(prefix)) return null;
      const abs = path.join(staging, name.slice(prefix.length));
      if (!abs.startsWith(staging + path.sep)) throw new PackRefused(`entry "${name}" climbs out of the folder`);
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      return fs.createWriteStream(abs, { flags: 'wx' });
    });
    const key2 = (f: ZipFileEntry) => `${f.name}:${f.hash}`;
    if (written.map(key2).join('\n') !== scanned.map(key2).join('\n')) throw new PackRefused('the zip changed while it was being read');
    const incoming = new Map(written.filter((f) => f.name.startsWith(prefix)).map((f) => [f.name.slice(prefix.length), f.hash]));
    const current = new Map(listPackFiles(contentDir).map((rel) => [rel, fileSha(path.join(contentDir, rel))]));
    const added = [...incoming.keys()].filter((r) => !current.has(r));
    const changed = [...incoming.keys()].filter((r) => current.has(r) && current.get(r) !== incoming.get(r));
    const removed = [...current.keys()].filter((r) => !incoming.has(r));
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

function newBackupId(contentDir: string): string {
  let id = new Date().toISOString().replace(/[:.]/g, '-');
  for (let n = 1; fs.existsSync(path.join(backupsDir(contentDir), id)); n++) id = new Date().toISOString().replace(/[:.]/g, '-').replace(/Z$/, `-${n}Z`);
  return id;
}

/**
 * Puts `incoming` (a complete pack folder on the same disk) in place of the pack: the pack folder is
 * renamed into the backups, then the new folder renamed to the pack's name. If the second rename
 * fails the first is undone, so the pack is always either the old one or the new one.
 */
async function swapIn(contentDir: string, incoming: string): Promise<string> {
  const id = newBackupId(contentDir);
  const backup = path.join(backupsDir(contentDir), id);
  await fsp.mkdir(backupsDir(contentDir), { recursive: true });
  const files = listPackFiles(contentDir).length;
  await renameWithRetry(contentDir, backup);
  try {
    await renameWithRetry(incoming, contentDir);
  } catch (err) {
    await renameWithRetry(backup, contentDir);
    throw err;
  }
  await fsp.writeFile(path.join(backup, BACKUP_META), JSON.stringify({ createdAt: new Date().toISOString(), files }));
  await pruneBackups(contentDir);
  return id;
}

export async function applyImport(contentDir: string, staged: StagedImport): Promise<PackImportResult> {
  if (!fs.existsSync(path.join(staged.staging, 'handbook.yaml'))) throw new HandbookError('not_found', 'this import was already applied or has expired: upload the zip again');
  const backupId = await swapIn(contentDir, staged.staging);
  const p = staged.preview;
  return { backupId, added: p.added.length, changed: p.changed.length, removed: p.removed.length };
}

export function listBackups(contentDir: string): PackBackup[] {
  const dir = backupsDir(contentDir);
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
export async function restoreBackup(contentDir: string, backupId: string): Promise<PackImportResult> {
  const from = path.join(backupsDir(contentDir), backupId);
  if (!/^[0-9TZ-]{10,40}$/.test(backupId) || !fs.existsSync(path.join(from, 'handbook.yaml'))) throw notFound(`backup "${backupId}"`);
  const current = new Map(listPackFiles(contentDir).map((rel) => [rel, fileSha(path.join(contentDir, rel))]));
  const restored = new Map(listPackFiles(from).map((rel) => [rel, fileSha(path.join(from, rel))]));
  // Out of the backups folder first, so pruning after the swap cannot delete it.
  const holding = stagingDir(contentDir, 'restore-' + backupId);
  await renameWithRetry(from, holding);
  await fsp.rm(path.join(holding, BACKUP_META), { force: true });
  let newId: string;
  try {
    newId = await swapIn(contentDir, holding);
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

async function pruneBackups(contentDir: string): Promise<void> {
  const all = listBackups(contentDir);
  for (const b of all.slice(KEEP_BACKUPS)) await fsp.rm(path.join(backupsDir(contentDir), b.id), { recursive: true, force: true });
}
