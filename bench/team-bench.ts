/*
 * Team-mode benchmark: a 10,000-article pack on a real git server (git http-backend behind Basic
 * auth on 127.0.0.1), measured in one run next to the `git` command doing the same work:
 *   join (isomorphic-git clone + safety checks + checkout)  vs  `git clone`
 *   sync with nothing new                                  vs  `git fetch`
 *   sync bringing 10 changed articles, and until the change is searchable in a running core
 *   records of 500 learners × 400 events on the records branch: a PC pulling them all    vs  `git fetch` of that branch
 *   then a whole team sync with nothing new (content + records), and the trainer's team dashboard
 * Join is also split into its phases (isomorphic-git's clone; our checks and checkout) next to
 * `git clone --no-checkout`, which shows how much of the gap is the pure-JS clone itself.
 * The records are made against the repository's own `content/` pack (it has the tracks and quizzes).
 *
 *   node scripts/bench.mjs --team-only        (or as part of `npm run bench`)
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, loadPack } from '../electron/core/index.js';
import { deviceIdOf } from '../electron/core/team/device.js';
import { joinTeam } from '../electron/core/team/join.js';
import { syncRecords } from '../electron/core/team/records.js';
import { writeOwnRoster } from '../electron/core/team/roster.js';
import { teamSync } from '../electron/core/team/teamSync.js';
import { LEGACY_DB_FILE, openStore } from '../electron/core/store/store.js';
import { generate } from './recordsData.js';
import { readState } from '../electron/core/team/state.js';
import { syncContent } from '../electron/core/team/sync.js';
import { seedRepo, startGitServer } from '../test/support/gitServer.js';
import { makeDoc } from './corpus.js';

const N = Number(process.env.TEAM_BENCH_N ?? 10_000);
const LEARNERS = Number(process.env.TEAM_BENCH_LEARNERS ?? 500);
const CREDS = { username: 'bench', password: 'bench-pw' };
const ms = (t0: number) => Math.round(performance.now() - t0);

/** The repository's own `content/` pack (roles, tracks, quizzes: what the team dashboard needs), grown to `n` more articles. */
function packFiles(n: number): Record<string, string | Buffer> {
  const files: Record<string, string | Buffer> = {};
  const add = (dir: string) => {
    for (const e of fs.readdirSync(path.join('content', dir), { withFileTypes: true })) {
      const rel = dir ? `${dir}/${e.name}` : e.name;
      if (e.isDirectory()) add(rel);
      else files[rel] = fs.readFileSync(path.join('content', rel));
    }
  };
  add('');
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
    t0 = performance.now();
    await gitCli(tmp, 'clone', '-q', '--no-checkout', '--single-branch', '--no-tags', url, path.join(tmp, 'git-clone-bare'));
    const gitCloneNoCheckout = ms(t0);
    const pc = { contentDir: path.join(tmp, 'content'), dataDir: path.join(tmp, 'data') };
    t0 = performance.now();
    // The first "Checking out" event ends isomorphic-git's clone and our path checks.
    let cloned = -1;
    await joinTeam({ url, ...pc, author: { name: 'Bench', email: 'b@example.test' }, credentials: CREDS, onProgress: (p) => { if (cloned < 0 && p.phase === 'Checking out') cloned = ms(t0); } });
    const join = ms(t0);
    const checkout = join - cloned;

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
    const ids = Object.keys(files).filter((f) => /\/doc-\d+\.md$/.test(f)).slice(0, 10);
    ids.forEach((f, k) => { changed[f] = String(files[f]).replace(/\n$/, `\n\n新增段落 zqxbench${k} 说明。\n`); });
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

    // Records: 500 learners × 400 events, pushed by the PC they were made on (the app's own records push).
    const recordsPack = await loadPack(path.resolve('content'));
    const data = generate(recordsPack, LEARNERS, 400);
    const events = data.completions.length + data.quizAttempts.length + data.signoffRequests.length + data.bookmarks.length + data.views.length;
    const origin = path.join(tmp, 'records-origin');
    fs.mkdirSync(origin);
    fs.writeFileSync(path.join(origin, LEGACY_DB_FILE), JSON.stringify(data));
    await (await openStore(origin)).close(); // splits the file into records/<profileId>/<deviceId>.json
    await writeOwnRoster(origin, deviceIdOf(origin), data.profiles);
    await syncRecords({ dataDir: origin, url, credentials: CREDS, deviceId: deviceIdOf(origin), author: { name: 'Origin', email: 'o@example.test' } });
    t0 = performance.now();
    await gitCli(path.join(tmp, 'git-clone'), 'fetch', '-q', 'origin', 'handbook-records');
    const gitFetchRecords = ms(t0);
    t0 = performance.now();
    const pulled = await syncRecords({ dataDir: pc.dataDir, url, credentials: CREDS, deviceId: deviceIdOf(pc.dataDir), author: { name: 'Bench', email: 'b@example.test' } });
    const recordsPull = ms(t0);
    if (pulled.pulled !== LEARNERS + 1) throw new Error(`expected ${LEARNERS + 1} pulled files, got ${pulled.pulled}`);
    t0 = performance.now();
    await gitCli(path.join(tmp, 'git-clone'), 'fetch', '-q', 'origin');
    await gitCli(path.join(tmp, 'git-clone'), 'fetch', '-q', 'origin', 'handbook-records');
    const gitFetchBoth = ms(t0);
    t0 = performance.now();
    const quiet = await teamSync({ ...pc, publish: true, env: { HANDBOOK_GIT_USERNAME: CREDS.username, HANDBOOK_GIT_PASSWORD: CREDS.password } });
    const unchangedTeam = ms(t0);
    if (quiet.content.outcome !== 'up_to_date' || quiet.records.pulled !== 0) throw new Error('expected nothing new, got ' + JSON.stringify({ content: quiet.content.outcome, pulled: quiet.records.pulled }));
    // The trainer's team dashboard on this PC: its first call after the records arrived (cold caches).
    const board = await createCore({ ...pc, watch: false, teamRecordsPushDelayMs: 600_000 });
    const trainer = await board.createProfile({ name: '李老师', roleId: [...recordsPack.tracks.values()][0].roleId, trainer: true, passphrase: 'bench passphrase 1' });
    const token = (await board.openEditSession({ profileId: trainer.id, passphrase: 'bench passphrase 1' })).token;
    t0 = performance.now();
    const dash = await board.getDashboard({ token });
    const dashboard = ms(t0);
    await board.close();
    if (dash.rows.length < LEARNERS) throw new Error(`expected ${LEARNERS} learners on the dashboard, got ${dash.rows.length}`);
    seed.dispose();

    const ratio = (a: number, b: number) => (a / b).toFixed(2) + '×';
    const rows = [
      ['join (clone + checks + checkout)', join, 'git clone', gitClone, ratio(join, gitClone), 'within 1.5× git clone'],
      ['…of it: isomorphic-git clone + path checks', cloned, 'git clone --no-checkout', gitCloneNoCheckout, ratio(cloned, gitCloneNoCheckout), ''],
      [`…of it: checkout (read, check, write ${N.toLocaleString('en')} files, index)`, checkout, 'git clone − git clone --no-checkout', gitClone - gitCloneNoCheckout, ratio(checkout, Math.max(1, gitClone - gitCloneNoCheckout)), ''],
      ['sync, nothing new', unchanged, 'git fetch', gitFetch, (unchanged / gitFetch).toFixed(2) + '×', 'under 1,000 ms'],
      ['sync, 10 changed articles', sync10, 'git fetch + merge --ff-only', gitPull10, (sync10 / gitPull10).toFixed(2) + '×', ''],
      ['…until the change is searchable', searchable, '', '', '', 'within 2,000 ms of the sync'],
      [`records: pull ${LEARNERS} learners × 400 (${events.toLocaleString('en')} events)`, recordsPull, 'git fetch (records branch)', gitFetchRecords, ratio(recordsPull, gitFetchRecords), ''],
      [`team sync, nothing new (content + ${LEARNERS} learners' records)`, unchangedTeam, 'git fetch (both branches)', gitFetchBoth, ratio(unchangedTeam, gitFetchBoth), 'under 1,000 ms'],
      [`trainer's team dashboard (${dash.rows.length} learners, first call)`, dashboard, '', '', '', ''],
    ];
    console.log(`\n## Team sync, ${N.toLocaleString('en')} articles (ms, one run, same server; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')})\n`);
    console.log('| ours | ms | git | ms | ratio | target |\n|---|---:|---|---:|---:|---|');
    for (const row of rows) console.log('| ' + row.join(' | ') + ' |');
    fs.writeFileSync('bench/team-results.json', JSON.stringify({ n: N, at: new Date().toISOString(), loadavg: os.loadavg(), join, gitClone, cloned, gitCloneNoCheckout, checkout, unchanged, gitFetch, sync10, gitPull10, searchable, learners: LEARNERS, events, recordsPull, gitFetchRecords, unchangedTeam, gitFetchBoth, dashboard }, null, 2) + '\n');
  } finally {
    await server.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
