import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../electron/core/index.js';
import { contractPackTeam, LEARNER, TRAINER } from '../team/teamFixture.js';

/**
 * A progress file exported on one PC of a team and imported on another is weighed with the team's
 * keys (published with the content), not only this PC's trainers: a sign-off by a trainer of the team
 * verifies, and a forged or hand-edited copy neither verifies nor replaces a verified one.
 */
let team: Awaited<ReturnType<typeof contractPackTeam>>;
const PASS = 'team trainer 4321';
const STEP = { trackId: 'customer-service', stepId: 'signoff-day1' };

beforeEach(async () => { team = await contractPackTeam(); });
afterEach(() => team.dispose());
const pc = (name: string, credentials = TRAINER) => team.pc(name, credentials);

/** A trainer on A publishes their keys and signs 小明 off, then exports 小明's progress; B has the team's keys, not A's records. */
async function exportedOnA() {
  const a = await pc('a');
  const trainer = await a.core.createProfile({ name: '李老师', roleId: 'customer-service', trainer: true, passphrase: PASS });
  const ming = await a.core.createProfile({ name: '小明', roleId: 'customer-service' });
  const token = (await a.core.openEditSession({ profileId: trainer.id, passphrase: PASS })).token;
  await a.core.signOff({ token, profileId: ming.id, ...STEP });
  expect(await a.core.publishTeam({ token })).toMatchObject({ outcome: 'published' });
  const file = (await a.core.exportProgress({ token, format: 'json', profileId: ming.id })).content;
  const b = await pc('b', LEARNER);
  // Importing is a trainer's job: B's own trainer, whose key is not 李老师's.
  const local = await b.core.createProfile({ name: '王老师', roleId: 'customer-service', trainer: true, passphrase: PASS });
  const tb = (await b.core.openEditSession({ profileId: local.id, passphrase: PASS })).token;
  return { b, ming, trainer, file, tb };
}

const stepOf = async (core: Core, token: string, profileId: string) =>
  (await core.getProgress({ token, profileId })).tracks[0].phases.flatMap((p) => p.steps).find((s) => s.id === STEP.stepId)!;

/** The file with its one completion changed. */
function tampered(file: string, change: (c: { completedAt: string; signature?: string; signedBy?: { id: string; name: string } }) => void): string {
  const json = JSON.parse(file);
  change(json.completions[0]);
  return JSON.stringify(json);
}

describe('progress import across a team', () => {
  it('a sign-off in a file from another team PC verifies here through the team key file', async () => {
    const { b, ming, trainer, file, tb } = await exportedOnA();
    expect(fs.existsSync(path.join(b.contentDir, `trainers/${trainer.id}.yaml`))).toBe(true);
    expect(await b.core.importProgress({ token: tb, data: file })).toMatchObject({ profilesAdded: 1, changes: 1 });
    expect(await stepOf(b.core, tb, ming.id)).toMatchObject({ done: true, signedBy: { id: trainer.id }, unverified: null });
  });

  it('a hand-edited newer copy (date moved) or a newer un-tick does not replace the verified sign-off', async () => {
    const { b, ming, file, tb } = await exportedOnA();
    await b.core.importProgress({ token: tb, data: file });
    const verified = await stepOf(b.core, tb, ming.id);
    // A newer copy with the date moved (the signature no longer covers it): under this PC's keys alone it
    // would have looked like any unsigned fact and, being newer, replaced the sign-off.
    const later = tampered(file, (c) => { c.completedAt = new Date(Date.now() + 60_000).toISOString(); });
    await b.core.importProgress({ token: tb, data: later });
    expect(await stepOf(b.core, tb, ming.id)).toEqual(verified);
    // A newer un-tick (a learner's fact) does not remove a trainer's verified word either.
    const json = JSON.parse(file);
    json.completions = [];
    json.uncompletions = [{ profileId: ming.id, ...STEP, at: new Date(Date.now() + 120_000).toISOString() }];
    await b.core.importProgress({ token: tb, data: JSON.stringify(json) });
    expect(await stepOf(b.core, tb, ming.id)).toEqual(verified);
  });

  it('a forged file on its own (bad signature) counts as not signed off', async () => {
    const { b, ming, file, tb } = await exportedOnA();
    await b.core.importProgress({ token: tb, data: tampered(file, (c) => { c.signature = Buffer.alloc(64, 7).toString('base64'); }) });
    expect(await stepOf(b.core, tb, ming.id)).toMatchObject({ done: false, unverified: { claimedBy: '李老师' } });
  });
});
