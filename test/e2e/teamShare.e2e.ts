import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinShare } from '../../electron/core/team/share';
import { axeViolations as audit } from './support/axe';
import { launchBrowser, screenshotPath } from './support/browser';
import { startServe, type ServeHandle } from './support/server';

/** Settings → Team of a PC whose team keeps its handbook on a shared folder (a local folder stands in). */
let serve: ServeHandle;
let browser: Browser;
let tmp: string;
let share: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-e2e-share-'));
  share = path.join(tmp, 'share');
  fs.cpSync('content', path.join(share, 'content'), { recursive: true });
  const dataDir = path.join(tmp, 'data');
  joinShare(dataDir, share);
  serve = await startServe({ contentDir: path.join(share, 'content'), dataDir });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await serve?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('team on a shared folder in the browser', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`shows the folder, checks now by keyboard, and says when the share is gone — ${locale}`, async () => {
      const context = await browser.newContext({ locale, bypassCSP: true, viewport: { width: 1100, height: 900 } });
      const page = await context.newPage();
      await page.goto(serve.url);
      await page.evaluate(async (lang) => { await fetch('api/updateSettings', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ language: lang, theme: 'light' }) }); }, locale);
      await page.goto(serve.origin + '/#/settings');
      await page.reload();
      const section = page.getByTestId('team-section');
      await section.getByTestId('team-status').waitFor();
      expect(await section.innerText()).toContain(share);
      await section.getByTestId('team-check').focus();
      await page.keyboard.press('Enter');
      await section.getByTestId('team-result').waitFor();
      expect(await section.getByTestId('team-result').innerText()).toMatch(locale === 'zh-CN' ? /没有新内容/ : /Nothing new/);
      // The share goes away: a clear reason, in the person's language.
      fs.renameSync(share, share + '-away');
      try {
        await section.getByTestId('team-check').click();
        await expect.poll(() => section.getByTestId('team-result').innerText()).toMatch(locale === 'zh-CN' ? /连不上/ : /cannot be reached/);
        await expect.poll(() => section.getByTestId('team-status').innerText()).toMatch(locale === 'zh-CN' ? /离线/ : /Offline since/);
        expect(await audit(page)).toEqual([]);
        await section.screenshot({ path: screenshotPath(`team-share-${locale}`) });
      } finally {
        fs.renameSync(share + '-away', share);
      }
      await context.close();
    });
  }
});
