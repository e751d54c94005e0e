import fs from 'node:fs';
import type { Dashboard } from '../../contract.js';
import type { Shared, Store } from '../store/store.js';
import { learnerDevices } from './devices.js';
import { readRosterFiles, rosterDir } from './roster.js';

type ProfileRow = Shared['profiles'][number];

/**
 * The store as the trainer's dashboard and CSV see it in a team: this PC's profiles plus everyone
 * of the team's roster this PC does not hold (their records arrive with the sync), so a trainer sees
 * the whole team from any PC. Roster people carry no secret and no key: they sign nothing here.
 */
export function withTeamRoster(store: Store, dataDir: string): Store {
  let cached: { local: ProfileRow[]; stamp: number; shared: Shared } | null = null;
  const shared = (): Shared => {
    const local = store.shared.profiles;
    const stamp = fs.statSync(rosterDir(dataDir), { throwIfNoEntry: false })?.mtimeMs ?? -1;
    if (stamp < 0) return store.shared;
    if (cached && cached.local === local && cached.stamp === stamp && cached.shared.settings === store.shared.settings) return cached.shared;
    const here = new Set(local.map((p) => p.id));
    const extra: ProfileRow[] = [];
    for (const f of readRosterFiles(dataDir)) {
      for (const c of f.profiles) {
        if (here.has(c.id)) continue;
        here.add(c.id);
        extra.push({ ...c, pinHash: null, passphraseHash: null, publicKeys: [], sealedKey: null });
      }
    }
    cached = { local, stamp, shared: extra.length ? { ...store.shared, profiles: [...local, ...extra] } : store.shared };
    return cached.shared;
  };
  return Object.create(store, { shared: { get: shared, enumerable: true } }) as Store;
}

/** Each dashboard row with the PCs that hold the learner's records and when each last synced. */
export function withDeviceTimes(dashboard: Dashboard, dataDir: string): Dashboard {
  // Not in a team (no roster was ever written or received): a PC of its own has nothing to say here.
  if (!fs.existsSync(rosterDir(dataDir))) return dashboard;
  const devices = learnerDevices(dataDir, [...new Set(dashboard.rows.map((r) => r.profileId))]);
  return { ...dashboard, rows: dashboard.rows.map((r) => ({ ...r, devices: (devices.get(r.profileId) ?? []).map(({ name, lastSyncedAt }) => ({ name, lastSyncedAt })) })) };
}
