/*
 * Team-mode benchmark: a 10,000-article pack on a real git server (git http-backend behind Basic
 * auth on 127.0.0.1), measured in one run next to the `git` command doing the same work:
 *   join (isomorphic-git clone + safety checks + checkout)  vs  `git clone`
 *   sync with nothing new                                  vs  `git fetch`
 *   sync bringing 10 changed articles, and until the change is searchable in a running core
 *
 *   node scripts/bench.mjs --team-only        (or as part of `npm run bench`)
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../electron/core/index.js';
import { joinTeam } from '../electron/core/team/join.js';
import { readState } from '../electron/core/team/state.js';
import { syncContent } from '../electron/core/team/sync.js';
import { seedRepo, startGitServer } from '../test/support/gitServer.js';
import { makeDoc } from './corpus.js';

const N = Number(process.env.TEAM_BENCH_N ?? 10_000);
const CREDS = { username: 'bench', password: 'bench-pw' };
const ms = (t0: number) => Math.round(performance.now() - t0);

function packFiles(n: number): Record<string, string> {
  const files: Record<string, string> = { 'handbook.yaml': `id: team-bench\nname: Team bench\nversion: 1.0.0\nlanguage: zh-CN\n` };
  for (let i = 0; i < n; i++) {
    const d = makeDoc(i);
    files[`articles/${d.id}.md`] = `---\ntitle: ${JSON.stringify(d.title)}\ntags: ${JSON.stringify(d.tags)}\n---\n# ${d.title}\n\n${d.body}\n`;
  }
  return files;
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-team-bench-'));
  const server = await startGitServer({ [CREDS.username]: { password: CREDS.password, role: 'trainer' } });
  try {
    const files = packFiles(N);
    const seed = seedRepo(server, 'pack', files);
    const url = server.url('pack');
    const auth = `http.extraHeader=Authorization: Basic ${Buffer.from(`${CREDS.username}:${CREDS.password}`).toString('base64')}`;
    // Async: the git server answers from this same process, so a blocking call would deadlock.
    const run = promisify(execFile);
    const gitCli = (cwd: string, ...args: string[]) => run('git', ['-c', auth, ...args], { cwd });

    // Join vs git clone (same server, same repository, same run).
    let t0 = performance.now();
    await gitCli(tmp, 'clone', '-q', '--single-branch', '--no-tags', url, path.join(tmp, 'git-clone'));
    const gitClone = ms(t0);
    const pc = { contentDir: path.join(tmp, 'content'), dataDir: path.join(tmp, 'data') };
    t0 = performance.now();
    await joinTeam({ url, ...pc, author: { name: 'Bench', email: 'b@example.test' }, credentials: CREDS });
    const join = ms(t0);

    // Unchanged sync vs git fetch.
    t0 = performance.now();
    await gitCli(path.join(tmp, 'git-clone'), 'fetch', '-q', 'origin');
    const gitFetch = ms(t0);
    t0 = performance.now();
    const same = await syncContent({ ...pc, credentials: CREDS });
    const unchanged = ms(t0);
    if (same.outcome !== 'up_to_date') throw new Error('expected up_to_date, got ' + same.outcome);

    // 10 changed articles: sync, then until a running core finds the new word.
    console.log(`join ${join} ms (git clone ${gitClone} ms); unchanged sync ${unchanged} ms (git fetch ${gitFetch} ms)`);
    const opened = new Date().toISOString();
    const core = await createCore({ ...pc, watch: true });
    for (let i = 0; i < 600 && (await core.searchStatus({})).state !== 'ready'; i++) await new Promise((r) => setTimeout(r, 200));
    // The core's own start-up sync runs 2 s after it opens: wait until it finished, so the sync measured below is ours.
    for (let i = 0; i < 900 && (readState(pc.dataDir)?.lastAttemptAt ?? '') < opened; i++) await new Promise((r) => setTimeout(r, 200));
    const changed: Record<string, string> = {};
    const ids = Object.keys(files).filter((f) => f.startsWith('articles/')).slice(0, 10);
    ids.forEach((f, k) => { changed[f] = files[f].replace(/\n$/, `\n\n新增段落 zqxbench${k} 说明。\n`); });
    seed.commit(changed, 'Bench: 10 articles');
    t0 = performance.now();
    await gitCli(path.join(tmp, 'git-clone'), 'fetch', '-q', 'origin');
    await gitCli(path.join(tmp, 'git-clone'), 'merge', '-q', '--ff-only', 'origin/main');
    const gitPull10 = ms(t0);
    t0 = performance.now();
    const r = await syncContent({ ...pc, credentials: CREDS });
    const sync10 = ms(t0);
    if (r.pulled.length !== 10) throw new Error('expected 10 pulled files, got ' + r.pulled.length);
    let searchable = -1;
    for (let i = 0; i < 300; i++) {
      const hits = await core.search({ query: 'zqxbench9' });
      if (hits.total > 0) { searchable = ms(t0); break; }
      await new Promise((res) => setTimeout(res, 20));
    }
    await core.close();
    seed.dispose();

    const rows = [
      ['join (clone + checks + checkout)', join, 'git clone', gitClone, (join / gitClone).toFixed(2) + '×', 'within 1.5× git clone'],
      ['sync, nothing new', unchanged, 'git fetch', gitFetch, (unchanged / gitFetch).toFixed(2) + '×', 'under 1,000 ms'],
      ['sync, 10 changed articles', sync10, 'git fetch + merge --ff-only', gitPull10, (sync10 / gitPull10).toFixed(2) + '×', ''],
      ['…until the change is searchable', searchable, '', '', '', 'within 2,000 ms of the sync'],
    ];
    console.log(`\n## Team sync, ${N.toLocaleString('en')} articles (ms, one run, same server)\n`);
    console.log('| ours | ms | git | ms | ratio | target |\n|---|---:|---|---:|---:|---|');
    for (const row of rows) console.log('| ' + row.join(' | ') + ' |');
    fs.writeFileSync('bench/team-results.json', JSON.stringify({ n: N, at: new Date().toISOString(), join, gitClone, unchanged, gitFetch, sync10, gitPull10, searchable }, null, 2) + '\n');
  } finally {
    await server.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
