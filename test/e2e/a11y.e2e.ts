import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations as audit } from './support/axe';
import { launchBrowser, screenshotPath } from './support/browser';
import { startServe, type ServeHandle } from './support/server';
import { callServe } from './support/api.js';

let serve: ServeHandle;
let browser: Browser;
let learnerId: string;

const call = <T>(method: string, arg: unknown = {}) => callServe<T>(serve, method, arg);

beforeAll(async () => {
  serve = await startServe();
  browser = await launchBrowser();
  const learner = await call<{ id: string }>('createProfile', { name: '李新人', roleId: 'customer-service' });
  await call('createProfile', { name: '王培训', roleId: 'customer-service', trainer: true, passphrase: 'a11y passphrase 2468' });
  learnerId = learner.id;
});
afterAll(async () => {
  await browser?.close();
  await serve?.stop();
});

/** Main screens, as a learner would reach them (the trainer screens gate themselves). */
const SCREENS: Array<[string, string, string]> = [
  ['home', '#/', 'main h1'],
  ['library', '#/library', '.article-card'],
  ['article', '#/article/customer-service/returns-refunds', '.prose h2'],
  ['search', '#/search?q=' + encodeURIComponent('退款'), '.search-hit'],
  ['onboarding', '#/onboarding', 'main h1'],
  ['roles', '#/roles', '.role-card'],
  ['role guide', '#/roles/customer-service', '.prose'],
  ['trainer', '#/trainer', 'main h1'],
  ['settings', '#/settings', 'main h1'],
];


describe('accessibility (axe-core) on every main screen', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      it(`has no serious or critical violations — ${locale}, ${theme}`, async () => {
        await call('updateSettings', { language: locale, theme, currentProfileId: learnerId });
        // bypassCSP only so that axe itself can be injected; the app's own CSP is tested elsewhere.
        const context = await browser.newContext({ locale, bypassCSP: true, viewport: { width: 1280, height: 860 } });
        const page = await context.newPage();
        await page.goto(serve.url);
        await page.locator('main h1').first().waitFor();
        const found: string[] = [];
        for (const [name, hash, ready] of SCREENS) {
          await page.evaluate((h) => { location.hash = h; }, hash);
          await page.locator(ready).first().waitFor({ state: 'attached' });
          await page.waitForTimeout(150);
          for (const v of await audit(page)) found.push(`${name}: ${v}`);
          if (locale === 'en' && theme === 'dark') await page.screenshot({ path: screenshotPath(`a11y-${name.replace(' ', '-')}-en-dark`) });
        }
        await context.close();
        expect(found).toEqual([]);
      });
    }
  }
});
