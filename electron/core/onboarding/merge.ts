import type { ImportResult } from '../../contract.js';
import type { Data } from '../store/schema.js';
import type { KeySet } from '../trust/signing.js';
import { claimsTrainer, signoffVerifies } from '../trust/verify.js';
import type { ExportFile } from './exportFile.js';

type Completion = Data['completions'][number];
type Uncompletion = Data['uncompletions'][number];
type Request = Data['signoffRequests'][number];
const key = (r: { profileId: string; trackId: string; stepId: string }) => `${r.profileId}\u0000${r.trackId}\u0000${r.stepId}`;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Maps each incoming profile to a local one: the same id (exported from here before), else the
 * same name and role (the same person set up on two PCs), else a new learner profile.
 */
function mapProfiles(d: Data, file: ExportFile, result: ImportResult): Map<string, string> {
  const ids = new Map<string, string>();
  const referenced = new Set([...file.completions, ...file.uncompletions, ...file.quizAttempts, ...file.signoffRequests].map((r) => r.profileId));
  for (const p of file.profiles) {
    const local = d.profiles.find((x) => x.id === p.id)
      ?? d.profiles.find((x) => x.name.toLowerCase() === p.name.toLowerCase() && x.roleId === p.roleId);
    if (local) {
      ids.set(p.id, local.id);
      result.profilesMatched++;
      continue;
    }
    // A trainer from elsewhere with nothing to merge is not brought over.
    if (p.trainer && !referenced.has(p.id)) continue;
    const clash = d.profiles.some((x) => x.name.toLowerCase() === p.name.toLowerCase());
    d.profiles.push({ ...p, name: clash ? `${p.name} (${p.roleId})`.slice(0, 60) : p.name, trainer: false, pinHash: null, passphraseHash: null, publicKeys: [], sealedKey: null });
    ids.set(p.id, p.id);
    result.profilesAdded++;
  }
  return ids;
}

/** The later of two facts by its time; on a tie the local one stays, so a re-import is a no-op. */
function newer<T>(local: T | undefined, incoming: T | undefined, at: (x: T) => string): T | undefined {
  if (!local) return incoming;
  if (!incoming) return local;
  return at(incoming) > at(local) ? incoming : local;
}

/**
 * Merges an export into the database (call inside `store.update`). Per step the most recent fact
 * wins — a completion, a re-read or an un-tick — quiz attempts are unioned by id, and the latest
 * sign-off request is kept. Importing the same file again changes nothing.
 */
export function mergeProgress(d: Data, file: ExportFile, keys: KeySet): ImportResult {
  // A sign-off that verifies here is a trainer's word: only another verified, newer one replaces it,
  // and no un-tick (a learner's fact) removes it. What does not verify is kept, shown as unverified.
  const signed = (c: Completion | undefined) => !!c && claimsTrainer(c) && signoffVerifies(c, keys);
  const result: ImportResult = { profilesAdded: 0, profilesMatched: 0, changes: 0, unchanged: true };
  const ids = mapProfiles(d, file, result);
  const remap = <T extends { profileId: string }>(rows: T[]) => rows.filter((r) => ids.has(r.profileId)).map((r) => ({ ...r, profileId: ids.get(r.profileId)! }));

  const done = new Map<string, Completion>(d.completions.map((c) => [key(c), c]));
  const undone = new Map<string, Uncompletion>(d.uncompletions.map((u) => [key(u), u]));
  const inDone = new Map(remap(file.completions).map((c) => [key(c), c]));
  const inUndone = new Map(remap(file.uncompletions).map((u) => [key(u), u]));
  for (const k of new Set([...inDone.keys(), ...inUndone.keys()])) {
    const c = newer(done.get(k), inDone.get(k), (x) => x.completedAt);
    const u = newer(undone.get(k), inUndone.get(k), (x) => x.at);
    let [nextDone, nextUndone] = c && u ? (u.at > c.completedAt ? [undefined, u] : [c, undefined]) : [c, u];
    const local = done.get(k);
    if (signed(local) && nextDone !== local && !signed(nextDone)) [nextDone, nextUndone] = [local, undefined];
    if (!same(nextDone, done.get(k)) || !same(nextUndone, undone.get(k))) result.changes++;
    if (nextDone) done.set(k, nextDone); else done.delete(k);
    if (nextUndone) undone.set(k, nextUndone); else undone.delete(k);
  }
  d.completions = [...done.values()];
  d.uncompletions = [...undone.values()];

  const attemptIds = new Set(d.quizAttempts.map((a) => a.id));
  for (const a of remap(file.quizAttempts)) {
    if (attemptIds.has(a.id)) continue;
    d.quizAttempts.push(a);
    attemptIds.add(a.id);
    result.changes++;
  }

  // Practice answers have no id: one learner answers one question once at a given instant.
  const practiceKey = (p: Data['quizPractice'][number]) => `${p.profileId}\u0000${p.quizId}\u0000${p.questionId}\u0000${p.at}`;
  const practised = new Set(d.quizPractice.map(practiceKey));
  for (const p of remap(file.quizPractice)) {
    if (practised.has(practiceKey(p))) continue;
    d.quizPractice.push(p);
    practised.add(practiceKey(p));
    result.changes++;
  }

  // Confirmations and 表彰 are facts as they happened, carried as they are: the same fact twice is once.
  // A 表彰 keeps its signature; whether it checks is decided where it is read (recognition/), so a
  // forged one arrives but shows as unverified and earns nothing.
  const ackKey = (a: Data['acknowledgements'][number]) => JSON.stringify([a.profileId, a.articleId, a.version, a.contentHash, a.at]);
  const acks = new Set((d.acknowledgements ??= []).map(ackKey));
  for (const a of remap(file.acknowledgements)) {
    if (acks.has(ackKey(a))) continue;
    d.acknowledgements.push(a);
    acks.add(ackKey(a));
    result.changes++;
  }
  const recognitionIds = new Set((d.recognitions ??= []).map((r) => r.id));
  for (const r of remap(file.recognitions)) {
    if (recognitionIds.has(r.id)) continue;
    d.recognitions.push(r);
    recognitionIds.add(r.id);
    result.changes++;
  }

  const requests = new Map<string, Request>(d.signoffRequests.map((r) => [key(r), r]));
  for (const r of remap(file.signoffRequests)) {
    const k = key(r);
    const kept = newer(requests.get(k), r, (x) => x.requestedAt)!;
    if (!same(kept, requests.get(k))) {
      requests.set(k, kept);
      result.changes++;
    }
  }
  d.signoffRequests = [...requests.values()];
  result.unchanged = result.changes === 0 && result.profilesAdded === 0;
  return result;
}
