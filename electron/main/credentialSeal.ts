import type { CredentialSeal } from '../core/team/credentials.js';

/** The part of Electron's `safeStorage` the seal uses (a parameter, so tests pass a stand-in). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
  getSelectedStorageBackend?(): string;
}

/**
 * Team credentials sealed with Electron `safeStorage` (Keychain on macOS, DPAPI on Windows, the
 * Secret Service or KWallet on Linux). Null where it offers no real protection: encryption
 * unavailable, or Linux's `basic_text` fallback, whose key is the same on every machine; the file
 * then stays plain JSON with mode 0600, as in the CLI.
 */
export function safeStorageSeal(ss: SafeStorageLike, platform: NodeJS.Platform = process.platform): CredentialSeal | null {
  if (!ss.isEncryptionAvailable()) return null;
  if (platform === 'linux' && ss.getSelectedStorageBackend?.() === 'basic_text') return null;
  return {
    seal: (plain) => ss.encryptString(plain).toString('base64'),
    unseal: (sealed) => ss.decryptString(Buffer.from(sealed, 'base64')),
  };
}
