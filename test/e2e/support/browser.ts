import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, with the flags that keep it off the (closed) network. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium) — e2e tests need it`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync', '--disable-component-update', '--disable-quic'],
  });
}

/** A fresh page in a fresh context, in the given UI language; page errors fail the test. */
export async function newPage(browser: Browser, locale = 'zh-CN', opts: { bypassCSP?: boolean } = {}): Promise<{ page: Page; errors: string[] }> {
  // bypassCSP only so that axe can be injected; the app's own CSP is tested elsewhere
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 860 }, bypassCSP: !!opts.bypassCSP });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return { page, errors };
}

export const screenshotPath = (name: string) => `test/e2e/screenshots/${name}.png`;
