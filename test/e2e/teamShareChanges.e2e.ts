import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinShare } from '../../electron/core/team/share';
import { callServe } from './support/api.js';
import { axeViolations as audit } from './support/axe';
import { launchBrowser, screenshotPath } from './support/browser';
import { startServe, type ServeHandle } from './support/server';

/** The "What changed" page of a PC whose team keeps its handbook on a shared folder (no git): a local folder stands in. */
const ARTICLE = 'articles/customer-service/returns-refunds.md';
let browser: Browser;
let tmp: string;
const serves: ServeHandle[] = [];

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-e2e-sharechg-'));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  for (const s of serves) await s.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('What changed on a shared folder in the browser', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`lists a trainer's edit on the share with its diff, by keyboard — ${locale}`, async () => {
      const share = path.join(tmp, locale, 'share');
      fs.cpSync('content', path.join(share, 'content'), { recursive: true });
      const dataDir = path.join(tmp, locale, 'data');
      joinShare(dataDir, share);
      const serve = await startServe({ contentDir: path.join(share, 'content'), dataDir });
      serves.push(serve);
      const ming = await callServe<{ id: string }>(serve, 'createProfile', { name: '小明', roleId: 'customer-service' });
      await callServe(serve, 'updateSettings', { language: locale, theme: 'light', currentProfileId: ming.id });
      // A trainer edits the article on the share from another PC; this PC finds it by polling.
      const line = locale === 'zh-CN' ? '退款须在三个工作日内处理完毕。' : 'Refunds are settled within three working days.';
      fs.appendFileSync(path.join(share, 'content', ARTICLE), `\n${line}\n`);
      await callServe(serve, 'syncTeam', {});

      const context = await browser.newContext({ locale, bypassCSP: true, viewport: { width: 1100, height: 900 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(serve.url + '#/changes');
      const list = page.getByTestId('changes-list');
      await list.waitFor({ timeout: 20_000 });
      expect(await list.locator('li').count()).toBe(1);
      await list.locator('button[aria-expanded]').focus();
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await list.locator('.change-diff .diff-add').allInnerTexts()).map((l) => l.trim())).toContain(`+ ${line}`);
      expect(await list.innerText()).toMatch(locale === 'zh-CN' ? /修改/ : /Changed/i);
      expect(await audit(page)).toEqual([]);
      await page.screenshot({ path: screenshotPath(`team-share-changes-${locale}`) });
      await page.getByTestId('changes-seen').focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('changes-empty').waitFor();
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
