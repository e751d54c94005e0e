import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { newPage, screenshotPath } from './support/browser';
import type { ServeHandle } from './support/server';
import { useServeAndBrowser } from './support/session';

let serve: ServeHandle;
let browser: Browser;

const env = useServeAndBrowser();
beforeAll(() => {
  ({ serve, browser } = env);
});

describe('search in Chromium', () => {
  it('finds an SOP in Chinese from the palette and opens it with the match highlighted', async () => {
    const { page, errors } = await newPage(browser, 'zh-CN');
    await page.goto(serve.url);
    await page.locator('h1').first().waitFor();
    await page.keyboard.press('Control+k');
    const input = page.getByTestId('palette-input');
    await input.fill('退货退款');
    const first = page.locator('#palette-results .search-hit').first();
    await first.waitFor();
    expect(await page.locator('#palette-results .search-hit mark').count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('search-palette-zh') });
    const title = (await first.locator('.search-hit-title').textContent())!;
    await input.press('Enter');
    await page.waitForURL(/#\/article\//);
    await expect.poll(() => page.locator('.article h1').textContent()).toBe(title.trim());
    await expect.poll(() => page.locator('.prose mark.search-mark').count()).toBeGreaterThan(0);
    expect(await page.locator('.prose mark.search-mark').first().textContent()).toMatch(/退货|退款/);
    expect(errors).toEqual([]);
  });

  it('filters results on the search page and says so when nothing matches', async () => {
    const { page, errors } = await newPage(browser, 'en');
    await page.goto(serve.url);
    await page.locator('h1').first().waitFor();
    await page.evaluate(() => { location.hash = '#/search?q=' + encodeURIComponent('发货'); });
    const count = page.getByTestId('search-count');
    await count.waitFor();
    const all = Number((await count.textContent())!.match(/\d+/)![0]);
    expect(all).toBeGreaterThan(1);
    await page.locator('select[name="role"]').selectOption('logistics');
    await expect.poll(async () => Number((await count.textContent())!.match(/\d+/)![0])).toBeLessThan(all);
    expect(await page.locator('.search-results .search-hit').count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('search-page-en') });
    await page.evaluate(() => { location.hash = '#/search?q=' + encodeURIComponent('zzqqxxj'); });
    await expect.poll(() => page.locator('.empty').textContent()).toContain('Nothing found');
    expect(errors).toEqual([]);
  });
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`${locale}: the palette offers the search page's suggestions; the category filter shows category names`, async () => {
      const { page, errors } = await newPage(browser, locale, { bypassCSP: true });
      await page.goto(serve.url);
      await page.locator('h1').first().waitFor();
      await page.keyboard.press('Control+k');
      await page.getByTestId('palette-input').fill('amzoan');
      const suggestion = page.locator('[data-testid="palette-suggestions"] a.suggestion').first();
      await suggestion.waitFor();
      expect(await suggestion.textContent()).toBe('amazon');
      await page.screenshot({ path: screenshotPath(`search-palette-suggestions-${locale === 'en' ? 'en' : 'zh'}`) });
      expect(await axeViolations(page)).toEqual([]);
      await suggestion.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/#\/search\?q=amazon/);
      await page.getByTestId('search-count').waitFor();

      await page.goto('about:blank');
      await page.goto(serve.url + '#/search?q=' + encodeURIComponent('客服'));
      const category = page.locator('select[name="category"]');
      const name = locale === 'en' ? 'Customer service' : '客服';
      await expect.poll(async () => (await category.locator('option').allTextContents()).some((o) => o.startsWith(name))).toBe(true);
      expect((await category.locator('option').allTextContents()).some((o) => o.startsWith('customer-service'))).toBe(false);
      await category.selectOption('customer-service');
      await expect.poll(() => category.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]!.textContent)).toMatch(new RegExp('^' + name));
      await page.screenshot({ path: screenshotPath(`search-category-names-${locale === 'en' ? 'en' : 'zh'}`) });
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    });
  }
});
