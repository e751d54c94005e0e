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

const PASS = 'settings passphrase 1';

/** The settings that touch everyone's data need an unlocked trainer: the first one of this handbook. */
async function asTrainer(page: import('playwright-core').Page) {
  const call = (m: string, a: unknown) => page.evaluate(async ([mm, aa]) => (await fetch(`api/${mm}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(aa) })).json(), [m, a] as const);
  const list = (await call('listProfiles', {})).data as Array<{ id: string; trainer: boolean }>;
  const id = list.find((p) => p.trainer)?.id ?? (await call('createProfile', { name: 'Trainer', roleId: 'customer-service', trainer: true, passphrase: PASS })).data.id;
  await call('updateSettings', { currentProfileId: id });
  await page.reload();
}
async function unlock(page: import('playwright-core').Page) {
  await page.getByTestId('unlock-secret').fill(PASS);
  await page.getByTestId('edit-unlock').click();
}

describe('Settings in Chromium', () => {
  it('switches the content folder, refuses one that is not a pack, and goes back to the sample', async () => {
    const { page, errors } = await newPage(browser, 'en');
    await page.goto(serve.url);
    await page.locator('main h1').first().waitFor();
    await asTrainer(page);
    await page.evaluate(() => { location.hash = '#/settings'; });
    await unlock(page);
    const field = page.getByLabel('Read content from this folder');
    await field.fill('/definitely/not/here');
    await page.getByRole('button', { name: 'Use this folder' }).click();
    await expect.poll(() => page.locator('.form-error').textContent()).toContain('folder not found');

    await field.fill(path.resolve('test/fixtures/contract-pack'));
    await page.getByRole('button', { name: 'Use this folder' }).click();
    await page.waitForLoadState('load');
    await expect.poll(() => page.locator('main').textContent(), { timeout: 15_000 }).toContain('Contract fixture');
    // The page reloaded: the trainer unlocks again (the UI keeps no secret across a reload).
    await unlock(page);
    await page.screenshot({ path: screenshotPath('settings-en') });

    await page.getByRole('button', { name: 'Back to the sample pack' }).click();
    await expect.poll(() => page.locator('main').textContent(), { timeout: 15_000 }).toContain('Sample e-commerce team handbook');
    expect(errors.filter((e) => !e.includes('400') && !e.includes('403'))).toEqual([]);
  });

  it('saves a backup of the database as a download', async () => {
    const { page } = await newPage(browser, 'zh-CN');
    await page.goto(serve.url);
    await page.locator('main h1').first().waitFor();
    await asTrainer(page);
    await page.evaluate(() => { location.hash = '#/settings'; });
    await unlock(page);
    await page.getByTestId('backup-db').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-db').click()]);
    expect(download.suggestedFilename()).toMatch(/^handbook-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const file = await download.path();
    const data = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(data.schemaVersion).toBeGreaterThanOrEqual(1);
  });
});
