import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { newPage, screenshotPath } from './support/browser';
import type { ServeHandle } from './support/server';
import { useServeAndBrowser } from './support/session';

let serve: ServeHandle;
let browser: Browser;

const env = useServeAndBrowser({ contentDir: null });
beforeAll(() => {
  ({ serve, browser } = env);
});

describe('Settings in Chromium', () => {
  it('switches the content folder, refuses one that is not a pack, and goes back to the sample', async () => {
    const { page, errors } = await newPage(browser, 'en');
    await page.goto(serve.url);
    await page.locator('main h1').first().waitFor();
    await page.evaluate(() => { location.hash = '#/settings'; });
    const field = page.getByLabel('Read content from this folder');
    await field.fill('/definitely/not/here');
    await page.getByRole('button', { name: 'Use this folder' }).click();
    await expect.poll(() => page.locator('.form-error').textContent()).toContain('folder not found');

    await field.fill(path.resolve('test/fixtures/contract-pack'));
    await page.getByRole('button', { name: 'Use this folder' }).click();
    await page.waitForLoadState('load');
    await expect.poll(() => page.locator('main').textContent(), { timeout: 15_000 }).toContain('Contract fixture');
    await page.screenshot({ path: screenshotPath('settings-en') });

    await page.getByRole('button', { name: 'Back to the sample pack' }).click();
    await expect.poll(() => page.locator('main').textContent(), { timeout: 15_000 }).toContain('Sample e-commerce team handbook');
    expect(errors.filter((e) => !e.includes('400'))).toEqual([]);
  });

  it('saves a backup of the database as a download', async () => {
    const { page } = await newPage(browser, 'zh-CN');
    await page.goto(serve.url);
    await page.locator('main h1').first().waitFor();
    await page.evaluate(() => { location.hash = '#/settings'; });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-db').click()]);
    expect(download.suggestedFilename()).toMatch(/^handbook-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const file = await download.path();
    const data = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(data.schemaVersion).toBeGreaterThanOrEqual(1);
  });
});
