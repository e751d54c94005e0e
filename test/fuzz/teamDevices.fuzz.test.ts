import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requests } from '../../electron/contract.js';
import type { Dashboard } from '../../electron/contract.js';
import { createCore, type Core } from '../../electron/core/index.js';
import { joinTeam } from '../../electron/core/team/join.js';
import { RECORDS_BRANCH } from '../../electron/core/team/records.js';
import { SHARED_FILE } from '../../electron/core/store/layout.js';
import { git, seedRepo } from '../support/gitServer.js';
import { startNetLink, type NetLink } from '../support/netLink.js';
import { listFiles, teamFixture, TRAINER, LEARNER } from '../electron/core/team/teamFixture.js';

/**
 * Seeded team fuzzer on whole cores (after Joplin's sync fuzzer). Every device is a PC: its own
 * content and data folders, its own `createCore`, its own network cable to the one git server
 * (test/support/netLink.ts). Learners read, tick steps, take the quiz, ask for sign-offs; trainers
 * sign off and edit one article everybody edits and one of their own, in the app (saveArticle)
 * and now and then in a text editor outside it.
 * Cables come out, the server goes down, PCs restart, and `handbook team sync` runs as a child
 * process that is killed with SIGKILL in the middle of its push. Then everyone syncs until quiet.
 *
 * What must hold: every PC shows the server's content; the same dashboard on every PC; no
 * acknowledged event lost; no acknowledged edit lost (in the final text, or in the server's history
 * after a person chose the other side at the conflict screen, where both versions were readable);
 * `git fsck` clean on the server.
 *
 * Run the full size with (progress on stderr):
 *   TEAM_FUZZ_DEVICES=20 TEAM_FUZZ_STEPS=200 TEAM_FUZZ_MINUTES=60 TEAM_FUZZ_LOG=1 npx vitest run test/fuzz/teamDevices.fuzz.test.ts
 * (TEAM_FUZZ_SEED picks the seed; the result of that run is in the README, "Using Handbook as a team").
 */
const SEED = Number(process.env.TEAM_FUZZ_SEED ?? 20261202);
const DEVICES = Number(process.env.TEAM_FUZZ_DEVICES ?? 6);
const STEPS = Number(process.env.TEAM_FUZZ_STEPS ?? 90);
/** Minutes the whole run may take (the 20-PC run needs far more than CI's 6). */
const MINUTES = Number(process.env.TEAM_FUZZ_MINUTES ?? 15);
/** Progress on stderr for long runs. */
const progress = (line: string) => { if (process.env.TEAM_FUZZ_LOG) process.stderr.write(`[team fuzz ${new Date().toISOString().slice(11, 19)}] ${line}\n`); };
const PACK = 'test/fixtures/contract-pack';
const CLI = path.resolve('bin/handbook.js');
const CLI_BUILT = fs.existsSync(path.resolve('dist/node/cli.js'));
const PASSPHRASE = 'team fuzz trainer 2468';
const TRACK = 'customer-service';
const SHARED_ARTICLE = 'cs/refunds';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

interface Device {
  i: number;
  /** A trainer's PC (trainer git account, trainer profile unlocked there); the others use a learner account. */
  trainerId: string | null;
  contentDir: string;
  dataDir: string;
  link: NetLink;
  core: Core;
  /** Learners who use this PC (shift PCs are shared). */
  learners: string[];
}

interface Acked {
  done: Set<string>;
  quizAttempts: number;
  quizPassed: boolean;
  signedOff: boolean;
  views: Set<string>;
}

/** main's `syncTeam` takes no arguments; with h-team-records it takes a trainer `token` to publish. Pass it once accepted. */
const syncArgs = (token: string | null): Parameters<Core['syncTeam']>[0] =>
  (token && requests.syncTeam.safeParse({ token }).success ? { token } : {}) as Parameters<Core['syncTeam']>[0];

type Fx = Awaited<ReturnType<typeof teamFixture>>;
let fx: Fx;
const devices: Device[] = [];
beforeAll(async () => { fx = await teamFixture(); });
afterAll(async () => {
  for (const d of devices) { await d.core.close().catch(() => {}); await d.link.close(); }
  await fx.dispose();
}, 300_000);

describe(`team fuzzer on whole cores (seed ${SEED}, ${DEVICES} devices, ${STEPS} steps)`, () => {
  it.skipIf(!CLI_BUILT)('converges: same content and dashboard everywhere, no event or edit lost, server fsck clean', { timeout: MINUTES * 60_000 }, async () => {
    const rand = rng(SEED);
    const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
    const packFiles = Object.fromEntries(listFiles(PACK).map((f) => [f, fs.readFileSync(path.join(PACK, f))]));
    seedRepo(fx.server, 'team', packFiles).dispose();
    const bare = fx.server.repoDir('team');

    // The team's people, made once and copied to every PC: the roster stands in for what
    // h-team-records brings (profiles travelling with the records); ids match on every PC.
    const rosterPc = fx.pc('roster');
    fs.mkdirSync(rosterPc.contentDir, { recursive: true });
    for (const [f, body] of Object.entries(packFiles)) { fs.mkdirSync(path.dirname(path.join(rosterPc.contentDir, f)), { recursive: true }); fs.writeFileSync(path.join(rosterPc.contentDir, f), body); }
    const roster = await createCore({ contentDir: rosterPc.contentDir, dataDir: rosterPc.dataDir });
    const trainerCount = Math.max(2, Math.ceil(DEVICES / 3));
    const trainers: string[] = [];
    trainers.push((await roster.createProfile({ name: '带教0', roleId: TRACK, trainer: true, passphrase: PASSPHRASE })).id);
    const { token: rosterToken } = await roster.openEditSession({ profileId: trainers[0], passphrase: PASSPHRASE });
    for (let t = 1; t < trainerCount; t++) trainers.push((await roster.createProfile({ token: rosterToken, name: `带教${t}`, roleId: TRACK, trainer: true, passphrase: PASSPHRASE })).id);
    const learners: string[] = [];
    for (let l = 0; l < DEVICES; l++) learners.push((await roster.createProfile({ name: `学员${l}`, roleId: TRACK })).id);
    await roster.close();
    const sharedFile = fs.readFileSync(path.join(rosterPc.dataDir, SHARED_FILE));

    const tokens = new Map<Core, { trainer: string | null; learner: Map<string, string> }>();
    const open = async (d: Device) => {
      d.core = await createCore({ contentDir: d.contentDir, dataDir: d.dataDir });
      const trainer = d.trainerId ? (await d.core.openEditSession({ profileId: d.trainerId, passphrase: PASSPHRASE })).token : null;
      const learner = new Map<string, string>();
      for (const id of d.learners) learner.set(id, (await d.core.openProfileSession({ profileId: id })).token);
      tokens.set(d.core, { trainer, learner });
    };
    const trainerDevices = new Set(Array.from({ length: trainerCount }, (_, t) => Math.floor((t * DEVICES) / trainerCount)));
    for (let i = 0; i < DEVICES; i++) {
      const link = await startNetLink(fx.server.port);
      const pc = fx.pc(`dev${i}`);
      const trainerId = trainerDevices.has(i) ? trainers[[...trainerDevices].indexOf(i)] : null;
      await joinTeam({ url: link.url('team'), ...pc, author: { name: `PC ${i}`, email: `pc${i}@example.test` }, credentials: trainerId ? TRAINER : LEARNER });
      fs.mkdirSync(pc.dataDir, { recursive: true });
      fs.writeFileSync(path.join(pc.dataDir, SHARED_FILE), sharedFile);
      const d: Device = { i, trainerId, ...pc, link, core: null as unknown as Core, learners: [learners[i], learners[(i + 1) % DEVICES]] };
      await open(d);
      devices.push(d);
    }

    const acked = new Map(learners.map((id) => [id, { done: new Set<string>(), quizAttempts: 0, quizPassed: false, signedOff: false, views: new Set<string>() } as Acked]));
    const edits: Array<{ token: string; article: string; device: number }> = [];
    let serverDown = false;
    let kills = 0;
    let conflictsSeen = 0;
    const log: string[] = [];
    const tok = (d: Device) => tokens.get(d.core)!;
    /** Only a team's own failures are expected: offline, server down. Anything else fails the run. */
    const tolerate = (err: unknown) => {
      if ((err as { key?: string }).key !== 'team.reason.unreachable') throw err;
    };

    const sync = async (d: Device) => {
      try {
        return await d.core.syncTeam(syncArgs(tok(d).trainer));
      } catch (err) {
        tolerate(err);
        return null;
      }
    };
    /** A trainer at the conflict screen reads both versions, then keeps one at random. */
    const settle = async (d: Device) => {
      const status = await d.core.getTeamStatus({});
      const waiting = (status.joined && status.conflicts?.filter((c) => !c.choice)) || [];
      const token = tok(d).trainer;
      if (!waiting.length) return;
      expect(token, `learner PC ${d.i} has a conflict`).not.toBeNull();
      for (const c of waiting) {
        conflictsSeen++;
        const both = await d.core.getTeamConflict({ token: token!, path: c.path });
        expect(both.mine, `${c.path} mine on PC ${d.i}`).toBe(git(d.contentDir, 'show', `HEAD:${c.path}`));
        expect(both.theirs, `${c.path} theirs on PC ${d.i}`).toBe(git(bare, 'show', `${readConflictTheirs(d)}:${c.path}`));
        await d.core.resolveTeamConflict({ token: token!, path: c.path, choice: rand() < 0.5 ? 'mine' : 'theirs' });
      }
    };
    const readConflictTheirs = (d: Device) => git(d.contentDir, 'rev-parse', 'refs/handbook/conflict-theirs').trim();

    const edit = async (d: Device, step: number) => {
      const token = tok(d).trainer!;
      const own = rand() < 0.5;
      const id = own ? `cs/note-pc${d.i}` : SHARED_ARTICLE;
      const mark = `edit-${step}-pc${d.i}`;
      const file = path.join(d.contentDir, 'articles', `${id}.md`);
      // One edit in four is made outside the app (a text editor): sync must find and commit it too.
      if (rand() < 0.25 && fs.existsSync(file)) {
        fs.appendFileSync(file, `\n${mark}\n`);
        edits.push({ token: mark, article: `articles/${id}.md`, device: d.i });
        return;
      }
      let baseHash: string | null = null;
      let body = `# 笔记 ${d.i}\n`;
      try {
        const src = await d.core.getArticleSource({ token, id });
        baseHash = src.hash;
        body = src.body;
      } catch (err) {
        if ((err as { code?: string }).code !== 'not_found') throw err;
      }
      await d.core.saveArticle({ token, id, baseHash, fields: baseHash ? {} : { title: `笔记 ${d.i}` }, body: body.replace(/\n*$/, '\n') + `\n${mark}\n` });
      edits.push({ token: mark, article: `articles/${id}.md`, device: d.i });
    };

    const learnerAct = async (d: Device) => {
      const profileId = pick(d.learners);
      const token = tok(d).learner.get(profileId)!;
      const a = acked.get(profileId)!;
      const r = rand();
      if (r < 0.3) {
        const articleId = pick(['cs/refunds', 'cs/presales']);
        await d.core.getArticle({ id: articleId });
        await d.core.recordView({ token, profileId, articleId });
        a.views.add(articleId);
      } else if (r < 0.6) {
        const stepId = pick(['read-refunds', 'task-login']);
        await d.core.completeStep({ token, profileId, trackId: TRACK, stepId });
        a.done.add(stepId);
      } else if (r < 0.85) {
        const res = await d.core.submitQuiz({ token, profileId, trackId: TRACK, stepId: 'quiz-basics', answers: { q1: rand() < 0.5 } });
        a.quizAttempts++;
        if (res.passed) { a.quizPassed = true; a.done.add('quiz-basics'); }
      } else {
        await d.core.requestSignoff({ token, profileId, trackId: TRACK, stepId: 'signoff-day1' });
      }
    };

    /** `handbook team sync` in a child process, killed with SIGKILL the moment its push starts (or lands). */
    const killedSync = async (d: Device, when: 'before' | 'after' = rand() < 0.5 ? 'before' : 'after'): Promise<boolean> => {
      const child = spawn(process.execPath, [CLI, 'team', 'sync', '--data', d.dataDir, '--content', d.contentDir], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LANG: 'en_US.UTF-8' } });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
      let killed = false;
      const cancel = d.link.onPush(when, () => { killed = true; child.kill('SIGKILL'); });
      const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
      cancel();
      if (killed) kills++;
      log.push(`pc${d.i} cli sync ${killed ? `killed ${when} push` : `exit ${code}`}`);
      // Not killed: it synced (0), waits for a person (1) or could not reach the server (3); never a crash.
      if (!killed) expect([0, 1, 3], `cli on PC ${d.i}: ${stderr}`).toContain(code);
      if (!killed) expect(stderr).not.toMatch(/\n\s+at /);
      return killed;
    };

    const trainerPcs = devices.filter((d) => d.trainerId);
    progress(`${DEVICES} PCs joined`);
    for (let step = 0; step < STEPS; step++) {
      if (step % 25 === 0) progress(`step ${step}/${STEPS}: ${edits.length} edits, ${kills} kills, ${conflictsSeen} conflicts`);
      const r = rand();
      // Trainers' actions happen on trainers' PCs; everything else on any PC.
      const d = r >= 0.4 && r < 0.6 ? pick(trainerPcs) : pick(devices);
      if (r < 0.05) {
        serverDown ? await fx.server.up() : await fx.server.down();
        serverDown = !serverDown;
        log.push(`server ${serverDown ? 'down' : 'up'}`);
      } else if (r < 0.12) {
        d.link.plugged ? await d.link.unplug() : await d.link.plug();
        log.push(`pc${d.i} ${d.link.plugged ? 'online' : 'offline'}`);
      } else if (r < 0.4) {
        await learnerAct(d);
      } else if (r < 0.54) {
        await edit(d, step);
      } else if (r < 0.6) {
        const profileId = pick(learners);
        await d.core.signOff({ token: tok(d).trainer!, profileId, trackId: TRACK, stepId: 'signoff-day1' });
        acked.get(profileId)!.signedOff = true;
        acked.get(profileId)!.done.add('signoff-day1');
      } else if (r < 0.64) {
        await d.core.close();
        await open(d);
        log.push(`pc${d.i} restarted`);
      } else if (r < 0.7) {
        await settle(d);
        await killedSync(d);
      } else {
        await settle(d);
        await sync(d);
      }
    }

    // Everyone back online; sync until quiet (bounded), settling conflicts as they appear.
    if (serverDown) await fx.server.up();
    for (const d of devices) await d.link.plug();
    // Whatever the seed, two pushes die: a trainer's content push before it reaches the server,
    // and a learner PC's records push after the server took it.
    await edit(trainerPcs[0], STEPS);
    await settle(trainerPcs[0]);
    expect(await killedSync(trainerPcs[0], 'before'), 'content push killed').toBe(true);
    const learnerPc = devices.find((d) => !d.trainerId)!;
    await learnerAct(learnerPc);
    expect(await killedSync(learnerPc, 'after'), 'records push killed').toBe(true);
    let rounds = 0;
    for (; rounds < 12; rounds++) {
      let moved = false;
      for (const d of devices) {
        await settle(d);
        const r = await d.core.syncTeam(syncArgs(tok(d).trainer));
        if (r.outcome !== 'up_to_date' || r.records.pushed || r.records.pulled) moved = true;
      }
      const serverHead = git(bare, 'rev-parse', 'main').trim();
      const aligned = devices.every((d) => git(d.contentDir, 'rev-parse', 'HEAD').trim() === serverHead);
      progress(`final round ${rounds + 1}: ${moved ? 'still moving' : 'quiet'}, ${aligned ? 'aligned' : 'not aligned'}`);
      if (!moved && aligned) break;
    }
    expect(rounds, 'quiet within 12 rounds').toBeLessThan(12);

    // Same content on every PC, equal to the server's.
    const serverHead = git(bare, 'rev-parse', 'main').trim();
    const snapshot = (dir: string) => listFiles(dir).filter((f) => !f.startsWith('.git/')).map((f) => f + '\n' + fs.readFileSync(path.join(dir, f), 'utf8')).join('\n---\n');
    const reference = snapshot(devices[0].contentDir);
    expect(reference).toBe(snapshot(checkout(bare, fx.tmp)));
    for (const d of devices) {
      expect(git(d.contentDir, 'rev-parse', 'HEAD').trim(), `PC ${d.i} head`).toBe(serverHead);
      expect(snapshot(d.contentDir), `PC ${d.i} content`).toBe(reference);
      expect(await d.core.getTeamStatus({}), `PC ${d.i} status`).toMatchObject({ joined: true, state: 'up_to_date', conflicts: [] });
    }

    // No acknowledged edit lost: in the final text, or (the other side was kept at the conflict
    // screen) in the server's history. Edits to a trainer's own article never meet another's.
    const history = git(bare, 'log', '--all', '-p', '--format=%H');
    for (const e of edits) {
      const final = fs.readFileSync(path.join(devices[0].contentDir, e.article), 'utf8');
      if (e.article !== `articles/${SHARED_ARTICLE}.md`) expect(final, `own edit ${e.token}`).toContain(e.token);
      else expect(final.includes(e.token) || history.includes(e.token), `shared edit ${e.token}`).toBe(true);
    }

    // Records: every PC holds the team's files as the server does.
    const recordsOf = (dir: string) => listFiles(path.join(dir, 'records')).map((f) => f + '\n' + fs.readFileSync(path.join(dir, 'records', f), 'utf8')).join('\n---\n');
    const serverRecords = git(bare, 'ls-tree', '-r', '--name-only', RECORDS_BRANCH, 'records').trim().split('\n').filter(Boolean).sort();
    for (const d of devices) {
      expect(listFiles(path.join(d.dataDir, 'records')).map((f) => 'records/' + f), `PC ${d.i} records files`).toEqual(serverRecords);
      expect(recordsOf(d.dataDir), `PC ${d.i} records`).toBe(recordsOf(devices[0].dataDir));
    }

    // The same dashboard on every PC. On main the store reads other PCs' files at start-up, so the
    // PCs restart first; with h-team-records' live union this holds without the restart (tighten then).
    const dashboards: Dashboard[] = [];
    for (const d of devices) {
      await d.core.close();
      await open(d);
      const token = tok(d).trainer ?? (await d.core.openEditSession({ profileId: trainers[0], passphrase: PASSPHRASE })).token;
      dashboards.push(await d.core.getDashboard({ token }));
    }
    // "Last synced" is each PC's own knowledge (its own push to the millisecond, others' from their commits): compared as which PCs, not when.
    const comparable = (d: Dashboard) => ({ ...d, rows: d.rows.map((r) => ({ ...r, devices: r.devices?.map((x) => x.name).sort() })) });
    for (const [i, dash] of dashboards.entries()) expect(comparable(dash), `PC ${i} dashboard`).toEqual(comparable(dashboards[0]));

    // No acknowledged event lost, on every PC.
    for (const d of devices) {
      const token = tok(d).trainer ?? (await d.core.openEditSession({ profileId: trainers[0], passphrase: PASSPHRASE })).token;
      for (const [profileId, a] of acked) {
        const progress = await d.core.getProgress({ token, profileId });
        const steps = progress.tracks.find((t) => t.trackId === TRACK)!.phases.flatMap((p) => p.steps);
        for (const stepId of a.done) expect(steps.find((s) => s.id === stepId)?.done, `PC ${d.i}: ${profileId} ${stepId}`).toBe(true);
        const row = dashboards[0].rows.find((x) => x.profileId === profileId && x.trackId === TRACK);
        if (a.quizAttempts) expect(row?.quizzes[0].attempts, `${profileId} quiz attempts`).toBe(a.quizAttempts);
        if (a.signedOff) expect(steps.find((s) => s.id === 'signoff-day1')?.signedBy, `PC ${d.i}: ${profileId} signed off`).not.toBeNull();
        if (row) expect(row.unverifiedSignoffs).toEqual([]);
      }
    }
    for (const [profileId, a] of acked) {
      if (!a.views.size) continue;
      const d = devices.find((x) => x.learners.includes(profileId))!;
      const list = await d.core.getReadingList({ token: tok(d).learner.get(profileId)!, profileId });
      for (const articleId of a.views) expect(list.recent.map((x) => x.id), `${profileId} read ${articleId}`).toContain(articleId);
    }

    expect(git(bare, 'fsck', '--strict', '--no-progress').trim()).toBe('');
    const events = [...acked.values()].reduce((n, a) => n + a.done.size + a.quizAttempts + a.views.size, 0);
    console.log(`team fuzz seed ${SEED}: ${DEVICES} PCs, ${STEPS} steps, ${edits.length} edits, ${events} learner facts, ${conflictsSeen} conflicts settled, ${kills} syncs killed mid-push, quiet after ${rounds + 1} round(s)`);
  });
});

/** A plain `git` checkout of the server's main, to compare the PCs' folders with. */
function checkout(bare: string, tmp: string): string {
  const dir = path.join(tmp, 'server-main');
  fs.rmSync(dir, { recursive: true, force: true });
  git(tmp, 'clone', '-q', '--branch', 'main', bare, dir);
  return dir;
}
