import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { newPage, screenshotPath } from './support/browser';
import type { ServeHandle } from './support/server';
import { useServeAndBrowser } from './support/session';

let serve: ServeHandle;
let browser: Browser;

const env = useServeAndBrowser();
beforeAll(() => {
  ({ serve, browser } = env);
});

describe('app shell in Chromium (browser mode)', () => {
  it('creates a profile, switches language and theme, and keeps all of it across a reload', async () => {
    const { page, errors } = await newPage(browser, 'zh-CN');
    await page.goto(serve.url);
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('欢迎使用 Handbook');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');

    await page.getByTestId('profile-button').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('姓名').fill('林晓');
    await dialog.getByLabel('岗位').selectOption('customer-service');
    await dialog.getByRole('button', { name: '创建用户' }).click();
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('你好，林晓');

    await page.getByTestId('toggle-language').click();
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Welcome, 林晓');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByRole('link', { name: 'Library', exact: true }).count()).toBe(1);

    const before = await page.getAttribute('html', 'data-theme');
    await page.getByTestId('toggle-theme').click();
    const after = before === 'dark' ? 'light' : 'dark';
    await expect.poll(() => page.getAttribute('html', 'data-theme')).toBe(after);

    await page.reload();
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Welcome, 林晓');
    expect(await page.getAttribute('html', 'data-theme')).toBe(after);
    expect(await page.getByTestId('profile-button').textContent()).toContain('林晓');
    expect(errors).toEqual([]);
  });

  it('renders the home page in both languages and themes (screenshots)', async () => {
    for (const [locale, theme] of [['zh-CN', 'light'], ['en', 'dark']] as const) {
      const { page, errors } = await newPage(browser, locale);
      await page.goto(serve.url);
      await page.evaluate(async ([lang, th]) => {
        await fetch('api/updateSettings', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ language: lang, theme: th }) });
      }, [locale, theme]);
      await page.reload();
      await expect.poll(() => page.getAttribute('html', 'data-theme')).toBe(theme);
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: screenshotPath(`home-shell-${locale}-${theme}`) });
      expect(errors).toEqual([]);
    }
  });

  it('says so when a link leads nowhere', async () => {
    const { page } = await newPage(browser, 'en');
    await page.goto(serve.url);
    await page.evaluate(() => { location.hash = '#/no/such/page'; });
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Page not found');
    await page.getByRole('link', { name: 'Home', exact: true }).last().click();
    await expect.poll(() => page.locator('main h1').first().textContent()).toContain('Welcome');
  });
});
