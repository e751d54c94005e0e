import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../../../electron/core/index.js';
import { trustedPackKeys } from '../../../../electron/core/team/trainerKeys.js';
import { signSignoff } from '../../../../electron/core/trust/signing.js';
import { keySetOf, signoffVerifies } from '../../../../electron/core/trust/verify.js';
import { trainerKeysText } from '../../../../electron/core/content/trainerKeysFile.js';
import { git } from '../../../support/gitServer.js';
import { contractPackFiles, LEARNER, read, TRAINER, TRAINER_PASSPHRASE as PASS, useTeamFixture, write } from './teamFixture.js';

/** Trainers' public keys travel in the content repository: a sign-off given on one PC verifies on every PC. */
const fx = useTeamFixture((f) => f.seedContractPack());
const STEP = { trackId: 'customer-service', stepId: 'signoff-day1' };

const pc = (name: string, credentials = TRAINER) => fx.joinedPc({ name, credentials, teamRecordsPushDelayMs: 60_000 });

function forgedSignoff(profileId: string, trainerId: string) {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  const completedAt = new Date().toISOString();
  const row = { profileId, ...STEP, completedAt, signedBy: { id: trainerId, name: '假老师' }, signature: signSignoff({ profileId, ...STEP, completedAt, trainerId }, privateKey) };
  return { row, spki: publicKey.export({ format: 'der', type: 'spki' }).toString('base64') };
}

describe('trainer keys in the content repository', () => {
  it('a sign-off given on PC A verifies on PC B after sync, through the key file A published', async () => {
    const a = await pc('a');
    const trainer = await a.core.createProfile({ name: '李老师', roleId: 'customer-service', trainer: true, passphrase: PASS });
    // Creating the trainer wrote the key file; the next Publish commits and pushes it.
    const rel = `trainers/${trainer.id}.yaml`;
    expect(read(a.contentDir, rel)).toContain('name: "李老师"');
    const ming = await a.core.createProfile({ name: '小明', roleId: 'customer-service' });
    const token = (await a.core.openEditSession({ profileId: trainer.id, passphrase: PASS })).token;
    await a.core.signOff({ token, profileId: ming.id, ...STEP });
    expect(await a.core.publishTeam({ token })).toMatchObject({ outcome: 'published' });
    expect(git(fx.server.repoDir('real'), 'show', `main:${rel}`)).toBe(read(a.contentDir, rel));
    expect(git(fx.server.repoDir('real'), 'log', '--format=%an|%s', 'main')).toContain('a|发布 李老师 的签名公钥');
    await a.core.syncTeam({});

    const b = await pc('b', LEARNER);
    await b.core.syncTeam({});
    expect(read(b.contentDir, rel)).toBe(read(a.contentDir, rel));
    await b.core.adoptTeamProfile({ profileId: ming.id, pin: '1357' });
    const tb = (await b.core.openProfileSession({ profileId: ming.id, pin: '1357' })).token;
    const step = (await b.core.getProgress({ token: tb, profileId: ming.id })).tracks[0].phases.flatMap((p) => p.steps).find((s) => s.id === STEP.stepId);
    expect(step).toMatchObject({ done: true, signedBy: { id: trainer.id, name: '李老师' }, unverified: null });
  });

  it('PC B without the key file shows the same sign-off as unverified', async () => {
    const a = await pc('a');
    const trainer = await a.core.createProfile({ name: '李老师', roleId: 'customer-service', trainer: true, passphrase: PASS });
    const ming = await a.core.createProfile({ name: '小明', roleId: 'customer-service' });
    const token = (await a.core.openEditSession({ profileId: trainer.id, passphrase: PASS })).token;
    await a.core.signOff({ token, profileId: ming.id, ...STEP });
    await a.core.syncTeam({}); // records only: without a trainer token the key file is never published

    const b = await pc('b', LEARNER);
    await b.core.syncTeam({});
    expect(fs.existsSync(path.join(b.contentDir, `trainers/${trainer.id}.yaml`))).toBe(false);
    await b.core.adoptTeamProfile({ profileId: ming.id, pin: '1357' });
    const tb = (await b.core.openProfileSession({ profileId: ming.id, pin: '1357' })).token;
    const step = (await b.core.getProgress({ token: tb, profileId: ming.id })).tracks[0].phases.flatMap((p) => p.steps).find((s) => s.id === STEP.stepId);
    expect(step).toMatchObject({ done: false, unverified: { claimedBy: '李老师' } });
  });

  it('a key file a learner adds to the folder outside the app is not trusted; the same file through the team branch is', async () => {
    const a = await pc('a');
    const b = await pc('b', LEARNER);
    await b.core.syncTeam({});
    const forged = forgedSignoff('learner-1', 'fake-trainer');
    const file = trainerKeysText({ id: 'fake-trainer', name: '假老师', keys: [forged.spki] });
    write(b.contentDir, 'trainers/fake-trainer.yaml', file);
    const onB = await loadPack(b.contentDir);
    expect(onB.trainers.has('fake-trainer')).toBe(true); // the loader reads it (validate sees it) …
    onB.trustedKeys = await trustedPackKeys(b.dataDir, b.contentDir, onB);
    expect(onB.trustedKeys.has('fake-trainer')).toBe(false); // … but this team checkout trusts only the team branch
    expect(signoffVerifies(forged.row as never, keySetOf({ profiles: [] }, onB))).toBe(false);

    // Written by a content-writer (a trainer, by the server's branch protection) and published, it counts.
    write(a.contentDir, 'trainers/fake-trainer.yaml', file);
    await a.core.syncTeam({});
    const tok = (await a.core.createProfile({ name: '王老师', roleId: 'customer-service', trainer: true, passphrase: PASS })).id;
    const token = (await a.core.openEditSession({ profileId: tok, passphrase: PASS })).token;
    expect(await a.core.publishTeam({ token })).toMatchObject({ outcome: 'published' });
    await b.core.syncTeam({});
    const after = await loadPack(b.contentDir);
    after.trustedKeys = await trustedPackKeys(b.dataDir, b.contentDir, after);
    expect(after.trustedKeys.get('fake-trainer')).toEqual([forged.spki]);
    expect(signoffVerifies(forged.row as never, keySetOf({ profiles: [] }, after))).toBe(true);
  });

  it('a folder pack (no team) trusts its own key files; a malformed one is reported and trusts nothing', async () => {
    const dir = fx.pc('solo').contentDir;
    for (const [f, t] of Object.entries(contractPackFiles())) write(dir, f, t);
    const forged = forgedSignoff('learner-1', 'solo-trainer');
    write(dir, 'trainers/solo-trainer.yaml', trainerKeysText({ id: 'solo-trainer', name: '老师', keys: [forged.spki] }));
    write(dir, 'trainers/broken.yaml', 'name: 坏\nkeys:\n  - not-a-key\n');
    write(dir, 'trainers/empty.yaml', 'name: 空\n');
    const pack = await loadPack(dir);
    expect([...pack.trustedKeys.keys()]).toEqual(['solo-trainer']);
    expect(signoffVerifies(forged.row as never, keySetOf({ profiles: [] }, pack))).toBe(true);
    const problems = pack.problems.filter((p) => p.code === 'trainer-keys');
    expect(problems.map((p) => [p.path, p.line])).toEqual([['trainers/broken.yaml', 3], ['trainers/empty.yaml', 1]]);
    expect(problems[0].message).toMatch(/key 1 is not an Ed25519 public key/);
  });
});
