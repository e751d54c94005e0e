import { describe, expect, it } from 'vitest';
import { RECORDS_BRANCH } from '../../../../electron/core/team/records.js';
import { git } from '../../../support/gitServer.js';
import { LEARNER, TRAINER, useTeamFixture } from './teamFixture.js';

/** A learner at another PC picks themselves from the team's roster; their progress is one, from every PC. */
const fx = useTeamFixture((f) => f.seedContractPack());
const ref = (profileId: string, stepId: string) => ({ profileId, trackId: 'customer-service', stepId });

async function pc(name: string, credentials = TRAINER) {
  const { core, ...dirs } = await fx.joinedPc({ name, credentials, teamRecordsPushDelayMs: 60_000 });
  const { trainer, token } = await fx.trainerSession(core, `T-${name}`);
  return { ...dirs, core, token, trainer };
}
const doneSteps = (p: { steps: { id: string; done: boolean }[] }[]) => p.flatMap((t) => t.steps.filter((s) => s.done).map((s) => s.id)).sort();

describe('team roster', () => {
  it('a learner adopted at another PC has one progress: the union of both PCs\' events, both ways', async () => {
    const a = await pc('a');
    const b = await pc('b', LEARNER);
    const ming = await a.core.createProfile({ name: '小明', roleId: 'customer-service', pin: '2468' });
    const ta = (await a.core.openProfileSession({ profileId: ming.id, pin: '2468' })).token;
    await a.core.completeStep({ token: ta, ...ref(ming.id, 'task-login') });
    await a.core.syncTeam({});
    expect((await b.core.listTeamRoster({})).profiles).toEqual([]);
    await b.core.syncTeam({});
    const roster = (await b.core.listTeamRoster({})).profiles;
    expect(roster.map((p) => p.name).sort()).toEqual(['T-a', '小明']);
    expect(roster.find((p) => p.name === '小明')).toMatchObject({ id: ming.id, roleId: 'customer-service', trainer: false, devices: [expect.any(String)] });
    // Nothing secret travels: no PIN hash, passphrase hash, sealed or public key.
    const files = git(fx.server.repoDir('real'), 'ls-tree', '-r', '--name-only', RECORDS_BRANCH).trim().split('\n').filter((f) => f.startsWith('roster/'));
    expect(files).toHaveLength(2);
    for (const f of files) expect(git(fx.server.repoDir('real'), 'show', `${RECORDS_BRANCH}:${f}`)).not.toMatch(/pinHash|passphraseHash|sealedKey|publicKeys|2468/);

    const adopted = await b.core.adoptTeamProfile({ profileId: ming.id, pin: '1357' });
    expect(adopted).toMatchObject({ id: ming.id, name: '小明', trainer: false, hasPin: true });
    expect((await b.core.listTeamRoster({})).profiles.map((p) => p.name)).toEqual(['T-a']);
    const tb = (await b.core.openProfileSession({ profileId: ming.id, pin: '1357' })).token;
    expect(doneSteps((await b.core.getProgress({ token: tb, profileId: ming.id })).tracks[0].phases)).toEqual(['task-login']);
    await b.core.completeStep({ token: tb, ...ref(ming.id, 'read-refunds') });
    await b.core.syncTeam({});
    await a.core.syncTeam({});
    expect(doneSteps((await a.core.getProgress({ token: ta, profileId: ming.id })).tracks[0].phases)).toEqual(['read-refunds', 'task-login']);
    // Newer facts win across PCs: un-ticked on A after B ticked it.
    await a.core.uncompleteStep({ token: ta, ...ref(ming.id, 'read-refunds') });
    await a.core.syncTeam({});
    await b.core.syncTeam({});
    expect(doneSteps((await b.core.getProgress({ token: tb, profileId: ming.id })).tracks[0].phases)).toEqual(['task-login']);
  });

  it('adopting: unknown ids, twice, and a trainer (only by a trainer here, with a passphrase for this PC)', async () => {
    const a = await pc('a');
    const b = await pc('b');
    await a.core.syncTeam({});
    await b.core.syncTeam({});
    await expect(b.core.adoptTeamProfile({ profileId: 'nobody' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(b.core.adoptTeamProfile({ profileId: a.trainer.id, passphrase: 'b passphrase 99' })).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(b.core.adoptTeamProfile({ profileId: a.trainer.id, token: b.token })).rejects.toMatchObject({ code: 'bad_request', key: 'passphraseNeeded' });
    const t = await b.core.adoptTeamProfile({ profileId: a.trainer.id, token: b.token, passphrase: 'b passphrase 99' });
    expect(t).toMatchObject({ id: a.trainer.id, trainer: true });
    expect((await b.core.openEditSession({ profileId: a.trainer.id, passphrase: 'b passphrase 99' })).token).toMatch(/.{16}/);
    await expect(b.core.adoptTeamProfile({ profileId: a.trainer.id, token: b.token, passphrase: 'b passphrase 99' })).rejects.toMatchObject({ code: 'bad_request', key: 'profileExists' });
  });
});
