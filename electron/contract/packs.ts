/** Content packs as zip files (trainers only): export, import in pieces with a preview, backups. */
import { z } from 'zod';

import { EditToken } from './primitives.js';

export const packsRequests = {
  /** The whole pack as a zip (base64), without the trash. */
  exportPack: z.object({ token: EditToken }).strict(),
  /** Sends a pack zip in pieces (each at most 512 KB once decoded); the first call omits `uploadId`. */
  uploadPackChunk: z.object({
    token: EditToken,
    uploadId: z.string().regex(/^[a-f0-9]{32}$/).optional(),
    /** Byte offset of this piece: pieces must arrive in order. */
    offset: z.number().int().min(0),
    data: z.string().max(700_000),
  }).strict(),
  /** Checks an uploaded zip and lists what importing it would add, change and remove. Nothing is written. */
  previewPackImport: z.object({ token: EditToken, uploadId: z.string().regex(/^[a-f0-9]{32}$/) }).strict(),
  /** Replaces the pack with the uploaded zip, all or nothing; the replaced pack is kept as a backup. */
  applyPackImport: z.object({ token: EditToken, uploadId: z.string().regex(/^[a-f0-9]{32}$/) }).strict(),
  /** Packs replaced by imports, newest first. */
  listPackBackups: z.object({ token: EditToken }).strict(),
  /** Puts a replaced pack back; the current one becomes a backup in turn. */
  restorePackBackup: z.object({ token: EditToken, backupId: z.string().regex(/^[0-9TZ-]{10,40}$/) }).strict(),
} as const;

export interface PackExport { filename: string; mimeType: string; /** The zip, base64. */ base64: string; bytes: number; files: number }
export interface PackUpload { uploadId: string; size: number }
export interface PackImportPreview {
  pack: { id: string; name: string; version: string };
  added: string[]; changed: string[]; removed: string[]; unchanged: number;
  /** Problems `handbook validate` reports in the new pack (importing is still allowed). */
  problems: number;
}
export interface PackImportResult { backupId: string; added: number; changed: number; removed: number }
export interface PackBackup { id: string; createdAt: string; packName: string; files: number }

export interface PacksResponses {
  exportPack: PackExport;
  uploadPackChunk: PackUpload;
  previewPackImport: PackImportPreview;
  applyPackImport: PackImportResult;
  listPackBackups: PackBackup[];
  restorePackBackup: PackImportResult;
}
