import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../../../electron/core/index.js';
import { joinTeam } from '../../../../electron/core/team/join.js';
import { samplePack, seedRepo, startGitServer, type SeedClone, type TestGitServer } from '../../../support/gitServer.js';

export const TRAINER = { username: 'trainer', password: 'tr-secret-9431' };
export const LEARNER = { username: 'learner', password: 'le-secret-2210' };

/** A real git server with one Handbook pack repository, and a fresh folder per PC. */
export async function teamFixture() {
  const server: TestGitServer = await startGitServer({
    [TRAINER.username]: { password: TRAINER.password, role: 'trainer' },
    [LEARNER.username]: { password: LEARNER.password, role: 'learner' },
  });
  const seed: SeedClone = seedRepo(server, 'pack', samplePack());
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-team-'));
  let n = 0;
  return {
    server, seed, tmp,
    url: server.url('pack'),
    /** A PC: its own content and data folders. */
    pc(name = `pc${++n}`) {
      return { contentDir: path.join(tmp, name, 'content'), dataDir: path.join(tmp, name, 'data') };
    },
    async dispose() {
      await server.close();
      seed.dispose();
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
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
  return {
    fx,
    async pc(name: string, credentials = TRAINER) {
      const dirs = fx.pc(name);
      await joinTeam({ url: fx.server.url('real'), ...dirs, author: { name, email: `${name}@example.test` }, credentials });
      const core = await createCore({ contentDir: dirs.contentDir, dataDir: dirs.dataDir, teamRecordsPushDelayMs: 60_000 });
      cores.push(core);
      return { ...dirs, core, deviceId: fs.readFileSync(path.join(dirs.dataDir, 'device-id'), 'utf8').trim() };
    },
    async dispose() {
      for (const c of cores.splice(0)) await c.close().catch(() => {});
      await fx.dispose();
    },
  };
}
