import fs from 'node:fs';
import path from 'node:path';
import type { PackExport, PackImportPreview, PackImportResult } from '../../contract.js';
import { HandbookError } from '../api/errors.js';
import { zipPackToBuffer } from './exportPack.js';
import { applyImport, listBackups, packWorkDir, restoreBackup, stageImport, stagingDir, type StagedImport } from './importer.js';
import { DEFAULT_LIMITS } from './limits.js';
import { Uploads } from './uploads.js';

export interface PackServiceDeps {
  contentDir: string;
  dataDir: string;
  packName(): string;
  /** Runs a swap of the pack folder with the watcher stopped, then reloads everything. */
  replaceContent(swap: () => Promise<void>): Promise<void>;
}

/** Pack export and import for the API; the CLI uses the importer directly. */
export function createPackService(deps: PackServiceDeps) {
  const uploads = new Uploads(path.join(deps.dataDir, 'uploads'));
  const staged = new Map<string, StagedImport>();
  // Previews and replaced packs go to the data folder, never beside the pack.
  const work = packWorkDir(deps.contentDir, deps.dataDir);
  return {
    async exportPack(): Promise<PackExport> {
      const { buffer, files } = await zipPackToBuffer(deps.contentDir);
      const safe = deps.packName().replace(/[\\/:*?"<>|\s]+/g, '-').slice(0, 60) || 'handbook';
      return { filename: `${safe}-${new Date().toISOString().slice(0, 10)}.zip`, mimeType: 'application/zip', base64: buffer.toString('base64'), bytes: buffer.length, files };
    },
    upload: (uploadId: string | undefined, offset: number, data: string) => uploads.append(uploadId, offset, data),
    async preview(uploadId: string): Promise<PackImportPreview> {
      const old = staged.get(uploadId);
      if (old) fs.rmSync(old.staging, { recursive: true, force: true });
      staged.delete(uploadId);
      const s = await stageImport(uploads.file(uploadId), deps.contentDir, uploadId, DEFAULT_LIMITS, work);
      staged.set(uploadId, s);
      return s.preview;
    },
    async apply(uploadId: string): Promise<PackImportResult> {
      const s = staged.get(uploadId);
      if (!s) throw new HandbookError('not_found', 'preview the import first', 'pack.expired');
      let result: PackImportResult | null = null;
      await deps.replaceContent(async () => { result = await applyImport(deps.contentDir, s, work); });
      staged.delete(uploadId);
      uploads.remove(uploadId);
      return result!;
    },
    listBackups: () => listBackups(work),
    async restore(backupId: string): Promise<PackImportResult> {
      let result: PackImportResult | null = null;
      await deps.replaceContent(async () => { result = await restoreBackup(deps.contentDir, backupId, work); });
      return result!;
    },
    /** Staged imports nobody applied are removed when the app closes. */
    close(): void {
      for (const [id, s] of staged) {
        fs.rmSync(s.staging, { recursive: true, force: true });
        fs.rmSync(stagingDir(work, id), { recursive: true, force: true });
      }
      staged.clear();
    },
  };
}
