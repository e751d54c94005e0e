import fs from 'node:fs';
import path from 'node:path';
import git from 'isomorphic-git';
import type { Pack } from '../content/pack.js';
import { readTrainerKeys, TRAINERS_DIR, trainerKeysPath, trainerKeysText, type TrainerKeysEntry } from '../content/trainerKeysFile.js';
import { parseYamlText } from '../content/yamlFile.js';
import type { KeySet } from '../trust/signing.js';
import { nameKeyOwners } from '../trust/verify.js';
import { readState } from './state.js';
import { openRepo } from './tree.js';

/** The git team checkout this content folder is, or null (a folder pack, a shared-folder team). */
function checkoutOf(dataDir: string, contentDir: string) {
  const state = readState(dataDir);
  if (!state || path.resolve(state.contentDir) !== path.resolve(contentDir) || !fs.existsSync(path.join(contentDir, '.git'))) return null;
  return state;
}

/**
 * The trainer keys this PC trusts from the pack. In a git team checkout: the `trainers/` files of
 * the server's team branch as last accepted (`lastRemote`), read from git — never the files in the
 * folder, which anyone at this PC can edit and which a learner's PC never commits. Content on the
 * team branch is writable by trainers only (protected branch), so a key there was put there by a
 * trainer. Elsewhere (a folder pack, a shared folder) the folder's files are the pack's word, like
 * every other file in it.
 */
export async function trustedPackKeys(dataDir: string, contentDir: string, pack: Pack): Promise<KeySet> {
  const state = checkoutOf(dataDir, contentDir);
  if (!state) return pack.trustedKeys;
  if (!state.lastRemote) { const none = new Map(); nameKeyOwners(none, new Map()); return none; }
  // Re-read only when the accepted commit moved: an article save reloads the pack but not the keys.
  const hit = lastRead.get(path.resolve(contentDir));
  if (hit?.commit === state.lastRemote) return hit.keys;
  const keys = await keysAt(contentDir, state.lastRemote);
  lastRead.set(path.resolve(contentDir), { commit: state.lastRemote, keys });
  return keys;
}

const lastRead = new Map<string, { commit: string; keys: KeySet }>();

async function keysAt(contentDir: string, commit: string): Promise<KeySet> {
  const repo = openRepo(contentDir);
  const out = new Map<string, readonly string[]>();
  const names = new Map<string, string>();
  nameKeyOwners(out, names);
  try {
    const { tree } = await git.readTree({ fs: repo.fs, dir: repo.dir, oid: commit, filepath: TRAINERS_DIR, cache: repo.cache });
    for (const e of tree) {
      if (e.type !== 'blob' || !/\.ya?ml$/i.test(e.path)) continue;
      const { blob } = await git.readBlob({ fs: repo.fs, dir: repo.dir, oid: e.oid, cache: repo.cache });
      const entry = parseBlob(`${TRAINERS_DIR}/${e.path}`, Buffer.from(blob).toString('utf8'));
      if (entry) { out.set(entry.id, entry.keys); names.set(entry.id, entry.name); }
    }
  } catch {
    // No `trainers/` folder on the team branch (yet): no pack keys.
  }
  return out;
}

function parseBlob(rel: string, text: string): TrainerKeysEntry | null {
  // Problems are the folder loader's to report (`handbook validate`); a malformed blob trusts nothing.
  const file = parseYamlText(rel, text, '', []);
  return file ? readTrainerKeys(file, path.posix.basename(rel).replace(/\.ya?ml$/i, ''), []) : null;
}

/**
 * Writes this trainer's keys file into a git team checkout when it is missing or differs, and says
 * which file it wrote (the caller re-reads it and commits it like any save). Null: nothing to write.
 */
export function writeTrainerKeys(dataDir: string, contentDir: string, trainer: { id: string; name: string; publicKeys: string[] }): string | null {
  if (!checkoutOf(dataDir, contentDir) || !trainer.publicKeys.length) return null;
  const rel = trainerKeysPath(trainer.id);
  const file = path.join(contentDir, rel);
  let before: string | null = null;
  try { before = fs.readFileSync(file, 'utf8'); } catch { /* not written yet */ }
  // A trainer adopted on another PC signs there with that PC's own key (private keys never travel):
  // the file keeps the keys it has and adds this PC's, so no PC's sign-offs stop verifying.
  const kept = before === null ? null : parseBlob(rel, before);
  const keys = [...new Set([...(kept?.keys ?? []), ...trainer.publicKeys])];
  const text = trainerKeysText({ id: trainer.id, name: trainer.name, keys });
  if (before === text) return null;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return rel;
}
