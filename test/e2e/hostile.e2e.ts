import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOSTILE_MARKDOWN } from '../fixtures/hostile/markdown';
import { newPage, screenshotPath } from './support/browser';
import { useServeAndBrowser } from './support/session';
import { callServe } from './support/api.js';

/** The sample pack plus one article marked needs minutes for. */
const contentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-e2e-hostile-'));
fs.cpSync(path.resolve('content'), contentDir, { recursive: true });
fs.writeFileSync(path.join(contentDir, 'articles', 'stars.md'), '---\ntitle: 星号测试\n---\n' + HOSTILE_MARKDOWN.stars());
const env = useServeAndBrowser({ contentDir });

const call = <T>(method: string, arg: unknown = {}) => callServe<T>(env.serve, method, arg);

describe('an article too slow to format', () => {
  it('opens as plain text under a warning in the reader’s language', async () => {
    const profile = await call<{ id: string }>('createProfile', { name: '读者', roleId: 'customer-service' });
    for (const locale of ['zh-CN', 'en'] as const) {
      await call('updateSettings', { language: locale, currentProfileId: profile.id });
      const { page, errors } = await newPage(env.browser, locale);
      await page.goto(env.serve.url);
      await page.goto(`${env.serve.origin}/#/article/stars`);
      const title = page.locator('[data-callout="plain-text"] .callout-title');
      await expect.poll(() => title.textContent(), { timeout: 20_000 }).toBe(locale === 'en'
        ? 'This article is too complex to format and is shown as plain text. Ask its owner to simplify or split it.'
        : '此文章格式过于复杂，无法排版，以下按纯文本显示。请联系负责人简化或拆分。');
      expect(await page.locator('pre.plain-text').count()).toBe(1);
      await page.screenshot({ path: screenshotPath(`article-plain-text-${locale === 'en' ? 'en' : 'zh'}`) });
      expect(errors).toEqual([]);
      await page.context().close();
    }
  });
});
