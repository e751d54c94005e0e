import crypto from 'node:crypto';
import { scryptAsync } from './passphrase.js';

/** A private key as stored: PKCS#8 DER sealed with AES-256-GCM under a key scrypt derives from the passphrase. */
export interface SealedKey { salt: string; iv: string; tag: string; data: string }

export interface TrainerKeys {
  /** SPKI DER, base64: what verifies this trainer's signatures, safe to share. */
  publicKey: string;
  sealed: SealedKey;
}

async function wrapKey(passphrase: string, salt: Buffer): Promise<Buffer> {
  return scryptAsync(passphrase, salt, 32);
}

export async function sealPrivateKey(key: crypto.KeyObject, passphrase: string): Promise<SealedKey> {
  const salt = crypto.randomBytes(16);
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', await wrapKey(passphrase, salt), iv);
  const data = Buffer.concat([cipher.update(key.export({ format: 'der', type: 'pkcs8' })), cipher.final()]);
  return { salt: salt.toString('base64'), iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

/** The private key, or null when the passphrase is wrong (GCM's tag does not check). */
export async function openPrivateKey(sealed: SealedKey, passphrase: string): Promise<crypto.KeyObject | null> {
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', await wrapKey(passphrase, Buffer.from(sealed.salt, 'base64')), Buffer.from(sealed.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    const der = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
    return crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } catch {
    return null;
  }
}

/** The public half (SPKI DER, base64) of a private key. */
export function publicKeyOf(key: crypto.KeyObject): string {
  return crypto.createPublicKey(key).export({ format: 'der', type: 'spki' }).toString('base64');
}

export async function newTrainerKeys(passphrase: string): Promise<TrainerKeys> {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
  return { publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'), sealed: await sealPrivateKey(privateKey, passphrase) };
}
