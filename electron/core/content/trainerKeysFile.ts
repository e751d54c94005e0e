import crypto from 'node:crypto';
import type { Problem } from '../../contract.js';
import type { YamlFile } from './yamlFile.js';

/**
 * `trainers/<profileId>.yaml`: one trainer's public signing keys, published with the content so every
 * PC of a team can check that trainer's sign-offs. One file per trainer, so two trainers publishing
 * their keys never touch the same file (no merge conflict).
 */
export interface TrainerKeysEntry {
  /** The trainer's profile id (the file's name). */
  id: string;
  /** Shown beside the key only; never used to decide trust. */
  name: string;
  /** SPKI DER, base64, Ed25519: every key this trainer has signed with, oldest first. */
  keys: string[];
}

/** Profile ids are UUIDs today; the file name must be a plain, portable id. */
export const TRAINER_ID = /^[A-Za-z0-9_-]{1,64}$/;
export const TRAINERS_DIR = 'trainers';
export const trainerKeysPath = (profileId: string) => `${TRAINERS_DIR}/${profileId}.yaml`;

function isEd25519Spki(b64: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64) || b64.length > 200) return false;
  try {
    return crypto.createPublicKey({ key: Buffer.from(b64, 'base64'), format: 'der', type: 'spki' }).asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
}

/** Reads one trainer keys file; a malformed file is reported and trusted for nothing (null). */
export function readTrainerKeys(file: YamlFile, id: string, problems: Problem[]): TrainerKeysEntry | null {
  const bad = (message: string, at: Array<string | number> = []) => {
    problems.push({ path: file.rel, line: file.lineAt(at), severity: 'error', code: 'trainer-keys', message: `${message}; no key in this file is trusted` });
    return null;
  };
  if (!TRAINER_ID.test(id)) return bad(`"${id}" is not a trainer id: the file must be named after the trainer's profile id`);
  const v = file.value as { name?: unknown; keys?: unknown } | null;
  if (!v || typeof v !== 'object' || Array.isArray(v)) return bad('a trainer keys file needs "name" and "keys"');
  if (typeof v.name !== 'string' || !v.name.trim() || v.name.length > 60) return bad('"name" must be the trainer\'s name (1–60 characters)', ['name']);
  if (!Array.isArray(v.keys) || v.keys.length === 0 || v.keys.length > 50) return bad('"keys" must list 1–50 public keys', ['keys']);
  for (let i = 0; i < v.keys.length; i++) {
    const k = v.keys[i];
    if (typeof k !== 'string' || !isEd25519Spki(k)) return bad(`key ${i + 1} is not an Ed25519 public key (SPKI, base64)`, ['keys', i]);
  }
  return { id, name: v.name.trim(), keys: v.keys as string[] };
}

/** The file's text, as Handbook writes it. */
export function trainerKeysText(entry: TrainerKeysEntry): string {
  return [
    '# Public signing keys of a trainer, written by Handbook: every PC checks this trainer\'s sign-offs with them.',
    '# Safe to share; only trainers may change this folder (protected branch).',
    `name: ${JSON.stringify(entry.name)}`,
    'keys:',
    ...entry.keys.map((k) => `  - ${k}`),
    '',
  ].join('\n');
}
