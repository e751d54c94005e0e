import { afterEach, describe, expect, it } from 'vitest';
import { PinGuard } from '../../../../electron/core/profiles/pin';
import { closeAll, openCore, people, TRACK } from './fixture';

afterEach(closeAll);

describe('sign-off', () => {
  it('shows a request as pending until a trainer signs off with the right PIN; records who and when', async () => {
    const core = await openCore();
    const { learner, trainer } = await people(core);
    const ref = { profileId: learner.id, trackId: TRACK, stepId: 'signoff-day1' };
    const asked = await core.requestSignoff({ ...ref, note: '第一天完成' });
    expect(asked.tracks[0].phases[0].steps[3]).toMatchObject({ done: false, signoffRequestedAt: expect.any(String) });
    let row = (await core.getDashboard({})).rows.find((r) => r.profileId === learner.id)!;
    expect(row.pendingSignoffs).toEqual([{ stepId: 'signoff-day1', title: '带教确认', requestedAt: expect.any(String) }]);

    await expect(core.signOff({ ...ref, trainerId: trainer.id, pin: '1111' })).rejects.toMatchObject({ code: 'forbidden', message: 'wrong PIN' });
    expect((await core.getProgress({ profileId: learner.id })).completed).toEqual([]);

    const before = Date.now();
    const done = await core.signOff({ ...ref, trainerId: trainer.id, pin: '2468' });
    const step = done.tracks[0].phases[0].steps[3];
    expect(step).toMatchObject({ done: true, signedBy: { id: trainer.id, name: '李老师' }, signoffRequestedAt: null });
    expect(Date.parse(step.completedAt!)).toBeGreaterThanOrEqual(before - 1000);
    row = (await core.getDashboard({})).rows.find((r) => r.profileId === learner.id)!;
    expect(row.pendingSignoffs).toEqual([]);
  });

  it('only a trainer, never for themselves, and only on sign-off steps', async () => {
    const core = await openCore();
    const { learner, trainer } = await people(core);
    const ref = { profileId: learner.id, trackId: TRACK, stepId: 'signoff-day1' };
    const withPin = await core.createProfile({ name: 'Bob', roleId: 'customer-service', pin: '2468' });
    await expect(core.signOff({ ...ref, trainerId: withPin.id, pin: '2468' })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining('not a trainer') });
    await expect(core.signOff({ ...ref, profileId: trainer.id, trainerId: trainer.id, pin: '2468' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(core.signOff({ ...ref, stepId: 'task-login', trainerId: trainer.id, pin: '2468' })).rejects.toMatchObject({ code: 'bad_request' });
    await expect(core.requestSignoff({ ...ref, stepId: 'task-login' })).rejects.toMatchObject({ code: 'bad_request' });
    await expect(core.signOff({ ...ref, trainerId: trainer.id, pin: '12' })).rejects.toMatchObject({ code: 'bad_request' });
    await expect(core.signOff({ ...ref, trainerId: 'ghost', pin: '2468' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('locks a trainer after five wrong PINs in a row, even for the right one', async () => {
    const core = await openCore();
    const { learner, trainer } = await people(core);
    const ref = { profileId: learner.id, trackId: TRACK, stepId: 'signoff-day1', trainerId: trainer.id };
    for (let i = 0; i < 5; i++) await expect(core.signOff({ ...ref, pin: '0000' })).rejects.toMatchObject({ message: 'wrong PIN' });
    await expect(core.signOff({ ...ref, pin: '2468' })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining('too many') });
  });

  it('PinGuard forgets failures after a success and unlocks after the wait', () => {
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
  });
});
