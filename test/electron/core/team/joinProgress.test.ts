import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TeamJoinProgress } from '../../../../electron/contract.js';
import type { Core } from '../../../../electron/core/index.js';
import { joinPhase } from '../../../../electron/core/team/join.js';
import { seedRepo } from '../../../support/gitServer.js';
import { CONTRACT_PACK as PACK, contractPackFiles as packFiles, listFiles, TRAINER, useTeamFixture } from './teamFixture.js';

/** While the app joins a team, the status it polls says how far the join is (for the progress bar). */
const fx = useTeamFixture();
let core: Core;

describe('join progress', () => {
  it('shows the phases of a join in the team status while it runs, and nothing before or after', async () => {
    const many = Object.fromEntries(Array.from({ length: 600 }, (_, i) => [`articles/bulk/a${i}.md`, `---\ntitle: Article ${i}\n---\n\n# Article ${i}\n\nBody ${i}.\n`]));
    seedRepo(fx.server, 'big', { ...packFiles(), ...many });
    const pc = fx.pc();
    fs.cpSync(PACK, pc.contentDir, { recursive: true });
    core = await fx.openCore({ contentDir: pc.contentDir, dataDir: pc.dataDir });
    const trainer = await core.createProfile({ name: '李老师', roleId: 'customer-service', trainer: true, passphrase: 'team trainer 4321' });
    const { token } = await core.openEditSession({ profileId: trainer.id, passphrase: 'team trainer 4321' });
    expect((await core.getTeamStatus({})).joining).toBeUndefined();

    const target = fx.pc('joining').contentDir;
    let done = false;
    const join = core.joinTeam({ token, url: fx.server.url('big'), name: '李老师', email: 'li@example.test', username: TRAINER.username, password: TRAINER.password, contentDir: target })
      .finally(() => { done = true; });
    const seen: TeamJoinProgress[] = [];
    while (!done) {
      const s = await core.getTeamStatus({});
      if (s.joining) seen.push(s.joining);
      await new Promise((r) => setTimeout(r, 2));
    }
    expect(await join).toEqual({ contentDir: target, switched: false });
    const phases = [...new Set(seen.map((p) => p.phase))];
    expect(phases[0]).toBe('connecting');
    expect(phases).toContain('checkout');
    // Phases only move forward, and a checkout counts up to the files written.
    const order = ['connecting', 'receiving', 'resolving', 'checkout'];
    expect(phases.map((p) => order.indexOf(p))).toEqual([...phases.map((p) => order.indexOf(p))].sort((a, b) => a - b));
    const checkout = seen.filter((p) => p.phase === 'checkout');
    for (const p of checkout) expect(p.total !== null && p.loaded <= p.total).toBe(true);
    expect(checkout.at(-1)!.total).toBe(listFiles(target).filter((f) => !f.startsWith('.git')).length);
    expect((await core.getTeamStatus({})).joining).toBeUndefined();
  });

  it('clears the progress when a join fails', async () => {
    const pc = fx.pc();
    fs.cpSync(PACK, pc.contentDir, { recursive: true });
    core = await fx.openCore({ contentDir: pc.contentDir, dataDir: pc.dataDir });
    const trainer = await core.createProfile({ name: '李老师', roleId: 'customer-service', trainer: true, passphrase: 'team trainer 4321' });
    const { token } = await core.openEditSession({ profileId: trainer.id, passphrase: 'team trainer 4321' });
    await expect(core.joinTeam({ token, url: fx.url, name: 'a', email: 'a@b.c', username: 'trainer', password: 'wrong', contentDir: fx.pc().contentDir })).rejects.toMatchObject({ key: 'team.reason.auth' });
    expect((await core.getTeamStatus({})).joining).toBeUndefined();
  });

  it('names isomorphic-git’s phases with the contract’s few', () => {
    expect(['Counting objects', 'Compressing objects', 'Receiving objects', 'Resolving deltas', 'Analyzing workdir', 'Checking out', 'Starting'].map(joinPhase))
      .toEqual(['receiving', 'receiving', 'receiving', 'resolving', 'resolving', 'checkout', 'connecting']);
  });
});
