import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createCore, type Core, type CoreOptions } from '../../../../electron/core/index.js';
import { joinTeam } from '../../../../electron/core/team/join.js';
import { samplePack, seedRepo, startGitServer, type SeedClone, type TestGitServer } from '../../../support/gitServer.js';

export const TRAINER = { username: 'trainer', password: 'tr-secret-9431' };
export const LEARNER = { username: 'learner', password: 'le-secret-2210' };
/** The passphrase the team tests give their trainer profiles. */
export const TRAINER_PASSPHRASE = 'team trainer 4321';
/** A real pack the core loads (tracks, quizzes, sign-off steps), to seed a server repository with. */
export const CONTRACT_PACK = 'test/fixtures/contract-pack';
export const contractPackFiles = () => Object.fromEntries(listFiles(CONTRACT_PACK).map((f) => [f, fs.readFileSync(path.join(CONTRACT_PACK, f), 'utf8')]));

type Credentials = typeof TRAINER;
type Author = { name: string; email: string };

/** A real git server with one Handbook pack repository, and a fresh folder per PC. */
export async function teamFixture() {
  const server: TestGitServer = await startGitServer({
    [TRAINER.username]: { password: TRAINER.password, role: 'trainer' },
    [LEARNER.username]: { password: LEARNER.password, role: 'learner' },
  });
  const seed: SeedClone = seedRepo(server, 'pack', samplePack());
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-team-'));
  const seeds = [seed];
  const cores: Core[] = [];
  let n = 0;
  const fx = {
    server, seed, tmp,
    url: server.url('pack'),
    /** A PC: its own content and data folders. */
    pc(name = `pc${++n}`) {
      return { contentDir: path.join(tmp, name, 'content'), dataDir: path.join(tmp, name, 'data') };
    },
    /** Repository `repo` on the server holding the contract pack; the returned clone pushes as "another PC". */
    seedContractPack(repo = 'real') {
      const s = seedRepo(server, repo, contractPackFiles());
      seeds.push(s);
      return s;
    },
    /** A core that dispose() closes. */
    async openCore(opts: CoreOptions) {
      const core = await createCore(opts);
      cores.push(core);
      return core;
    },
    /**
     * A PC joined to `repo` (seeded by the caller) with its core open. The author defaults to the
     * PC's name, the account to the trainer's.
     */
    async joinedPc(o: { name?: string; repo?: string; author?: Author; credentials?: Credentials; teamRecordsPushDelayMs?: number } = {}) {
      const dirs = fx.pc(o.name);
      const author = o.author ?? { name: o.name ?? 'pc', email: `${o.name ?? 'pc'}@example.test` };
      await joinTeam({ url: server.url(o.repo ?? 'real'), ...dirs, author, credentials: o.credentials ?? TRAINER });
      const core = await fx.openCore({ ...dirs, ...(o.teamRecordsPushDelayMs === undefined ? {} : { teamRecordsPushDelayMs: o.teamRecordsPushDelayMs }) });
      return { ...dirs, core };
    },
    /** A trainer profile on `core` and its edit session. */
    async trainerSession(core: Core, name: string, passphrase = TRAINER_PASSPHRASE) {
      const trainer = await core.createProfile({ name, roleId: 'customer-service', trainer: true, passphrase });
      const { token } = await core.openEditSession({ profileId: trainer.id, passphrase });
      return { trainer, token };
    },
    /**
     * A trainer's PC on a fresh `real` repository of the contract pack: joined as `author`, with the
     * trainer's profile (named as the author) and session. With the trainer's account, the trainer's
     * public keys (trainers/<id>.yaml, waiting for the first publish) are published and pulled into
     * the seed clone, so the test starts clean.
     */
    async trainerPc(author: Author, o: { credentials?: Credentials; passphrase?: string } = {}) {
      const credentials = o.credentials ?? TRAINER;
      const seed = fx.seedContractPack();
      const { core, ...pc } = await fx.joinedPc({ author, credentials });
      const { trainer, token } = await fx.trainerSession(core, author.name, o.passphrase);
      if (credentials === TRAINER) { await core.publishTeam({ token }); seed.pull(); }
      return { seed, pc, core, trainer, token };
    },
    async dispose() {
      for (const c of cores.splice(0)) await c.close().catch(() => {});
      await server.close();
      for (const s of seeds) s.dispose();
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
  return fx;
}

export type TeamFixture = Awaited<ReturnType<typeof teamFixture>>;

/**
 * A fresh team fixture for each test of the calling file (the tests push to its server, so none is
 * shared), disposed after it with every core it opened. The returned object stays the same; its
 * fields are the current test's.
 */
export function useTeamFixture(setUp?: (fx: TeamFixture) => void): TeamFixture {
  const fx = {} as TeamFixture;
  beforeEach(async () => { Object.assign(fx, await teamFixture()); setUp?.(fx); });
  afterEach(async () => { await fx.dispose(); });
  return fx;
}

export const read = (dir: string, rel: string) => fs.readFileSync(path.join(dir, rel), 'utf8');
export const write = (dir: string, rel: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), text);
};

/** Every file under a folder, as relative paths (for "nothing written there" checks). */
export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(path.relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * A team of whole cores on one real git server, the contract pack in repository `real`: `pc(name)`
 * joins a PC with the given credentials and opens its core (records pushed only when asked).
 */
export async function contractPackTeam() {
  const fx = await teamFixture();
  const pack = 'test/fixtures/contract-pack';
  seedRepo(fx.server, 'real', Object.fromEntries(listFiles(pack).map((f) => [f, fs.readFileSync(path.join(pack, f), 'utf8')])));
  const cores: Core[] = [];
  /** Opens (or reopens) a joined PC's core; closed by `dispose`. */
  const open = async (dirs: { contentDir: string; dataDir: string }) => {
    const core = await createCore({ contentDir: dirs.contentDir, dataDir: dirs.dataDir, teamRecordsPushDelayMs: 60_000 });
    cores.push(core);
    return core;
  };
  return {
    fx,
    open,
    async pc(name: string, credentials = TRAINER) {
      const dirs = fx.pc(name);
      await joinTeam({ url: fx.server.url('real'), ...dirs, author: { name, email: `${name}@example.test` }, credentials });
      const core = await open(dirs);
      return { ...dirs, core, deviceId: fs.readFileSync(path.join(dirs.dataDir, 'device-id'), 'utf8').trim() };
    },
    async dispose() {
      for (const c of cores.splice(0)) await c.close().catch(() => {});
      await fx.dispose();
    },
  };
}
