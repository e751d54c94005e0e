import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callServe } from './support/api.js';
import { axeViolations as audit } from './support/axe';
import { launchBrowser, screenshotPath } from './support/browser';
import { startServe, type ServeHandle } from './support/server';
import { openUnlockedSettings } from './support/teamPage';

/**
 * Settings → Team, joining a shared folder: the form asks only for the folder (no server, author,
 * password or content folder), by keyboard, axe-clean, and says in the person's language when the
 * folder holds no handbook. A local folder stands in for the share.
 */
const PASS = 'share trainer 1357';
let browser: Browser;
let tmp: string;
const serves: ServeHandle[] = [];

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-e2e-sharejoin-'));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  for (const s of serves) await s.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('joining a shared folder from Settings → Team', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`asks only for the folder, by keyboard — ${locale}`, async () => {
      const own = path.join(tmp, locale);
      const share = path.join(own, 'share');
      fs.cpSync('content', path.join(share, 'content'), { recursive: true });
      fs.cpSync('content', path.join(own, 'content'), { recursive: true });
      const empty = path.join(own, 'not-a-share');
      fs.mkdirSync(empty);
      const dataDir = path.join(own, 'data');
      const serve = await startServe({ contentDir: path.join(own, 'content'), dataDir });
      serves.push(serve);
      const trainerId = (await callServe<{ id: string }>(serve, 'createProfile', { name: '李老师', roleId: 'customer-service', trainer: true, passphrase: PASS })).id;
      await callServe(serve, 'updateSettings', { language: locale, theme: 'light', currentProfileId: trainerId });
      const { page, errors, close } = await openUnlockedSettings(browser, serve.url, { locale, passphrase: PASS });

      const form = page.getByTestId('team-join-form');
      await expect.poll(() => form.getByTestId('team-join').isEnabled(), { timeout: 10_000 }).toBe(true);
      // A git server: address, author, credentials and a content folder.
      for (const f of ['url', 'name', 'email', 'username', 'password', 'contentDir']) expect(await form.locator(`[name=team-${f}]`).count()).toBe(1);
      // Arrow keys move between the two modes (one radio group).
      await form.getByTestId('team-mode-server').focus();
      await page.keyboard.press('ArrowDown');
      expect(await form.getByTestId('team-mode-folder').isChecked()).toBe(true);
      for (const f of ['url', 'name', 'email', 'username', 'password', 'contentDir']) expect(await form.locator(`[name=team-${f}]`).count()).toBe(0);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('team-share');
      const legend = await form.getByTestId('team-mode').locator('legend').innerText();
      expect(legend).toBe(locale === 'zh-CN' ? '团队把手册放在哪里？' : 'Where does your team keep the handbook?');
      expect(await audit(page)).toEqual([]);
      await form.screenshot({ path: screenshotPath(`team-share-join-${locale}`) });

      // A folder with no handbook in it: a clear reason, and nothing joined.
      await page.keyboard.type(empty);
      await page.keyboard.press('Enter');
      const message = form.getByTestId('team-join-message');
      await message.waitFor({ timeout: 20_000 });
      expect(await message.innerText()).toMatch(locale === 'zh-CN' ? /手册|Handbook/ : /not a Handbook pack|no Handbook pack|holds no/i);
      expect(fs.existsSync(path.join(dataDir, 'team', 'share.json'))).toBe(false);
      expect(await audit(page)).toEqual([]);

      await form.locator('[name=team-share]').fill(share);
      await form.locator('[name=team-share]').press('Enter');
      await expect.poll(async () => (await message.isVisible()) && (await message.getAttribute('role')), { timeout: 20_000 }).toBe('status');
      expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'team', 'share.json'), 'utf8'))).toMatchObject({ share, contentDir: path.join(share, 'content') });
      expect(errors).toEqual([]);
      await close();
    });
  }
});
