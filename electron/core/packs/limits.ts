import { HandbookError } from '../api/errors.js';

/** Caps on an imported zip: a sample pack is ~200 files and a few MB; these leave room for real teams' images. */
export interface ZipLimits {
  /** Entries (files and folders) in the zip. */
  maxEntries: number;
  /** Bytes once everything is unpacked, counted while unpacking (headers can lie). */
  maxTotalBytes: number;
  /** Bytes of any single unpacked file. */
  maxEntryBytes: number;
  /** Size of the zip file itself. */
  maxZipBytes: number;
}

export const DEFAULT_LIMITS: ZipLimits = {
  maxEntries: 5000,
  maxTotalBytes: 512 * 1024 * 1024,
  maxEntryBytes: 64 * 1024 * 1024,
  maxZipBytes: 256 * 1024 * 1024,
};

/**
 * An import refused before anything was written; the message is the one line the CLI prints, the
 * key (under `pack.`) what the UI says in the person's language.
 */
export class PackRefused extends HandbookError {
  constructor(message: string, key = 'unsafeEntry', params?: Record<string, string | number>) {
    super('bad_request', message, 'pack.' + key, params);
    this.name = 'PackRefused';
  }
}
