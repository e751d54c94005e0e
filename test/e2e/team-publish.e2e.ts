import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
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
 * Settings → Team → publishing, in Chromium against browser mode over a joined checkout: a trainer's
 * save is a commit waiting on this PC; "Publish" (by keyboard) sends it to the real git server.
 */
const TRAINER = { username: 'trainer', password: 'e2e-publish-secret' };
const PASS = 'team trainer 1357';
let server: TestGitServer;
let seed: SeedClone;
let serve: ServeHandle;
let browser: Browser;
let tmp: string;
let trainerId: string;

const call = <T>(method: string, arg: unknown = {}) => callServe<T>(serve, method, arg);

beforeAll(async () => {
  server = await startGitServer({ trainer: { password: TRAINER.password, role: 'trainer' } });
  seed = seedRepo(server, 'handbook', Object.fromEntries(listFiles('content').map((f) => [f, fs.readFileSync(path.join('content', f))])));
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-e2e-publish-'));
  const contentDir = path.join(tmp, 'content');
  const dataDir = path.join(tmp, 'data');
  await joinTeam({ url: server.url('handbook'), contentDir, dataDir, author: { name: '王培训', email: 'wang@example.test' }, credentials: TRAINER });
  serve = await startServe({ contentDir, dataDir });
  browser = await launchBrowser();
  // Once a trainer exists, making another takes a trainer's session: one trainer for both languages.
  trainerId = (await call<{ id: string }>('createProfile', { name: '王培训', roleId: 'customer-service', trainer: true, passphrase: PASS })).id;
  // A new trainer's public keys (trainers/<id>.yaml) wait for the first publish: published here, so each journey starts clean.
  const { token } = await call<{ token: string }>('openEditSession', { profileId: trainerId, passphrase: PASS });
  await call('publishTeam', { token });
});
afterAll(async () => {
  await browser?.close();
  await serve?.stop();
  await server?.close();
  seed?.dispose();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('publishing from Settings → Team', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`a trainer's save waits on this PC until Publish sends it — ${locale}`, async () => {
      await call('updateSettings', { language: locale, theme: 'light', currentProfileId: trainerId });
      const { token } = await call<{ token: string }>('openEditSession', { profileId: trainerId, passphrase: PASS });
      const id = 'customer-service/returns-refunds';
      const src = await call<{ hash: string; body: string }>('getArticleSource', { token, id });
      await call('saveArticle', { token, id, baseHash: src.hash, fields: {}, body: `${src.body}\n\n发布测试 ${locale}。\n` });
      const { page, errors, close } = await openUnlockedSettings(browser, serve.url, { locale, passphrase: PASS });
      const panel = page.getByTestId('team-publish');
      await expect.poll(async () => panel.getByTestId('team-unpublished').innerText(), { timeout: 10_000 }).toMatch(locale === 'zh-CN' ? /1 个文件还没有发布/ : /1 file saved here is not on the server yet/);
      await panel.scrollIntoViewIfNeeded();
      expect(await audit(page)).toEqual([]);
      await panel.screenshot({ path: screenshotPath(`team-publish-${locale}`) });
      // Keyboard: focus Publish and press Enter.
      await panel.getByTestId('team-publish-button').focus();
      await page.keyboard.press('Enter');
      await panel.getByTestId('team-publish-result').waitFor();
      expect(await panel.getByTestId('team-publish-result').innerText()).toMatch(locale === 'zh-CN' ? /已发布/ : /Published/);
      expect(gitCli(server.repoDir('handbook'), 'log', '-1', '--format=%an|%s', 'main').trim()).toBe(`王培训|更新 退款与退货处理 SOP`);
      expect(await panel.getByTestId('team-unpublished').innerText()).toMatch(locale === 'zh-CN' ? /都已在服务器上/ : /Everything saved here is on the server/);
      expect(errors).toEqual([]);
      await close();
    });
  }
});
