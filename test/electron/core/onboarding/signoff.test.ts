import { afterEach, describe, expect, it } from 'vitest';
import { PinGuard } from '../../../../electron/core/profiles/pin';
import { closeAll, openCore, PASSPHRASE, people, TRACK } from './fixture';

afterEach(closeAll);

describe('sign-off', () => {
  it('shows a request as pending until an unlocked trainer signs off; records who and when, signed', async () => {
    const core = await openCore();
    const { learner, trainer, lt, tt } = await people(core);
    const ref = { profileId: learner.id, trackId: TRACK, stepId: 'signoff-day1' };
    const asked = await core.requestSignoff({ ...ref, token: lt, note: '第一天完成' });
    expect(asked.tracks[0].phases[0].steps[3]).toMatchObject({ done: false, signoffRequestedAt: expect.any(String) });
    let row = (await core.getDashboard({ token: tt })).rows.find((r) => r.profileId === learner.id)!;
    expect(row.pendingSignoffs).toEqual([{ stepId: 'signoff-day1', title: '带教确认', requestedAt: expect.any(String) }]);

    // The learner's own session is not a trainer's.
    await expect(core.signOff({ ...ref, token: lt })).rejects.toMatchObject({ code: 'forbidden', key: 'trainerOnly' });
    expect((await core.getProgress({ token: lt, profileId: learner.id })).completed).toEqual([]);

    const before = Date.now();
    const done = await core.signOff({ ...ref, token: tt });
    const step = done.tracks[0].phases[0].steps[3];
    expect(step).toMatchObject({ done: true, signedBy: { id: trainer.id, name: '李老师' }, signoffRequestedAt: null, unverified: null });
    expect(done.completed.find((c) => c.stepId === 'signoff-day1')).toMatchObject({ verified: true });
    expect(Date.parse(step.completedAt!)).toBeGreaterThanOrEqual(before - 1000);
    row = (await core.getDashboard({ token: tt })).rows.find((r) => r.profileId === learner.id)!;
    expect(row.pendingSignoffs).toEqual([]);
    expect(row.unverifiedSignoffs).toEqual([]);
  });

  it('only a trainer, never for themselves, and only on sign-off steps', async () => {
    const core = await openCore();
    const { learner, trainer, lt, tt } = await people(core);
    const ref = { profileId: learner.id, trackId: TRACK, stepId: 'signoff-day1' };
    const withPin = await core.createProfile({ name: 'Bob', roleId: 'customer-service', pin: '2468' });
    const bob = (await core.openProfileSession({ profileId: withPin.id, pin: '2468' })).token;
    await expect(core.openEditSession({ profileId: withPin.id, passphrase: '2468' })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining('not a trainer') });
    await expect(core.signOff({ ...ref, token: bob })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(core.signOff({ ...ref, profileId: trainer.id, token: tt })).rejects.toMatchObject({ code: 'forbidden', key: 'ownSignoff' });
    await expect(core.signOff({ ...ref, stepId: 'task-login', token: tt })).rejects.toMatchObject({ code: 'bad_request' });
    await expect(core.requestSignoff({ ...ref, stepId: 'task-login', token: lt })).rejects.toMatchObject({ code: 'bad_request' });
    await expect(core.signOff({ ...ref, profileId: 'ghost', token: tt })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('locks a trainer after five wrong passphrases in a row, even for the right one', async () => {
    const core = await openCore();
    const { trainer } = await people(core);
    for (let i = 0; i < 5; i++) await expect(core.openEditSession({ profileId: trainer.id, passphrase: 'wrong passphrase' })).rejects.toMatchObject({ code: 'unauthorized', message: 'wrong passphrase' });
    await expect(core.openEditSession({ profileId: trainer.id, passphrase: PASSPHRASE })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining('too many') });
  });

  it('counts parallel wrong guesses one by one (scrypt is asynchronous)', async () => {
    const core = await openCore();
    const { trainer } = await people(core);
    const tries = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => core.openEditSession({ profileId: trainer.id, passphrase: 'guess number ' + i })));
    const locked = tries.filter((t) => t.status === 'rejected' && /too many/.test(String((t.reason as Error).message)));
    expect(locked.length).toBe(7);
  });

  it('PinGuard forgets failures after a success and unlocks after the wait (a lock-out never lasts)', () => {
    const g = new PinGuard(3, 1000);
    g.record('t', false, 0);
    g.record('t', false, 0);
    g.record('t', true, 0);
    g.record('t', false, 0);
    expect(g.lockedFor('t', 0)).toBe(0);
    g.record('t', false, 0);
    g.record('t', false, 0);
    expect(g.lockedFor('t', 10)).toBe(990);
    expect(g.lockedFor('t', 1000)).toBe(0);
    // Failures during a lock do not lengthen it: nobody can keep a trainer out for good by guessing.
    for (let i = 0; i < 100; i++) g.record('t', false, 1000 + i);
    expect(g.lockedFor('t', 1100)).toBeLessThanOrEqual(1000);
  });
});
