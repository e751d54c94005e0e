import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { credentialsFile, loadCredentials, saveCredentials, useCredentialSeal } from '../../../electron/core/team/credentials';
import { safeStorageSeal, type SafeStorageLike } from '../../../electron/main/credentialSeal';

/**
 * Electron's safeStorage cannot run here: a stand-in with the same methods seals by a reversible
 * transform with a per-instance key, so "another machine" (another key) cannot open the file.
 */
function fakeSafeStorage(key: number, opts: { available?: boolean; backend?: string } = {}): SafeStorageLike {
  const xor = (b: Buffer) => Buffer.from(b.map((x) => x ^ key));
  return {
    isEncryptionAvailable: () => opts.available ?? true,
    encryptString: (plain) => Buffer.concat([Buffer.from('SEAL'), xor(Buffer.from(plain, 'utf8'))]),
    decryptString: (sealed) => {
      if (sealed.subarray(0, 4).toString() !== 'SEAL') throw new Error('not sealed here');
      return xor(sealed.subarray(4)).toString('utf8');
    },
    getSelectedStorageBackend: () => opts.backend ?? 'gnome_libsecret',
  };
}

const CREDS = { username: 'li', password: 'pw-秘密-8841' };
const dirs: string[] = [];
const dataDir = () => { const d = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-seal-')); dirs.push(d); return d; };
afterEach(() => { useCredentialSeal(null); for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true }); });

describe('team credentials sealed with safeStorage', () => {
  it('stores no readable password once the desktop host registered the seal, and reads it back (mode 0600)', () => {
    const dir = dataDir();
    useCredentialSeal(safeStorageSeal(fakeSafeStorage(0x5a), 'linux'));
    saveCredentials(dir, CREDS);
    const raw = fs.readFileSync(credentialsFile(dir), 'utf8');
    expect(raw).not.toContain(CREDS.password);
    expect(raw).not.toContain(CREDS.username);
    expect(JSON.parse(raw)).toEqual({ sealed: expect.any(String) });
    expect(fs.statSync(credentialsFile(dir)).mode & 0o777).toBe(0o600);
    expect(loadCredentials(dir, {})).toEqual(CREDS);
  });

  it('a process without the seal (the CLI) reads no credentials from a sealed file, and the environment still works', () => {
    const dir = dataDir();
    saveCredentials(dir, CREDS, safeStorageSeal(fakeSafeStorage(0x21), 'win32'));
    expect(loadCredentials(dir, {})).toBeNull();
    expect(loadCredentials(dir, { HANDBOOK_GIT_USERNAME: 'ci', HANDBOOK_GIT_PASSWORD: 'x' })).toEqual({ username: 'ci', password: 'x' });
  });

  it('falls back to the plain file where safeStorage protects nothing: unavailable, or Linux basic_text', () => {
    expect(safeStorageSeal(fakeSafeStorage(1, { available: false }), 'darwin')).toBeNull();
    expect(safeStorageSeal(fakeSafeStorage(1, { backend: 'basic_text' }), 'linux')).toBeNull();
    expect(safeStorageSeal(fakeSafeStorage(1, { backend: 'basic_text' }), 'win32')).not.toBeNull();
    const dir = dataDir();
    useCredentialSeal(safeStorageSeal(fakeSafeStorage(1, { available: false }), 'linux'));
    saveCredentials(dir, CREDS);
    expect(JSON.parse(fs.readFileSync(credentialsFile(dir), 'utf8'))).toEqual(CREDS);
  });

  it('still reads a plain file written before the seal was there', () => {
    const dir = dataDir();
    saveCredentials(dir, CREDS, null);
    useCredentialSeal(safeStorageSeal(fakeSafeStorage(7), 'darwin'));
    expect(loadCredentials(dir, {})).toEqual(CREDS);
  });
});
