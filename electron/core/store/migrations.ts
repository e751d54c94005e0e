import { CURRENT_SCHEMA, emptyData, type Data } from './schema.js';

/** Upgrades from version N to N+1, keyed by N. Each one has a fixture under test/fixtures/db/. */
const upgrades: Record<number, (old: any) => any> = {
  // 1 → 2: onboarding facts (quiz attempts, sign-off requests, un-ticked steps). Nothing is renamed,
  // so every v1 row is kept as it is; a v1 completion simply has no `signedBy`.
  1: (old) => ({ ...old, schemaVersion: 2, uncompletions: old.uncompletions ?? [], quizAttempts: old.quizAttempts ?? [], signoffRequests: old.signoffRequests ?? [] }),
  // 2 → 3: searches that found nothing, for content health. A new collection; nothing else changes.
  2: (old) => ({ ...old, schemaVersion: 3, failedSearches: old.failedSearches ?? [] }),
  // 3 → 4: trust. A 4-digit PIN cannot become a passphrase, so a trainer stays a trainer but can
  // only use the old PIN once, to set a passphrase (which creates their signing key). Learners keep
  // their PIN. Sign-offs from before have no signature: they show as unverified until signed again.
  3: (old) => ({
    ...old,
    schemaVersion: 4,
    // Anything but a list is left for the store's own check to name ("not a list of records").
    profiles: Array.isArray(old.profiles ?? []) ? (old.profiles ?? []).map((p: any) => ({
      ...p, passphraseHash: null, publicKeys: [], sealedKey: null, ...(p?.trainer ? { mustSetPassphrase: true } : {}),
    })) : old.profiles,
  }),
};

export class SchemaError extends Error {}

/** Brings a parsed database to the current schema, or explains why it cannot. */
export function migrate(raw: unknown): Data {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new SchemaError('the database is not a JSON object');
  let data: any = raw;
  const version = data.schemaVersion;
  if (!Number.isInteger(version) || version < 1) throw new SchemaError(`unknown schemaVersion ${JSON.stringify(version)}`);
  if (version > CURRENT_SCHEMA) {
    throw new SchemaError(`the database was written by a newer Handbook (schema ${version}, this one knows ${CURRENT_SCHEMA})`);
  }
  for (let v = version; v < CURRENT_SCHEMA; v++) data = upgrades[v](data);
  // Fill collections a hand-edited or older file may lack, without dropping anything it has.
  const base = emptyData();
  return { ...base, ...data, settings: { ...base.settings, ...(data.settings ?? {}) } };
}
