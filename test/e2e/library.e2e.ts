import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article, ArticleList, Profile } from '../../electron/contract';
import { launchBrowser, newPage, screenshotPath } from './support/browser';
import { startServe, type ServeHandle } from './support/server';
import { callServe } from './support/api.js';

let serve: ServeHandle;
let browser: Browser;
let profile: Profile;

/** Calls the API the way outside tools do: bearer token, JSON body, envelope back. */
const call = <T>(method: string, arg: unknown = {}) => callServe<T>(serve, method, arg);

const ROLE = 'customer-service';

/** An article of the role with an image and a link to another article: what the journey needs. */
async function pickArticle(): Promise<{ article: Article; linked: string }> {
  const list = await call<ArticleList>('listArticles', { role: ROLE });
  for (const a of list.articles) {
    const full = await call<Article>('getArticle', { id: a.id });
    const linked = /data-article="([^"]+)"/.exec(full.html)?.[1];
    if (full.html.includes('<img') && linked && linked !== a.id) return { article: full, linked };
  }
  throw new Error('the sample pack has no article with an image and an internal link for ' + ROLE);
}

async function openApp(locale: 'zh-CN' | 'en', hash: string): Promise<{ page: Page; errors: string[] }> {
  await call('updateSettings', { language: locale, currentProfileId: profile.id });
  const opened = await newPage(browser, locale);
  await opened.page.goto(serve.url); // sets the token cookie
  await opened.page.goto(`${serve.origin}/${hash}`);
  return opened;
}

const h1 = (page: Page) => page.locator('main h1').first();

beforeAll(async () => {
  serve = await startServe();
  browser = await launchBrowser();
  profile = await call<Profile>('createProfile', { name: '林晓', roleId: ROLE });
});
afterAll(async () => {
  await browser?.close();
  await serve?.stop();
});

describe('library in Chromium (browser mode)', () => {
  it('browses, filters by role, opens an article, follows a link, sees an image, bookmarks it and finds it after a reload', async () => {
    const { article, linked } = await pickArticle();
    const all = await call<ArticleList>('listArticles', {});
    const forRole = await call<ArticleList>('listArticles', { role: ROLE });
    const { page, errors } = await openApp('zh-CN', '#/library');

    await expect.poll(() => h1(page).textContent()).toBe('知识库');
    await expect.poll(() => page.locator('.article-card').count()).toBe(all.articles.length);

    // Filter by role with the keyboard-reachable select; the hash keeps the filter.
    await page.locator('select[name="role"]').selectOption(ROLE);
    await expect.poll(() => page.locator('.article-card').count()).toBe(forRole.articles.length);
    expect(page.url()).toContain('role=' + ROLE);
    expect(forRole.articles.length).toBeLessThan(all.articles.length);

    // Open the article from the filtered list.
    await page.locator('.article-card', { hasText: article.title }).first().click();
    await expect.poll(() => h1(page).textContent()).toBe(article.title);
    expect(decodeURIComponent(page.url())).toContain('#/article/' + article.id);

    // Header: owner and last review are shown; callout titles are filled in the reader's language.
    await expect.poll(() => page.locator('.article-meta').textContent()).toContain(article.owner);
    const calloutTitles = await page.locator('.prose .callout-title').allTextContents();
    expect(calloutTitles.every((t) => t.trim().length > 0)).toBe(true);

    // The image loads through the pack-file route.
    const img = page.locator('.prose img').first();
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
    expect(await img.getAttribute('src')).toMatch(/^pack-file\//);

    // Bookmark it.
    const bookmark = page.getByTestId('bookmark');
    await bookmark.click();
    await expect.poll(() => bookmark.getAttribute('aria-pressed')).toBe('true');

    // Follow an internal link to another article.
    const target = await call<Article>('getArticle', { id: linked });
    await page.locator(`.prose a[data-article="${linked}"]`).first().click();
    await expect.poll(() => h1(page).textContent()).toBe(target.title);

    // After a reload, Home lists the bookmark and the recently viewed articles.
    await page.goto(`${serve.origin}/#/`);
    await page.reload();
    const bookmarks = page.locator('.card', { has: page.getByRole('heading', { name: '收藏' }) });
    await expect.poll(() => bookmarks.textContent()).toContain(article.title);
    await bookmarks.getByRole('link', { name: article.title }).click();
    await expect.poll(() => h1(page).textContent()).toBe(article.title);
    await expect.poll(() => page.getByTestId('bookmark').getAttribute('aria-pressed')).toBe('true');
    expect(errors).toEqual([]);
  });

  it('is usable from the keyboard: category tree, cards and the bookmark button', async () => {
    const { page, errors } = await openApp('zh-CN', '#/library');
    await expect.poll(() => page.locator('.article-card').count()).toBeGreaterThan(0);
    const firstCategory = page.locator('.category-tree button').nth(1);
    await firstCategory.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('category=');
    await expect.poll(() => firstCategory.getAttribute('aria-current')).toBe('true');
    await page.locator('.article-card').first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('#/article/');
    await page.getByTestId('bookmark').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('bookmark').getAttribute('aria-pressed')).toBe('true');
    expect(errors).toEqual([]);
  });

  it('shows the same article in English, with a needs-review badge where due (screenshots)', async () => {
    const { article } = await pickArticle();
    for (const locale of ['zh-CN', 'en'] as const) {
      const suffix = locale === 'en' ? 'en' : 'zh';
      const { page, errors } = await openApp(locale, '#/library');
      await expect.poll(() => page.locator('.article-card').count()).toBeGreaterThan(10);
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: screenshotPath(`library-${suffix}`) });

      await page.goto(`${serve.origin}/#/article/${article.id}`);
      await expect.poll(() => h1(page).textContent()).toBe(article.title);
      await expect.poll(() => page.locator('.prose img').first().evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
      expect(await page.locator('.article-meta').textContent()).toContain(locale === 'en' ? 'Owner' : '负责人');
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: screenshotPath(`article-${suffix}`) });

      const stale = (await call<ArticleList>('listArticles', { sort: 'review' })).articles.find((a) => a.needsReview);
      if (stale) {
        await page.goto(`${serve.origin}/#/article/${stale.id}`);
        await expect.poll(() => page.locator('.article-header .badge-review').textContent()).toBe(locale === 'en' ? 'Needs review' : '需要复核');
      }
      expect(errors).toEqual([]);
    }
  });
});
