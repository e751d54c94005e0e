import type { ParsedRequest, Profile } from '../../contract.js';
import { badRequest, notFound } from '../api/errors.js';
import type { EditSessions } from '../profiles/sessions.js';
import { toProfile } from '../profiles/profiles.js';
import { hashPin } from '../profiles/pin.js';
import type { Data } from '../store/schema.js';
import type { Store } from '../store/store.js';
import { newTrainerKeys } from '../trust/keys.js';
import { hashPassphrase } from '../trust/passphrase.js';
import { rosterCard } from './roster.js';

type Row = Data['profiles'][number];

/**
 * Takes a profile of the team's roster onto this PC with the same id: its records from every PC
 * are then one person's (the store's union). A trainer is adopted as `createProfile` makes one: by
 * a trainer of this PC (none yet: the first), with a passphrase sealing a key made here. The key
 * of another PC never travels, so sign-offs given elsewhere verify here only once that PC's public
 * key is known to this one.
 */
export async function adoptTeamProfile(store: Store, sessions: EditSessions, dataDir: string, req: ParsedRequest<'adoptTeamProfile'>): Promise<Profile> {
  const card = rosterCard(dataDir, req.profileId);
  if (!card) throw notFound(`profile "${req.profileId}" in the team's roster`);
  const needsToken = () => card.trainer && sessions.hasTrainer();
  if (needsToken()) sessions.require(req.token);
  if (card.trainer && !req.passphrase) throw badRequest('a trainer needs a passphrase on this PC', 'passphraseNeeded');
  if (!card.trainer && req.passphrase) throw badRequest('a learner has no passphrase: leave it empty', 'passphraseNeeded');
  const keys = card.trainer ? await newTrainerKeys(req.passphrase!) : null;
  const row: Row = {
    id: card.id, name: card.name, roleId: card.roleId, startDate: card.startDate, trainer: card.trainer, createdAt: card.createdAt,
    pinHash: !card.trainer && req.pin ? hashPin(req.pin) : null,
    passphraseHash: keys ? await hashPassphrase(req.passphrase!) : null,
    publicKeys: keys ? [keys.publicKey] : [],
    sealedKey: keys?.sealed ?? null,
  };
  await store.updateShared((d) => {
    if (d.profiles.some((p) => p.id === card.id)) throw badRequest(`${card.name} is already on this computer`, 'profileExists', { name: card.name });
    if (d.profiles.some((p) => p.name.toLowerCase() === card.name.toLowerCase())) throw badRequest(`a profile named "${card.name}" already exists on this computer`, 'profileExists', { name: card.name });
    if (needsToken()) sessions.require(req.token);
    d.profiles = [...d.profiles, row];
  });
  return toProfile(row);
}
