import type { Handlers } from '../../contract.js';
import type { createPackService } from './service.js';

export type PacksMethods = 'exportPack' | 'uploadPackChunk' | 'previewPackImport' | 'applyPackImport' | 'listPackBackups' | 'restorePackBackup';

/** What the pack methods need from the core. */
export interface PacksContext {
  /** Throws unless the token is a live trainer session. */
  requireTrainer(token: string): unknown;
  packs: ReturnType<typeof createPackService>;
}

/** Content packs as zip files; every method is for trainers only. */
export function packsHandlers({ requireTrainer, packs }: PacksContext): Pick<Handlers, PacksMethods> {
  return {
    async exportPack({ token }) { requireTrainer(token); return packs.exportPack(); },
    async uploadPackChunk({ token, uploadId, offset, data }) { requireTrainer(token); return packs.upload(uploadId, offset, data); },
    async previewPackImport({ token, uploadId }) { requireTrainer(token); return packs.preview(uploadId); },
    async applyPackImport({ token, uploadId }) { requireTrainer(token); return packs.apply(uploadId); },
    async listPackBackups({ token }) { requireTrainer(token); return packs.listBackups(); },
    async restorePackBackup({ token, backupId }) { requireTrainer(token); return packs.restore(backupId); },
  };
}
