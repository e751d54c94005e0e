import type { Browser, Page } from 'playwright-core';

/**
 * A fresh browser page on a browser-mode app's Settings, unlocked with a trainer's passphrase (the
 * app's language and current profile are set by the caller); errors the page throws are collected.
 */
export async function openUnlockedSettings(browser: Browser, url: string, o: { locale: 'zh-CN' | 'en'; passphrase: string; height?: number }): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
  const context = await browser.newContext({ locale: o.locale, bypassCSP: true, viewport: { width: 1280, height: o.height ?? 1400 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url + '#/settings');
  await page.getByTestId('unlock-secret').fill(o.passphrase);
  await page.getByTestId('unlock-secret').press('Enter');
  return { page, errors, close: () => context.close() };
}

/** Settings → Team as a person uses it: Check now, read the result, settle a file changed on both sides. */
export class TeamSettingsPage {
  constructor(readonly page: Page) {}

  section() {
    return this.page.getByTestId('team-section');
  }

  async open() {
    await this.page.evaluate(() => { location.hash = '#/settings'; });
    await this.section().getByTestId('team-status').waitFor();
  }

  /** Presses "Check now" from the keyboard and returns the result line once the sync finished. */
  async checkNow(): Promise<string> {
    const button = this.section().getByTestId('team-check');
    await button.focus();
    await this.page.keyboard.press('Enter');
    const result = this.section().getByTestId('team-result');
    await result.waitFor({ timeout: 60_000 });
    return result.innerText();
  }

  /** Unlocks trainer rights with Settings' one passphrase form (the team actions use it too), unless this page is unlocked already. */
  async unlockIfAsked(passphrase: string) {
    const resolve = this.section().getByTestId('team-resolve').first();
    await resolve.waitFor();
    if (await resolve.isDisabled()) {
      const secret = this.page.getByTestId('unlock-secret');
      await secret.fill(passphrase);
      await secret.press('Enter');
    }
    await this.page.waitForFunction(() => !(document.querySelector('[data-testid=team-resolve]') as HTMLButtonElement | null)?.disabled);
  }

  /** Opens the first waiting file, shows both versions side by side and returns their text. */
  async seeBoth(): Promise<string> {
    await this.section().getByTestId('team-resolve').first().click();
    await this.page.getByTestId('conflict-both').click();
    const compare = this.page.getByTestId('conflict-compare');
    await compare.waitFor();
    return compare.innerText();
  }

  async choose(choice: 'mine' | 'theirs') {
    await this.page.getByTestId(choice === 'mine' ? 'conflict-mine' : 'conflict-theirs').click();
    await this.page.getByTestId('conflict-compare').waitFor({ state: 'detached' });
  }
}

/** What changed (`#/changes`): the list, and the diff of an entry opened from the keyboard. */
export class ChangesPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.evaluate(() => { location.hash = '#/changes'; });
    await this.list().waitFor();
  }

  list() {
    return this.page.getByTestId('changes-list');
  }

  async openFirstDiff(): Promise<string[]> {
    const toggle = this.list().getByRole('button').first();
    await toggle.focus();
    await this.page.keyboard.press('Enter');
    await this.page.locator('.change-diff').waitFor();
    return this.page.locator('.change-diff .diff-add').allInnerTexts();
  }
}
