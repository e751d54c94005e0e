import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { joinTeam } from '../../electron/core/team/join';
import { seedRepo, startGitServer, type SeedClone, type TestGitServer } from '../support/gitServer';
import { listFiles } from '../electron/core/team/teamFixture';
import { axeViolations as audit } from './support/axe';
import { launchBrowser, screenshotPath } from './support/browser';
import { startServe, type ServeHandle } from './support/server';
import { callServe } from './support/api.js';

/**
 * Settings → Team and "What changed" in Chromium, against browser mode over a checkout of the
 * bundled pack joined from a real git server (git http-backend) in this process.
 */
const TRAINER = { username: 'trainer', password: 'e2e-team-secret' };
let git: TestGitServer;
let seed: SeedClone;
let serve: ServeHandle;
let browser: Browser;
let learnerId: string;
let tmp: string;

const call = <T>(method: string, arg: unknown = {}) => callServe<T>(serve, method, arg);

beforeAll(async () => {
  git = await startGitServer({ trainer: { password: TRAINER.password, role: 'trainer' } });
  seed = seedRepo(git, 'handbook', Object.fromEntries(listFiles('content').map((f) => [f, fs.readFileSync(path.join('content', f))])));
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-e2e-team-'));
  const contentDir = path.join(tmp, 'content');
  const dataDir = path.join(tmp, 'data');
  await joinTeam({ url: git.url('handbook'), contentDir, dataDir, author: { name: '王培训', email: 'wang@example.test' }, credentials: TRAINER });
  // Someone else publishes an edit to the refunds SOP after this PC joined.
  const rel = 'articles/customer-service/returns-refunds.md';
  const text = fs.readFileSync(path.join(seed.dir, rel), 'utf8');
  seed.commit({ [rel]: text.replace(/\n*$/, '\n\n## 运费险\n\n买家投保运费险的，退货运费由保险公司赔付，客服无需补偿。\n') }, '更新 退款与退货处理 SOP：运费险');
  serve = await startServe({ contentDir, dataDir });
  browser = await launchBrowser();
  learnerId = (await call<{ id: string }>('createProfile', { name: '李新人', roleId: 'customer-service' })).id;
  // The app's own start-up sync (2 s after launch) brings that edit in; wait for it, so later steps do not race it.
  // A start-up sync that never comes is a failure here, not a silent race later.
  await vi.waitFor(async () => {
    if (!(await call<{ lastChange?: unknown }>('getTeamStatus', {})).lastChange) throw new Error('the start-up sync has not brought the edit in');
  }, { timeout: 30_000, interval: 200 });
});
afterAll(async () => {
  await browser?.close();
  await serve?.stop();
  await git?.close();
  seed?.dispose();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});


describe('team mode in the browser', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`checks now from Settings → Team, then shows what changed with the diff — ${locale}`, async () => {
      await call('updateSettings', { language: locale, theme: 'light', currentProfileId: learnerId });
      const context = await browser.newContext({ locale, bypassCSP: true, viewport: { width: 1280, height: 1100 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(serve.url);
      await page.locator('main h1').first().waitFor();
      await page.evaluate(() => { location.hash = '#/settings'; });
      const section = page.getByTestId('team-section');
      await section.getByTestId('team-status').waitFor();
      await expect(section.innerText()).resolves.toContain(git.url('handbook'));
      // Keyboard: focus "Check now" and press Enter.
      await section.getByTestId('team-check').focus();
      await page.keyboard.press('Enter');
      const result = section.getByTestId('team-result');
      await result.waitFor();
      if (locale === 'zh-CN') expect(await result.innerText()).toMatch(/更新了 1 个文件|没有新内容/);
      else expect(await result.innerText()).toMatch(/1 file\(s\) updated|Nothing new/);
      await section.scrollIntoViewIfNeeded();
      expect(await audit(page)).toEqual([]);
      await section.screenshot({ path: screenshotPath(`team-settings-${locale}`) });

      await page.evaluate(() => { location.hash = '#/changes'; });
      const list = page.getByTestId('changes-list');
      await list.waitFor();
      expect(await list.innerText()).toContain(locale === 'zh-CN' ? '修改' : 'Changed');
      expect(await list.innerText()).toContain('运费险');
      const toggle = list.getByRole('button').first();
      await toggle.focus();
      await page.keyboard.press('Enter');
      await page.locator('.change-diff').waitFor();
      expect(await page.locator('.change-diff .diff-add').allInnerTexts()).toContainEqual(expect.stringContaining('退货运费由保险公司赔付'));
      expect(await audit(page)).toEqual([]);
      await page.screenshot({ path: screenshotPath(`team-changes-${locale}`) });
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('a trainer settles a file changed here and on the server from Settings → Team (passphrase, see both, take theirs)', async () => {
    const trainer = await call<{ id: string }>('createProfile', { name: '王培训', roleId: 'customer-service', trainer: true, passphrase: 'team trainer 2468' });
    await call('updateSettings', { language: 'en', theme: 'light', currentProfileId: trainer.id });
    const rel = 'articles/customer-service/returns-refunds.md';
    const local = path.join(tmp, 'content', rel);
    fs.writeFileSync(local, fs.readFileSync(local, 'utf8') + '\nMINE: 本机的修改。\n');
    seed.pull();
    seed.commit({ [rel]: fs.readFileSync(path.join(seed.dir, rel), 'utf8') + '\nTHEIRS: 服务器上的修改。\n' }, 'Server edit');
    const context = await browser.newContext({ locale: 'en', bypassCSP: true, viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    await page.goto(serve.url + '#/settings');
    const section = page.getByTestId('team-section');
    // Before unlocking, "Check now" is a reader's: the server's version of a file edited here is held back, not written over it.
    await section.getByTestId('team-check').click();
    await section.getByTestId('team-result').waitFor();
    expect(await section.getByTestId('team-result').innerText()).toMatch(/edited on this PC: nothing was overwritten/);
    expect(fs.readFileSync(local, 'utf8')).toContain('MINE');
    // The one unlock form of Settings (in the data section) unlocks the team actions too; a trainer's check merges.
    await page.getByTestId('unlock-secret').fill('team trainer 2468');
    await page.getByTestId('unlock-secret').press('Enter');
    await page.getByTestId('unlock-secret').waitFor({ state: 'detached' });
    await section.getByTestId('team-check').click();
    await section.getByText(/changed on both sides/).waitFor();
    expect(fs.readFileSync(local, 'utf8')).toContain('MINE');
    expect(fs.readFileSync(local, 'utf8')).not.toMatch(/<<<<<<<|>>>>>>>/);
    await section.getByTestId('team-resolve').click();
    await page.getByTestId('conflict-both').click();
    const compare = page.getByTestId('conflict-compare');
    await compare.waitFor();
    expect(await compare.innerText()).toContain('THEIRS');
    await page.screenshot({ path: screenshotPath('team-conflict-en') });
    expect(await audit(page)).toEqual([]);
    await page.getByTestId('conflict-theirs').click();
    await section.getByText('Taking theirs').waitFor();
    await section.getByTestId('team-check').click();
    await section.getByText(/Merged/).waitFor();
    expect(fs.readFileSync(local, 'utf8')).toContain('THEIRS');
    expect(fs.readFileSync(local, 'utf8')).not.toContain('MINE');
    expect(git.requests.some((r) => r.path.endsWith('git-receive-pack') && r.status === 200)).toBe(true);
    await context.close();
  });

  it('the diff stays until the profile marks it seen', async () => {
    await call('markTeamChangesSeen', { profileId: learnerId });
    expect((await call<{ changes: unknown[] }>('listTeamChanges', { profileId: learnerId })).changes).toEqual([]);
  });
});
