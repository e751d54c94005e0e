import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED_FILE } from '../../electron/core/store/layout';
import { joinTeam } from '../../electron/core/team/join';
import { git as runGit, seedRepo, startGitServer, type SeedClone, type TestGitServer } from '../support/gitServer';
import { listFiles } from '../electron/core/team/teamFixture';
import { axeViolations } from './support/axe';
import { launchBrowser, newPage, screenshotPath } from './support/browser';
import { EditorPage } from './support/editorPage';
import { startServe, type ServeHandle } from './support/server';
import { ChangesPage, TeamSettingsPage } from './support/teamPage';

/**
 * Two PCs of one team, each a real `handbook serve` with its own data and content folders, joined
 * to one real git server (git http-backend), each driven in its own Chromium context: trainer A
 * (English UI, trainer account on the server) and learner B (Chinese UI, learner account: the
 * server refuses B's content pushes, accepts B's records).
 */
const TRAINER = { username: 'trainer', password: 'e2e-two-pcs-trainer' };
const LEARNER = { username: 'learner', password: 'e2e-two-pcs-learner' };
const PASS = 'two pcs trainer 1357';
const ARTICLE = 'customer-service/presales-replies';
const ARTICLE_FILE = `articles/${ARTICLE}.md`;
const CONFLICT_FILE = 'articles/customer-service/returns-refunds.md';

let server: TestGitServer;
let seed: SeedClone;
let browser: Browser;
let tmp: string;
const pcs: Record<'A' | 'B', { contentDir: string; dataDir: string; serve: ServeHandle | null }> = {} as never;
let trainerId = '';
let learnerId = '';

async function call<T = any>(serve: ServeHandle, method: string, arg: unknown = {}): Promise<T> {
  const res = await fetch(`${serve.origin}/api/${method}`, { method: 'POST', headers: { Authorization: `Bearer ${serve.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(arg) });
  const body = await res.json();
  if (!body.ok) throw new Error(`${method}: ${body.error.message}`);
  return body.data as T;
}

/** Starts a PC's server and waits for its own start-up sync (2 s after launch), so the test's clicks do not race it. */
async function start(pc: 'A' | 'B'): Promise<ServeHandle> {
  const { contentDir, dataDir } = pcs[pc];
  const before = JSON.parse(fs.readFileSync(path.join(dataDir, 'team', 'state.json'), 'utf8')).lastAttemptAt;
  const serve = await startServe({ contentDir, dataDir });
  pcs[pc].serve = serve;
  for (let i = 0; i < 200; i++) {
    const s = await call<{ lastSyncAt?: string; failingSince?: string | null }>(serve, 'getTeamStatus');
    const after = JSON.parse(fs.readFileSync(path.join(dataDir, 'team', 'state.json'), 'utf8')).lastAttemptAt;
    if (after !== before && s.lastSyncAt) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return serve;
}

async function openAs(pc: 'A' | 'B', profileId: string, locale: 'en' | 'zh-CN'): Promise<{ page: Page; errors: string[] }> {
  const serve = pcs[pc].serve!;
  await call(serve, 'updateSettings', { currentProfileId: profileId, language: locale, theme: 'light' });
  const { page, errors } = await newPage(browser, locale, { bypassCSP: true });
  await page.goto(serve.url);
  await page.locator('main h1').first().waitFor();
  return { page, errors };
}

beforeAll(async () => {
  server = await startGitServer({ [TRAINER.username]: { password: TRAINER.password, role: 'trainer' }, [LEARNER.username]: { password: LEARNER.password, role: 'learner' } });
  seed = seedRepo(server, 'handbook', Object.fromEntries(listFiles('content').map((f) => [f, fs.readFileSync(path.join('content', f))])));
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-e2e-two-pcs-'));
  for (const pc of ['A', 'B'] as const) pcs[pc] = { contentDir: path.join(tmp, pc, 'content'), dataDir: path.join(tmp, pc, 'data'), serve: null };
  await joinTeam({ url: server.url('handbook'), ...pcs.A, author: { name: '王培训', email: 'wang@example.test' }, credentials: TRAINER });
  await joinTeam({ url: server.url('handbook'), ...pcs.B, author: { name: '前台电脑', email: 'desk@example.test' }, credentials: LEARNER });
  const a = await start('A');
  trainerId = (await call(a, 'createProfile', { name: '王培训', roleId: 'customer-service', trainer: true, passphrase: PASS })).id;
  learnerId = (await call(a, 'createProfile', { name: '李新人', roleId: 'customer-service' })).id;
  // A's public keys (trainers/<id>.yaml) go with A's first publish: published here, so B's first check brings only the edit.
  await call(a, 'publishTeam', { token: (await call(a, 'openEditSession', { profileId: trainerId, passphrase: PASS })).token });
  // The same people on B: a copy of A's profiles stands in for the team roster (h-team-records),
  // where B's learner would pick herself from the team's list instead.
  fs.copyFileSync(path.join(pcs.A.dataDir, SHARED_FILE), path.join(pcs.B.dataDir, SHARED_FILE));
  await start('B');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  for (const pc of Object.values(pcs)) await pc.serve?.stop();
  await server?.close();
  seed?.dispose();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('two PCs, one team (browser mode, two Chromium contexts)', () => {
  it('trainer A publishes an edit; learner B checks now and sees it, What changed, and the re-read prompt', async () => {
    // B reads the article first ("I have read this"), so A's edit makes it a re-read.
    const b = await openAs('B', learnerId, 'zh-CN');
    await b.page.evaluate((id) => { location.hash = `#/article/${id}`; }, ARTICLE);
    await b.page.getByTestId('mark-read').click();
    await b.page.getByTestId('read-step-bar').locator('a').waitFor();

    const a = await openAs('A', trainerId, 'en');
    const editor = new EditorPage(a.page, PASS);
    await editor.open(`#/edit/${ARTICLE}`);
    await editor.appendToBody('\n\n## 首次响应\n\n顾客发来消息后，15 秒内首次回复。\n');
    await a.page.getByTestId('save-article').click();
    await expect.poll(() => a.page.getByTestId('save-status').textContent(), { timeout: 15_000 }).toMatch(/Saved at/);
    const teamA = new TeamSettingsPage(a.page);
    await teamA.open();
    expect(await teamA.checkNow()).toContain('Your changes were published.');
    expect(runGit(server.repoDir('handbook'), 'show', `main:${ARTICLE_FILE}`)).toContain('15 秒内首次回复');
    expect(runGit(server.repoDir('handbook'), 'log', '-1', '--format=%an', 'main').trim()).toBe('王培训');

    const teamB = new TeamSettingsPage(b.page);
    await teamB.open();
    expect(await teamB.checkNow()).toContain('更新了 1 个文件。');
    expect(fs.readFileSync(path.join(pcs.B.contentDir, ARTICLE_FILE), 'utf8')).toContain('15 秒内首次回复');
    await b.page.getByTestId('team-section').screenshot({ path: screenshotPath('team-two-pcs-check-zh-CN') });

    const changes = new ChangesPage(b.page);
    await changes.open();
    expect(await changes.list().innerText()).toContain('王培训');
    expect(await changes.openFirstDiff()).toContainEqual(expect.stringContaining('15 秒内首次回复'));
    expect(await axeViolations(b.page)).toEqual([]);
    await b.page.screenshot({ path: screenshotPath('team-two-pcs-changes-zh-CN') });

    // The file watcher re-reads the pack: the article shows the edit and asks for a re-read.
    await b.page.evaluate((id) => { location.hash = `#/article/${id}`; }, ARTICLE);
    await expect.poll(async () => {
      await b.page.reload();
      await b.page.locator('main h1').first().waitFor();
      return b.page.getByTestId('read-step-bar').innerText().catch(() => '');
    }, { timeout: 20_000 }).toContain('你读过之后这篇文章已更新，请重新阅读。');
    expect(await b.page.locator('main').innerText()).toContain('15 秒内首次回复');
    expect(await axeViolations(b.page)).toEqual([]);
    await b.page.getByTestId('read-step-bar').scrollIntoViewIfNeeded();
    await b.page.screenshot({ path: screenshotPath('team-two-pcs-reread-zh-CN') });
    await b.page.getByTestId('mark-read').click();
    await b.page.getByTestId('read-step-bar').locator('a').waitFor();
    expect([...a.errors, ...b.errors]).toEqual([]);
    await a.page.context().close();
    await b.page.context().close();
  });

  it("B's progress reaches A's dashboard through the records branch", async () => {
    const b = await openAs('B', learnerId, 'zh-CN');
    const teamB = new TeamSettingsPage(b.page);
    await teamB.open();
    // B's records leave a few seconds after each write, so by this check they may be on the server already.
    expect(await teamB.checkNow()).toMatch(/进度：发送 \d+ 个/);
    expect(runGit(server.repoDir('handbook'), 'ls-tree', '-r', '--name-only', 'handbook-records')).toContain(`records/${learnerId}/`);

    const a = await openAs('A', trainerId, 'en');
    const teamA = new TeamSettingsPage(a.page);
    await teamA.open();
    expect(await teamA.checkNow()).toMatch(/Progress: \d+ sent, [1-9]\d* received\./);
    await a.page.context().close();
    // main's store reads other PCs' records files at start-up, so A restarts here. TIGHTEN when
    // h-team-records' live union lands: the row must show without this restart.
    await pcs.A.serve!.stop();
    await start('A');
    const a2 = await openAs('A', trainerId, 'en');
    await a2.page.evaluate(() => { location.hash = '#/trainer'; });
    const secret = a2.page.getByTestId('unlock-secret');
    await Promise.race([secret.waitFor(), a2.page.getByTestId('dashboard').waitFor()]);
    if (await secret.isVisible()) { await secret.fill(PASS); await secret.press('Enter'); }
    const row = a2.page.getByTestId('row-李新人');
    await row.waitFor();
    // The read step B confirmed twice (before and after A's edit) is done; nothing waits to be re-read.
    expect(await row.innerText()).toMatch(/\b[1-9]\d*% \(1\/\d+\)/);
    expect(await row.locator('td').nth(5).innerText()).toBe('—');
    expect(await axeViolations(a2.page)).toEqual([]);
    await a2.page.screenshot({ path: screenshotPath('team-two-pcs-dashboard-en') });
    expect([...b.errors, ...a2.errors]).toEqual([]);
    await a2.page.context().close();
    await b.page.context().close();
  });

  it('A settles a file changed on A and by another trainer, in the UI (see both, keep mine); B gets the result', async () => {
    const a = await openAs('A', trainerId, 'en');
    const editor = new EditorPage(a.page, PASS);
    await editor.open(`#/edit/customer-service/returns-refunds`);
    await editor.appendToBody('\n\nMINE: 运费险由平台理赔，客服告知顾客即可。\n');
    await a.page.getByTestId('save-article').click();
    await expect.poll(() => a.page.getByTestId('save-status').textContent(), { timeout: 15_000 }).toMatch(/Saved at/);
    // Meanwhile a trainer at a third PC (plain git) publishes another change to the same file.
    seed.pull();
    seed.commit({ [CONFLICT_FILE]: fs.readFileSync(path.join(seed.dir, CONFLICT_FILE), 'utf8') + '\nTHEIRS: 运费险理赔需顾客自行申请。\n' }, '更新 退款与退货处理 SOP：运费险');

    const team = new TeamSettingsPage(a.page);
    await team.open();
    expect(await team.checkNow()).toContain('Some files changed on both sides: choose below.');
    const local = fs.readFileSync(path.join(pcs.A.contentDir, CONFLICT_FILE), 'utf8');
    expect(local).toContain('MINE');
    expect(local).not.toMatch(/<<<<<<<|>>>>>>>/);
    await team.unlockIfAsked(PASS);
    const both = await team.seeBoth();
    expect(both).toContain('MINE');
    expect(both).toContain('THEIRS');
    expect(await axeViolations(a.page)).toEqual([]);
    await a.page.screenshot({ path: screenshotPath('team-two-pcs-conflict-en') });
    await team.choose('mine');
    await team.section().getByText('Keeping mine').waitFor();
    expect(await team.checkNow()).toMatch(/^Merged: /);
    const bare = server.repoDir('handbook');
    expect(runGit(bare, 'show', `main:${CONFLICT_FILE}`)).toContain('MINE');
    // The other trainer's version stays in the server's history (one parent of the merge).
    expect(runGit(bare, 'show', `main^2:${CONFLICT_FILE}`)).toContain('THEIRS');

    const b = await openAs('B', learnerId, 'zh-CN');
    const teamB = new TeamSettingsPage(b.page);
    await teamB.open();
    expect(await teamB.checkNow()).toMatch(/更新了 \d+ 个文件。/);
    expect(fs.readFileSync(path.join(pcs.B.contentDir, CONFLICT_FILE), 'utf8')).toContain('MINE');
    expect(runGit(pcs.B.contentDir, 'rev-parse', 'HEAD').trim()).toBe(runGit(bare, 'rev-parse', 'main').trim());
    expect([...a.errors, ...b.errors]).toEqual([]);
    await a.page.context().close();
    await b.page.context().close();
  });
});
