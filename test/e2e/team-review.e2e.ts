import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinTeam } from '../../electron/core/team/join';
import { git as gitCli, seedRepo, startGitServer, type SeedClone, type TestGitServer } from '../support/gitServer';
import { listFiles } from '../electron/core/team/teamFixture';
import { axeViolations as audit } from './support/axe';
import { launchBrowser, screenshotPath } from './support/browser';
import { startServe, type ServeHandle } from './support/server';
import { callServe } from './support/api.js';
import { openUnlockedSettings } from './support/teamPage';

/**
 * Settings → Team in Chromium against browser mode and a real git server: a reviewer reads another
 * trainer's proposal (files, diff) and merges it by keyboard; a join shows its progress bar.
 */
const TRAINER = { username: 'trainer', password: 'e2e-review-secret' };
const PASS = 'team reviewer 2468';
const ARTICLE = 'articles/customer-service/returns-refunds.md';
let server: TestGitServer;
let seed: SeedClone;
let browser: Browser;
let tmp: string;
const serves: ServeHandle[] = [];

const call = <T>(serve: ServeHandle, method: string, body: unknown) => callServe<T>(serve, method, body);

/** A PC's app in browser mode with one trainer, showing `locale`; the page opens Settings unlocked. */
async function openSettings(serve: ServeHandle, trainerId: string, locale: 'zh-CN' | 'en'): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
  await call(serve, 'updateSettings', { language: locale, theme: 'light', currentProfileId: trainerId });
  return openUnlockedSettings(browser, serve.url, { locale, passphrase: PASS, height: 1600 });
}

const contentFiles = () => Object.fromEntries(listFiles('content').map((f) => [f, fs.readFileSync(path.join('content', f))]));

beforeAll(async () => {
  server = await startGitServer({ trainer: { password: TRAINER.password, role: 'trainer' } });
  seed = seedRepo(server, 'handbook', contentFiles());
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-e2e-review-'));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  for (const s of serves) await s.stop();
  await server?.close();
  seed?.dispose();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('reviewing proposals in Settings → Team', () => {
  let serve: ServeHandle;
  let trainerId: string;
  beforeAll(async () => {
    const contentDir = path.join(tmp, 'reviewer', 'content');
    const dataDir = path.join(tmp, 'reviewer', 'data');
    await joinTeam({ url: server.url('handbook'), contentDir, dataDir, author: { name: '王培训', email: 'wang@example.test' }, credentials: TRAINER });
    serve = await startServe({ contentDir, dataDir });
    serves.push(serve);
    trainerId = (await call<{ id: string }>(serve, 'createProfile', { name: '王培训', roleId: 'customer-service', trainer: true, passphrase: PASS })).id;
    // The reviewer's public keys (trainers/<id>.yaml) go with the first publish: published here, so merging a proposal is a plain fast-forward.
    const { token } = await call<{ token: string }>(serve, 'openEditSession', { profileId: trainerId, passphrase: PASS });
    await call(serve, 'publishTeam', { token });
  });

  for (const locale of ['zh-CN', 'en'] as const) {
    it(`a reviewer reads a proposal's diff and merges it for the team — ${locale}`, async () => {
      const line = `审核通过的修改 ${locale}。`;
      seed.pull();
      gitCli(seed.dir, 'checkout', '-q', '-B', 'li');
      fs.appendFileSync(path.join(seed.dir, ARTICLE), `\n${line}\n`);
      gitCli(seed.dir, 'commit', '-q', '-am', '更新 退款与退货处理 SOP');
      // Replaced like the app's own publish to a review branch does.
      gitCli(seed.dir, 'push', '-q', '-f', 'origin', 'HEAD:refs/heads/review/li-laoshi');
      const oid = gitCli(seed.dir, 'rev-parse', 'HEAD').trim();
      gitCli(seed.dir, 'checkout', '-q', 'main');
      const { page, errors, close } = await openSettings(serve, trainerId, locale);
      const panel = page.getByTestId('team-reviews');
      await panel.getByTestId('team-reviews-load').focus();
      await page.keyboard.press('Enter');
      const item = panel.getByTestId('team-review-item');
      await item.waitFor({ timeout: 30_000 });
      expect(await item.innerText()).toContain('review/li-laoshi');
      // Open the diff of the one file from the keyboard.
      await item.locator('button[aria-expanded]').first().focus();
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await item.locator('.change-diff .diff-add').allInnerTexts()).map((l) => l.trim())).toContain(`+ ${line}`);
      await panel.scrollIntoViewIfNeeded();
      expect(await audit(page)).toEqual([]);
      await panel.screenshot({ path: screenshotPath(`team-review-${locale}`) });
      await item.getByTestId('team-review-merge').focus();
      await page.keyboard.press('Enter');
      const result = panel.getByTestId('team-reviews-result');
      await result.waitFor({ timeout: 30_000 });
      expect(await result.innerText()).toMatch(locale === 'zh-CN' ? /已合并/ : /Merged/);
      expect(gitCli(server.repoDir('handbook'), 'rev-parse', 'main').trim()).toBe(oid);
      expect(gitCli(server.repoDir('handbook'), 'show', `main:${ARTICLE}`)).toContain(line);
      await panel.getByTestId('team-reviews-empty').waitFor();
      expect(errors).toEqual([]);
      await close();
    });
  }
});

describe('joining from Settings → Team', () => {
  // Enough files that the join takes a while: the bar is what a person watches meanwhile. A join
  // only reads the repository, so both locales join the same one.
  beforeAll(() => {
    const bulk = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`articles/bulk/a${i}.md`, `---\ntitle: 文章 ${i}\n---\n\n# 文章 ${i}\n\n内容 ${i}。\n`]));
    seedRepo(server, 'big', { ...contentFiles(), ...bulk }).dispose();
  });

  for (const locale of ['zh-CN', 'en'] as const) {
    it(`shows a progress bar while the handbook is written — ${locale}`, async () => {
      const own = path.join(tmp, `joiner-${locale}`);
      fs.cpSync('content', path.join(own, 'content'), { recursive: true });
      const serve = await startServe({ contentDir: path.join(own, 'content'), dataDir: path.join(own, 'data') });
      serves.push(serve);
      const trainerId = (await call<{ id: string }>(serve, 'createProfile', { name: '李老师', roleId: 'customer-service', trainer: true, passphrase: PASS })).id;
      const { page, errors, close } = await openSettings(serve, trainerId, locale);
      const form = page.getByTestId('team-join-form');
      await form.locator('[name=team-url]').fill(server.url('big'));
      await form.locator('[name=team-email]').fill('li@example.test');
      await form.locator('[name=team-username]').fill(TRAINER.username);
      await form.locator('[name=team-password]').fill(TRAINER.password);
      await form.locator('[name=team-contentDir]').fill(path.join(own, 'team-content'));
      await form.getByTestId('team-join').waitFor();
      await expect.poll(() => form.getByTestId('team-join').isEnabled(), { timeout: 10_000 }).toBe(true);
      await form.locator('[name=team-contentDir]').press('Enter');
      await form.getByTestId('team-join-progress').waitFor({ timeout: 30_000 });
      await expect.poll(async () => (await form.locator('#team-join-bar[value]').count()) || (await form.innerText()), { timeout: 60_000 }).toBe(1);
      const bar = form.getByRole('progressbar', { name: locale === 'zh-CN' ? '正在加入团队' : 'Joining the team' });
      expect(await bar.count()).toBe(1);
      expect(await form.getByTestId('team-join-progress').innerText()).toMatch(locale === 'zh-CN' ? /(正在下载手册|正在解包|正在写入文件)：\d+ \/ \d+/ : /(Downloading the handbook|Unpacking|Writing the files): \d+ of \d+/);
      await form.getByTestId('team-join-progress').scrollIntoViewIfNeeded();
      await form.screenshot({ path: screenshotPath(`team-join-progress-${locale}`) });
      // With the bar or (on a quick machine) just after it: the page is audited either way.
      expect(await audit(page)).toEqual([]);
      await form.getByTestId('team-join-message').waitFor({ timeout: 90_000 });
      expect(await form.getByTestId('team-join-progress').count()).toBe(0);
      expect(fs.existsSync(path.join(own, 'team-content', 'articles', 'bulk', 'a2999.md'))).toBe(true);
      expect(errors).toEqual([]);
      await close();
    });
  }
});
