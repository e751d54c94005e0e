import crypto from 'node:crypto';
import type { ParsedRequest, Profile } from '../../contract.js';
import { badRequest, notFound } from '../api/errors.js';
import type { Data } from '../store/schema.js';
import type { Store } from '../store/store.js';
import { hashPin } from './pin.js';

type Row = Data['profiles'][number];

export const toProfile = (p: Row): Profile => ({
  id: p.id, name: p.name, roleId: p.roleId, startDate: p.startDate, trainer: p.trainer, hasPin: p.pinHash !== null, createdAt: p.createdAt,
});

/** Today in the machine's local calendar: a start date is a calendar day, not an instant. */
export function localToday(now = new Date()): string {
  const d = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 10);
}

export function listProfiles(store: Store): Profile[] {
  return store.shared.profiles.map(toProfile);
}

export async function createProfile(store: Store, req: ParsedRequest<'createProfile'>, roleExists: (id: string) => boolean): Promise<Profile> {
  if (!roleExists(req.roleId)) throw badRequest(`unknown role "${req.roleId}"`, 'unknownRole', { role: req.roleId });
  const row: Row = {
    id: crypto.randomUUID(),
    name: req.name,
    roleId: req.roleId,
    startDate: req.startDate ?? localToday(),
    trainer: req.trainer ?? false,
    pinHash: req.pin ? hashPin(req.pin) : null,
    createdAt: new Date().toISOString(),
  };
  // Checked inside the write, so two requests for the same name at once cannot both pass.
  await store.updateShared((d) => {
    if (d.profiles.some((p) => p.name.toLowerCase() === req.name.toLowerCase())) {
      throw badRequest(`a profile named "${req.name}" already exists on this computer`, 'profileExists', { name: req.name });
    }
    d.profiles.push(row);
  });
  return toProfile(row);
}

export function requireProfile(store: Store, id: string): Row {
  const p = store.shared.profiles.find((x) => x.id === id);
  if (!p) throw notFound(`profile "${id}"`);
  return p;
}
