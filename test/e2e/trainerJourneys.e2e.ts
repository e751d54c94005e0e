import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, screenshotPath } from './support/browser';
import { EditorPage } from './support/editorPage';
import { useServeAndBrowser } from './support/session';
import { callServe } from './support/api.js';

/**
 * What a trainer and a learner trip on, fixed: a pack import shows its new article at once, a bad
 * zip is refused in Chinese, quiz answers survive a reload and Back, a quiz cites its section by
 * heading, a trainer's Home is a trainer desk, role cards use a Chinese colon.
 */
const PASS = 'journeys passphrase 1';
const contentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-e2e-journeys-'));
fs.cpSync(path.resolve('content'), contentDir, { recursive: true });
const env = useServeAndBrowser({ contentDir });
let trainerId = '';
let learnerId = '';

const call = <T = any>(method: string, arg: unknown = {}) => callServe<T>(env.serve, method, arg);

/** A zip of a pack folder, the way `handbook pack export` writes one. */
function zipFolder(dir: string): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else zip.addFile(path.join(dir, r), r);
    }
  };
  walk('');
  zip.end();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks)));
  });
}

beforeAll(async () => {
  trainerId = (await call('createProfile', { name: '李老师', roleId: 'customer-service', trainer: true, passphrase: PASS })).id;
  learnerId = (await call('createProfile', { name: '王小明', roleId: 'customer-service' })).id;
});
afterAll(() => { if (contentDir) fs.rmSync(contentDir, { recursive: true, force: true }); });

async function open(profileId: string, locale: string): Promise<{ page: Page; errors: string[] }> {
  await call('updateSettings', { currentProfileId: profileId, language: locale });
  const { page, errors } = await newPage(env.browser, locale);
  await page.setViewportSize({ width: 1280, height: 820 });
  await page.goto(env.serve.url);
  await page.locator('h1').first().waitFor();
  return { page, errors };
}

describe('trainer journeys', () => {
  it('forms say what is missing in Chinese, never with the browser’s English bubbles', async () => {
    const { page, errors } = await open(trainerId, 'zh-CN');
    await page.evaluate(() => { location.hash = '#/edit'; });
    await page.getByTestId('edit-unlock').click();
    await expect.poll(() => page.locator('.edit-gate [role=alert]').textContent(), { timeout: 10_000 }).toBe('口令须至少 8 个字符，培训师账号必须设置。');
    await page.getByTestId('profile-button').click();
    await page.getByRole('button', { name: '新建用户' }).click();
    await page.locator('dialog form button[type=submit]').click();
    const msg = page.locator('dialog .form-error');
    await expect.poll(() => msg.textContent(), { timeout: 10_000 }).toMatch(/[\u4e00-\u9fff]/);
    expect(await msg.textContent()).not.toMatch(/[A-Za-z]{3,}/);
    await page.screenshot({ path: screenshotPath('profile-form-error-zh-CN') });
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
  });

  it('a trainer’s Home is the trainer desk, not a learner’s track with due badges', async () => {
    for (const locale of ['zh-CN', 'en']) {
      const { page, errors } = await open(trainerId, locale);
      await page.getByTestId('trainer-desk').waitFor();
      expect(await page.getByTestId('my-track').count()).toBe(0);
      expect(await page.locator('.badge-soon, .badge-overdue').count()).toBe(0);
      await page.screenshot({ path: screenshotPath(`home-trainer-${locale}`) });
      expect(errors).toEqual([]);
    }
    // The learner still gets their track.
    const { page } = await open(learnerId, 'zh-CN');
    await page.getByTestId('my-track').waitFor();
  });

  it('role cards say 协作岗位： with a full-width colon in Chinese, Works with: in English', async () => {
    const { page } = await open(learnerId, 'zh-CN');
    await page.evaluate(() => { location.hash = '#/roles'; });
    await expect.poll(() => page.locator('.role-card').first().textContent()).toContain('协作岗位：');
    expect(await page.locator('.team-map').textContent()).not.toContain('协作岗位:');
    await page.screenshot({ path: screenshotPath('roles-zh-CN') });
    const en = await open(learnerId, 'en');
    await en.page.evaluate(() => { location.hash = '#/roles'; });
    await expect.poll(() => en.page.locator('.role-card').first().textContent()).toContain('Works with: ');
    await en.page.screenshot({ path: screenshotPath('roles-en') });
  });

  it('quiz answers survive a reload and Back; the source link shows the heading; English shows title_en', async () => {
    const { page, errors } = await open(learnerId, 'zh-CN');
    await page.evaluate(() => { location.hash = '#/quiz/customer-service/quiz-basics'; });
    const q1 = page.getByTestId('question-q1');
    await q1.getByLabel('先核实物流与商品情况').check();
    await page.getByTestId('question-q3').getByLabel('这款绝对不会坏').check();
    await page.reload();
    await expect.poll(() => q1.getByLabel('先核实物流与商品情况').isChecked()).toBe(true);
    expect(await page.getByTestId('question-q3').getByLabel('这款绝对不会坏').isChecked()).toBe(true);
    await page.getByRole('link', { name: /返回/ }).first().click();
    await page.waitForFunction(() => location.hash === '#/onboarding');
    await page.goBack();
    await expect.poll(() => q1.getByLabel('先核实物流与商品情况').isChecked()).toBe(true);
    await page.getByTestId('submit-quiz').click();
    await expect.poll(() => q1.locator('.question-result').textContent()).toContain('§ 2. 处理步骤');
    expect(await q1.locator('.question-result').textContent()).not.toContain('2-处理步骤');
    await page.screenshot({ path: screenshotPath('quiz-result-zh-CN'), fullPage: true });
    // Submitted: the kept answers are gone, a new attempt starts empty.
    await page.reload();
    await expect.poll(() => q1.getByLabel('先核实物流与商品情况').isVisible(), { timeout: 10_000 }).toBe(true); // a reload on a loaded machine takes more than the default 1 s
    expect(await q1.getByLabel('先核实物流与商品情况').isChecked()).toBe(false);
    expect(errors).toEqual([]);

    const en = await open(learnerId, 'en');
    await en.page.evaluate(() => { location.hash = '#/quiz/customer-service/quiz-basics'; });
    await expect.poll(() => en.page.locator('h1').textContent()).toBe('Customer service basics');
    // The track names the quiz step in English too, where the step has no title of its own.
    await en.page.evaluate(() => { location.hash = '#/onboarding'; });
    await expect.poll(() => en.page.getByTestId('step-quiz-basics').first().textContent(), { timeout: 10_000 }).toContain('Customer service basics');
    await en.page.getByTestId('step-quiz-basics').first().scrollIntoViewIfNeeded();
    await en.page.screenshot({ path: screenshotPath('onboarding-quiz-step-en') });
  });

  it('a pack import that adds an article shows it in the list at once; a bad zip is refused in Chinese', async () => {
    const { page, errors } = await open(trainerId, 'zh-CN');
    const editor = new EditorPage(page, PASS);
    await editor.open('#/edit');
    await expect.poll(() => page.locator('#articles-title').textContent()).toBe('文章（39）');
    const fileInput = page.locator('.packs-panel input[type=file]');

    await fileInput.setInputFiles({ name: '内容包.zip', mimeType: 'application/zip', buffer: Buffer.from('这不是压缩包') });
    await expect.poll(() => page.locator('.packs-panel [role=alert]').textContent(), { timeout: 10_000 }).toBe('这个文件不是 zip 压缩包。请选择 Handbook 导出的内容包 .zip 文件。');
    await page.locator('.packs-panel').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('pack-import-error-zh-CN') });

    const next = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-e2e-nextpack-'));
    fs.cpSync(contentDir, next, { recursive: true });
    fs.writeFileSync(path.join(next, 'articles/customer-service/gift-wrap.md'), '---\ntitle: 礼品包装服务\nstatus: published\n---\n# 礼品包装服务\n\n顾客备注“礼品”时，不放发票，附手写卡片。\n');
    await fileInput.setInputFiles({ name: 'next.zip', mimeType: 'application/zip', buffer: await zipFolder(next) });
    fs.rmSync(next, { recursive: true, force: true });
    await page.getByTestId('import-preview').waitFor();
    await page.getByTestId('import-preview').getByRole('button', { name: '替换内容包' }).click();
    // Applying swaps the whole folder and re-indexes it: give it time on a busy machine.
    await expect.poll(() => page.locator('#articles-title').textContent(), { timeout: 20_000 }).toBe('文章（40）');
    await expect.poll(() => page.locator('.content-table').textContent()).toContain('礼品包装服务');
    // Nothing of Handbook's own beside the content folder.
    expect(fs.readdirSync(path.dirname(contentDir)).filter((n) => n.startsWith('.' + path.basename(contentDir)))).toEqual([]);
    await page.locator('main').evaluate((m) => m.scrollTo(0, 0));
    await page.screenshot({ path: screenshotPath('content-desk-after-import-zh-CN') });
    // The refused zip shows up as a 400 in the console; nothing else may.
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);

    const en = await open(trainerId, 'en');
    const enEditor = new EditorPage(en.page, PASS);
    await enEditor.open('#/edit');
    await expect.poll(() => en.page.locator('#articles-title').textContent()).toMatch(/40/);
    await en.page.screenshot({ path: screenshotPath('content-desk-en') });
  });
});
