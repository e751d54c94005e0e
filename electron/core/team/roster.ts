import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TeamRosterEntry } from '../../contract.js';
import type { Data } from '../store/schema.js';
import { SAFE_ID } from './device.js';
import { writeFileAtomic } from '../fs/atomicWrite.js';

type ProfileRow = Data['profiles'][number];

/**
 * The team's roster: each PC publishes the profiles it holds as `roster/<deviceId>.json` next to
 * the records (one writer per file, like them), so a learner at another PC picks themselves instead
 * of making a second profile. A card carries what identifies a person and nothing secret: no PIN or
 * passphrase hash, no sealed key. Nor public keys: the records branch is writable by every member,
 * so a key read from it could be anyone's; trust comes from this PC's own trainers.
 */
export interface RosterCard { id: string; name: string; roleId: string; startDate: string; trainer: boolean; createdAt: string }
export interface RosterFile { deviceId: string; deviceName: string; profiles: RosterCard[] }

export const rosterDir = (dataDir: string) => path.join(dataDir, 'roster');
export const ownRosterPath = (deviceId: string) => `roster/${deviceId}.json`;

/** `roster/<deviceId>.json` with a safe id, or null. */
export function parseRosterPath(p: string): { deviceId: string } | null {
  const m = /^roster\/([^/]+)\.json$/.exec(p);
  return m && SAFE_ID.test(m[1]) ? { deviceId: m[1] } : null;
}

const cardOf = (p: ProfileRow): RosterCard => ({ id: p.id, name: p.name, roleId: p.roleId, startDate: p.startDate, trainer: p.trainer, createdAt: p.createdAt });

/** Writes this PC's roster file when the profiles it holds changed (an unchanged file makes no commit). */
export async function writeOwnRoster(dataDir: string, deviceId: string, profiles: ProfileRow[]): Promise<void> {
  const body: RosterFile = { deviceId, deviceName: os.hostname().slice(0, 100), profiles: profiles.map(cardOf) };
  const file = path.join(dataDir, ownRosterPath(deviceId));
  const text = JSON.stringify(body);
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, text);
}

const str = (v: unknown, max: number) => typeof v === 'string' && v.length > 0 && v.length <= max;

/** A card as read from another PC's file: anything malformed is dropped, not trusted. */
function validCard(c: unknown): c is RosterCard {
  const r = c as Record<string, unknown>;
  return !!r && typeof r === 'object' && str(r.id, 64) && str(r.name, 60) && str(r.roleId, 64) && typeof r.startDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(r.startDate as string)
    && typeof r.trainer === 'boolean' && str(r.createdAt, 40);
}

/** Every PC's roster file in this data folder (this PC's included), each read defensively. */
export function readRosterFiles(dataDir: string): RosterFile[] {
  const dir = rosterDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  const out: RosterFile[] = [];
  for (const name of fs.readdirSync(dir)) {
    const id = parseRosterPath(`roster/${name}`);
    if (!id) continue;
    try {
      const raw = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as Partial<RosterFile>;
      const profiles = Array.isArray(raw.profiles) ? raw.profiles.filter(validCard) : [];
      out.push({ deviceId: id.deviceId, deviceName: str(raw.deviceName, 100) ? raw.deviceName! : id.deviceId, profiles });
    } catch { /* a broken file of another PC: its writer sends it again */ }
  }
  return out;
}

/**
 * The team's profiles this PC does not hold yet, one entry per person (the same id on several PCs
 * is one person; the earliest card's fields win, as that is where the profile was made).
 */
export function teamRoster(dataDir: string, local: Pick<ProfileRow, 'id'>[]): TeamRosterEntry[] {
  const here = new Set(local.map((p) => p.id));
  const byId = new Map<string, TeamRosterEntry>();
  for (const f of readRosterFiles(dataDir)) {
    for (const c of f.profiles) {
      if (here.has(c.id)) continue;
      const seen = byId.get(c.id);
      if (!seen) byId.set(c.id, { ...c, devices: [f.deviceName] });
      else if (!seen.devices.includes(f.deviceName)) seen.devices.push(f.deviceName);
    }
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/** One card of the team roster by id, or null. */
export function rosterCard(dataDir: string, profileId: string): RosterCard | null {
  for (const f of readRosterFiles(dataDir)) for (const c of f.profiles) if (c.id === profileId) return c;
  return null;
}
