import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseConflictSide } from '../../electron/core/team/conflicts.js';
import { joinTeam } from '../../electron/core/team/join.js';
import { RECORDS_BRANCH, syncRecords } from '../../electron/core/team/records.js';
import { readState } from '../../electron/core/team/state.js';
import { syncContent } from '../../electron/core/team/sync.js';
import { git } from '../support/gitServer.js';
import { listFiles, teamFixture, TRAINER, LEARNER } from '../electron/core/team/teamFixture.js';

/**
 * Seeded sync fuzzer (after Joplin's): several devices with their own content and data folders do
 * random trainer edits (to their own file and to one shared file), learner records, go offline,
 * and the server goes down; then everyone syncs until quiet, settling conflicts as a person would.
 * Everyone must end with the same content, every edit must be in the final content or in the
 * server's history (a person chose the other side), every record on every PC, and `git fsck` clean.
 */
const SEED = Number(process.env.TEAM_FUZZ_SEED ?? 20261201);
const DEVICES = Number(process.env.TEAM_FUZZ_DEVICES ?? 5);
const STEPS = Number(process.env.TEAM_FUZZ_STEPS ?? 40);

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

type Fx = Awaited<ReturnType<typeof teamFixture>>;
let fx: Fx;
beforeAll(async () => { fx = await teamFixture(); });
afterAll(async () => { await fx.dispose(); });

interface Device { i: number; trainer: boolean; contentDir: string; dataDir: string; deviceId: string; offline: boolean; events: string[] }

describe(`team sync fuzzer (seed ${SEED}, ${DEVICES} devices, ${STEPS} steps)`, () => {
  it('converges: same content everywhere, no edit or record lost, server fsck clean', { timeout: 600_000 }, async () => {
    const rand = rng(SEED);
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
    const devices: Device[] = [];
    for (let i = 0; i < DEVICES; i++) {
      const pc = fx.pc(`dev${i}`);
      const trainer = i % 2 === 0;
      await joinTeam({ url: fx.url, ...pc, author: { name: `Device ${i}`, email: `d${i}@example.test` }, credentials: trainer ? TRAINER : LEARNER });
      devices.push({ i, trainer, ...pc, deviceId: `dev-${i}`, offline: false, events: [] });
    }
    const creds = (d: Device) => (d.trainer ? TRAINER : LEARNER);
    const ownTokens: string[] = [];
    const sharedTokens: string[] = [];
    let serverDown = false;
    const append = (d: Device, rel: string, token: string) => {
      const file = path.join(d.contentDir, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.appendFileSync(file, token + '\n');
    };
    const writeRecords = (d: Device) => {
      const file = path.join(d.dataDir, 'records', 'p-learner', `${d.deviceId}.json`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify({ events: d.events }));
    };
    const sync = async (d: Device) => {
      try {
        await syncContent({ contentDir: d.contentDir, dataDir: d.dataDir, credentials: creds(d) });
        await syncRecords({ dataDir: d.dataDir, url: fx.url, credentials: creds(d), deviceId: d.deviceId, author: { name: `Device ${d.i}`, email: 'x@example.test' } });
      } catch (err) {
        if ((err as { reason?: string }).reason !== 'unreachable') throw err;
      }
    };
    /** A person at the conflict screen: keeps theirs or takes the server's, at random. */
    const settle = (d: Device) => {
      for (const c of readState(d.dataDir)!.conflicts) if (!c.choice) chooseConflictSide(d.dataDir, d.contentDir, c.path, rand() < 0.5 ? 'mine' : 'theirs');
    };

    for (let step = 0; step < STEPS; step++) {
      const d = pick(devices);
      const r = rand();
      if (r < 0.08) {
        serverDown ? await fx.server.up() : await fx.server.down();
        serverDown = !serverDown;
      } else if (r < 0.16) {
        d.offline = !d.offline;
      } else if (r < 0.5) {
        if (d.trainer) {
          const token = `edit-${step}-d${d.i}`;
          if (rand() < 0.5) { append(d, `articles/own-${d.i}.md`, token); ownTokens.push(token); }
          else { append(d, 'articles/shared.md', token); sharedTokens.push(token); }
        } else {
          d.events.push(`ev-${step}-d${d.i}`);
          writeRecords(d);
        }
      } else if (!d.offline) {
        settle(d);
        await sync(d);
      }
    }

    // Everyone back online; sync until quiet (bounded), settling conflicts as they appear.
    if (serverDown) await fx.server.up();
    for (const d of devices) d.offline = false;
    let rounds = 0;
    for (; rounds < 8; rounds++) {
      for (const d of devices) { settle(d); await sync(d); }
      const heads = new Set(devices.map((d) => git(d.contentDir, 'rev-parse', 'HEAD').trim()));
      const waiting = devices.some((d) => readState(d.dataDir)!.conflicts.length > 0);
      if (heads.size === 1 && !waiting) break;
    }
    const bare = fx.server.repoDir('pack');
    const serverHead = git(bare, 'rev-parse', 'main').trim();
    // Same content on every device, equal to the server's.
    const snapshot = (dir: string) => listFiles(dir).filter((f) => !f.startsWith('.git/')).map((f) => f + '\n' + fs.readFileSync(path.join(dir, f), 'utf8')).join('\n---\n');
    const reference = snapshot(devices[0].contentDir);
    for (const d of devices) {
      expect(git(d.contentDir, 'rev-parse', 'HEAD').trim(), `device ${d.i} head`).toBe(serverHead);
      expect(snapshot(d.contentDir), `device ${d.i} content`).toBe(reference);
    }
    // Edits to a trainer's own file never conflict: all of them are in the final content.
    const finalText = listFiles(devices[0].contentDir).filter((f) => f.startsWith('articles/')).map((f) => fs.readFileSync(path.join(devices[0].contentDir, f), 'utf8')).join('\n');
    expect(ownTokens.length + sharedTokens.length, 'edits made to check').toBeGreaterThan(0);
    for (const t of ownTokens) expect(finalText, `own edit ${t}`).toContain(t);
    // Shared-file edits: in the final content, or recoverable from the server's history.
    const history = git(bare, 'log', '--all', '-p', '--format=%H');
    for (const t of sharedTokens) expect(finalText.includes(t) || history.includes(t), `shared edit ${t}`).toBe(true);
    // Every learner's records reached every device.
    for (const writer of devices.filter((d) => !d.trainer && d.events.length)) {
      const expected = JSON.stringify({ events: writer.events });
      expect(git(bare, 'show', `${RECORDS_BRANCH}:records/p-learner/${writer.deviceId}.json`)).toBe(expected);
      for (const d of devices) expect(fs.readFileSync(path.join(d.dataDir, 'records', 'p-learner', `${writer.deviceId}.json`), 'utf8'), `device ${d.i} has ${writer.deviceId}`).toBe(expected);
    }
    expect(git(bare, 'fsck', '--strict', '--no-progress').trim()).toBe('');
    console.log(`fuzz seed ${SEED}: ${ownTokens.length} own edits, ${sharedTokens.length} shared edits, quiet after ${rounds + 1} round(s)`);
  });
});
