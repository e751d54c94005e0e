import type { Browser, Page } from 'playwright-core';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { newPage } from './support/browser';
import type { ServeHandle } from './support/server';
import { useServeAndBrowser } from './support/session';

let serve: ServeHandle;
let browser: Browser;

const env = useServeAndBrowser({ contentDir: path.resolve('test/fixtures/hostile-pack') });
beforeAll(() => {
  ({ serve, browser } = env);
});

/** Everything in the app's DOM that could run code or leave the app. */
async function dangerousNodes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const root = document.getElementById('root')!;
    for (const el of root.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      // Content reaches the page only as sanitized HTML inside .prose; a form elsewhere is the app's own (search, quiz).
      if (el.tagName === 'FORM' && !el.closest('.prose')) continue;
      if (['script', 'iframe', 'frame', 'object', 'embed', 'form', 'meta', 'base', 'link', 'style', 'portal', 'template', 'math', 'isindex', 'noscript'].includes(tag)) found.push(`<${tag}>`);
      if (tag === 'svg' && !el.classList.contains('icon')) found.push('<svg> from content');
      for (const attr of el.attributes) {
        const name = attr.name.toLowerCase();
        const value = attr.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
        if (name.startsWith('on')) found.push(`${tag}[${name}]`);
        if (['href', 'src', 'xlink:href', 'action', 'formaction', 'data', 'srcdoc', 'background', 'poster'].includes(name) && /^(javascript|vbscript|data):/.test(value)) found.push(`${tag}[${name}=${attr.value}]`);
        if (name === 'style' && /url\(|expression/.test(value)) found.push(`${tag}[style]`);
      }
    }
    return found;
  });
}

async function visit(page: Page, hash: string, waitFor: string) {
  await page.evaluate((h) => { location.hash = h; }, hash);
  await page.locator(waitFor).first().waitFor({ state: 'attached', timeout: 20_000 });
  // Let lazy handlers (onerror of broken images, autofocus, animations) have their chance.
  await page.waitForTimeout(400);
  await page.mouse.move(400, 400);
  await page.keyboard.press('Tab');
}

describe('hostile content in real Chromium', () => {
  it('runs nothing and leaves no dangerous node or attribute, on every screen that shows content', async () => {
    const { page } = await newPage(browser, 'zh-CN');
    const dialogs: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    const requests: string[] = [];
    page.on('request', (r) => { if (!r.url().startsWith(serve.origin)) requests.push(r.url()); });
    await page.goto(serve.url);
    await page.locator('h1').first().waitFor();

    const screens: Array<[string, string]> = [
      ['#/', 'h1'],
      ['#/library', '.article-card'],
      ['#/article/xss/vectors', '.prose'],
      ['#/article/xss/mutation', '.prose'],
      ['#/roles', '.role-card'],
      ['#/roles/customer-service', '.prose'],
      ['#/search?q=' + encodeURIComponent('退款'), '.search-hit'],
      ['#/search?q=' + encodeURIComponent('onerror'), '.search-page'],
    ];
    for (const [hash, sel] of screens) {
      await visit(page, hash, sel);
      expect(await page.evaluate(() => (window as any).__pwned), hash).toBeUndefined();
      expect(await dangerousNodes(page), hash).toEqual([]);
    }
    // The palette shows titles and snippets from the same hostile text.
    await page.keyboard.press('Control+k');
    await page.getByTestId('palette-input').fill('退款');
    await page.locator('#palette-results .search-hit').first().waitFor();
    expect(await dangerousNodes(page)).toEqual([]);
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();

    // Track and quiz text (titles, prompts, options, explanations) and the trainer's view of them.
    const call = (m: string, a: unknown) => page.evaluate(async ([method, arg]) => (await (await fetch(`api/${method}`, { method: 'POST', body: JSON.stringify(arg) })).json()).data, [m, a] as const);
    const learner = await call('createProfile', { name: '<img src=x onerror=top.__pwned=1>学员', roleId: 'customer-service' });
    await call('createProfile', { name: '<svg onload=top.__pwned=1>老师', roleId: 'customer-service', trainer: true, passphrase: 'xss passphrase 1357' });
    await call('updateSettings', { currentProfileId: learner.id });
    await page.reload();
    await page.locator('main h1').first().waitFor();
    for (const [hash, sel] of [['#/', 'main h1'], ['#/onboarding', '[data-testid="step-quiz-xss"]'], ['#/quiz/customer-service/quiz-xss', '[data-testid="submit-quiz"]']] as const) {
      await visit(page, hash, sel);
      expect(await page.evaluate(() => (window as any).__pwned), hash).toBeUndefined();
      expect(await dangerousNodes(page), hash).toEqual([]);
    }
    await page.locator('[data-testid="question-q1"] input').first().check();
    await page.locator('[data-testid="question-q2"] input').first().check();
    await page.getByTestId('submit-quiz').click();
    await page.locator('.question-result').first().waitFor();
    await page.mouse.move(300, 500);
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    expect(await dangerousNodes(page)).toEqual([]);
    await visit(page, '#/trainer', 'main h1');
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    expect(await dangerousNodes(page)).toEqual([]);

    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('stays responsive with a 10,000-row table and 5,000 nested quotes', async () => {
    const { page } = await newPage(browser, 'en');
    await page.goto(serve.url);
    await page.locator('h1').first().waitFor();
    const started = Date.now();
    await visit(page, '#/article/xss/big-table', '.prose table');
    expect(await page.locator('.prose table tr').count()).toBe(10_001);
    await visit(page, '#/article/xss/nested', '.prose');
    expect(await page.locator('.prose blockquote').count()).toBe(0);
    expect(await page.locator('.prose pre').count()).toBe(1);
    // Generous bound: this is a hang detector, not a benchmark.
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
