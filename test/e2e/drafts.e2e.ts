import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, screenshotPath } from './support/browser';
import { EditorPage } from './support/editorPage';
import { useServeAndBrowser } from './support/session';
import { callServe } from './support/api.js';

/**
 * Unsaved work in an editor survives every way out of it: the sidebar, a search result, a
 * shortcut, Back, a reload, a profile switch, a content-folder switch and the quiz editor's
 * 全部内容 button. Each test leaves the editor one way and checks the text is there on return.
 */
const PASS = 'drafts passphrase 1';
const ARTICLE = 'customer-service/bad-reviews';
const env = useServeAndBrowser({ contentDir: null });
let folderA = '';
let folderB = '';
let trainerId = '';
let learnerId = '';

const call = <T = any>(method: string, arg: unknown = {}) => callServe<T>(env.serve, method, arg);

beforeAll(async () => {
  folderA = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-e2e-drafts-a-'));
  folderB = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-e2e-drafts-b-'));
  fs.cpSync(path.resolve('content'), folderA, { recursive: true });
  fs.cpSync(path.resolve('content'), folderB, { recursive: true });
  // The first trainer is free; choosing the content folder is the unlocked trainer's.
  trainerId = (await call('createProfile', { name: '李老师', roleId: 'customer-service', trainer: true, passphrase: PASS })).id;
  const { token } = await call<{ token: string }>('openEditSession', { profileId: trainerId, passphrase: PASS });
  await call('setContentFolder', { token, path: folderA });
  await call('closeEditSession', { token });
  learnerId = (await call('createProfile', { name: '王小明', roleId: 'customer-service' })).id;
});
afterAll(() => {
  for (const d of [folderA, folderB]) if (d) fs.rmSync(d, { recursive: true, force: true });
});

async function trainerPage(locale = 'zh-CN'): Promise<{ page: Page; errors: string[]; editor: EditorPage }> {
  await call('updateSettings', { currentProfileId: trainerId, language: locale });
  const { page, errors } = await newPage(env.browser, locale);
  await page.setViewportSize({ width: 1280, height: 820 });
  await page.goto(env.serve.url);
  await page.locator('h1').first().waitFor();
  return { page, errors, editor: new EditorPage(page, PASS) };
}

const editArticle = '#/edit/' + ARTICLE;

describe('unsaved edits come back', () => {
  it('after the sidebar, then Back (with the banner that says so, in zh-CN)', async () => {
    const { page, errors, editor } = await trainerPage();
    await editor.open(editArticle);
    await editor.appendToBody('\n侧边栏离开前写的一段。');
    await page.getByRole('link', { name: '首页' }).click();
    await page.locator('.sidebar [aria-current=page]', { hasText: '首页' }).waitFor();
    await page.goBack();
    await editor.unlockIfAsked();
    await expect.poll(() => editor.body()).toContain('侧边栏离开前写的一段。');
    await expect.poll(() => editor.draftBanner().textContent()).toMatch(/已恢复 .* 未保存的修改/);
    await expect.poll(() => page.getByTestId('save-status').textContent()).toBe('有未保存的修改');
    await page.screenshot({ path: screenshotPath('draft-restored-zh-CN') });
    // Discarding brings back the file as it is on disk and forgets the draft.
    await page.getByTestId('draft-discard').click();
    await expect.poll(() => editor.body()).not.toContain('侧边栏离开前写的一段。');
    await page.reload();
    await editor.unlockIfAsked();
    await expect.poll(() => editor.body()).toContain('差评处理');
    expect(await editor.draftBanner().count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('after a search palette result, a shortcut (Ctrl+,) and Alt+← back', async () => {
    const { page, errors, editor } = await trainerPage();
    await editor.open(editArticle);
    await editor.appendToBody('\n搜索前写的一段。');
    await page.keyboard.press('Control+K');
    await page.getByTestId('palette-input').fill('退款');
    await page.locator('#palette-results [role=option]').first().waitFor();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash.startsWith('#/article/'));
    await page.goBack();
    await editor.unlockIfAsked();
    await expect.poll(() => editor.body()).toContain('搜索前写的一段。');

    await editor.appendToBody('\n快捷键前写的一段。');
    await page.keyboard.press('Control+Comma');
    await page.waitForFunction(() => location.hash === '#/settings');
    await page.keyboard.press('Alt+ArrowLeft');
    await editor.unlockIfAsked();
    await expect.poll(() => editor.body()).toContain('快捷键前写的一段。');
    expect(errors).toEqual([]);
  });

  it('after Back to the content desk, which marks the article, and after a reload', async () => {
    const { page, errors, editor } = await trainerPage();
    await editor.open('#/edit');
    await page.locator('.content-table a.button[href="' + editArticle + '"]').click();
    await editor.unlockIfAsked();
    await expect.poll(() => editor.body()).toContain('差评处理');
    await editor.appendToBody('\n返回前写的一段。');
    await page.goBack();
    const row = page.locator('.content-table tr', { has: page.locator(`code:text-is("${ARTICLE}")`) });
    await expect.poll(() => row.getByTestId('draft-mark').textContent()).toBe('有未保存的修改');
    await page.screenshot({ path: screenshotPath('content-desk-zh-CN') });
    await row.locator('a.button').click();
    await expect.poll(() => editor.body()).toContain('返回前写的一段。');

    await editor.appendToBody('\n刷新前写的一段。');
    await page.reload();
    await editor.unlockIfAsked();
    await expect.poll(() => editor.body()).toContain('刷新前写的一段。');
    // Saving ends the draft: the desk no longer marks the article.
    await page.getByTestId('save-article').click();
    await expect.poll(() => page.getByTestId('save-status').textContent()).toMatch(/已于 .* 保存/);
    expect(fs.readFileSync(path.join(folderA, 'articles', ARTICLE + '.md'), 'utf8')).toContain('刷新前写的一段。');
    await page.evaluate(() => { location.hash = '#/edit'; });
    await page.locator('.content-table').waitFor();
    expect(await row.getByTestId('draft-mark').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('after a profile switch: the learner sees none of it, the trainer gets it back', async () => {
    const { page, errors, editor } = await trainerPage();
    await editor.open(editArticle);
    await editor.appendToBody('\n换人前写的一段。');
    await page.getByTestId('profile-button').click();
    await page.getByRole('button', { name: /王小明/ }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('只有带教老师');
    await page.getByTestId('profile-button').click();
    await page.getByRole('button', { name: /李老师/ }).click();
    await editor.unlockIfAsked();
    await expect.poll(() => editor.body()).toContain('换人前写的一段。');
    expect(errors).toEqual([]);
  });

  it('after a content-folder switch: the other folder does not get it, switching back does', async () => {
    const { page, errors, editor } = await trainerPage();
    await editor.open(editArticle);
    await editor.appendToBody('\n换文件夹前写的一段。');
    const useFolder = async (dir: string) => {
      await page.evaluate(() => { location.hash = '#/settings'; });
      await page.locator('input[name=contentFolder]').fill(dir);
      await Promise.all([page.waitForEvent('load'), page.locator('input[name=contentFolder]').press('Enter')]);
      await page.locator('h1').first().waitFor();
    };
    await useFolder(folderB);
    await editor.open(editArticle);
    await expect.poll(() => editor.body()).toContain('差评处理');
    expect(await editor.body()).not.toContain('换文件夹前写的一段。');
    await useFolder(folderA);
    await editor.open(editArticle);
    await expect.poll(() => editor.body()).toContain('换文件夹前写的一段。');
    expect(errors).toEqual([]);
  });

  it('after the quiz editor’s 全部内容 button, and in the track editor after Back (English)', async () => {
    const { page, errors, editor } = await trainerPage();
    await editor.open('#/edit/quiz:customer-service-basics');
    const title = page.locator('.quiz-editor .form-grid input').first();
    await title.fill('客服基础测验（修订中）');
    await page.getByRole('link', { name: '全部内容' }).click();
    const quizRow = page.locator('.plain-list li', { has: page.locator('a[href="#/edit/quiz:customer-service-basics"]') });
    await expect.poll(() => quizRow.getByTestId('draft-mark').count()).toBe(1);
    await quizRow.locator('a.button').click();
    await expect.poll(() => title.inputValue()).toBe('客服基础测验（修订中）');
    expect(errors).toEqual([]);

    const en = await trainerPage('en');
    await en.editor.open('#/edit/track:customer-service');
    const desc = en.page.locator('.track-editor textarea').first();
    await desc.fill('Rewritten while the first week was being planned.');
    await en.page.goBack();
    await en.page.locator('.track-editor').waitFor({ state: 'detached' });
    await en.page.goForward();
    await en.editor.unlockIfAsked();
    await expect.poll(() => desc.inputValue()).toBe('Rewritten while the first week was being planned.');
    await expect.poll(() => en.page.getByTestId('draft-restored').textContent()).toMatch(/Your unsaved changes from .* are back/);
    await en.page.screenshot({ path: screenshotPath('draft-restored-en') });
    expect(en.errors).toEqual([]);
  });
});
