import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { axeViolations } from './support/axe';
import { newPage, screenshotPath } from './support/browser';
import { EditorPage } from './support/editorPage';
import type { ServeHandle } from './support/server';
import { useServeAndBrowser } from './support/session';
import { callFromPage } from './support/api.js';

/**
 * The question bank in Chromium, against the real server: the bundled 7-question 客服 quiz set to
 * draw 4 per attempt, shuffle options and show only which answers were wrong. A learner fails it,
 * opens the 错题本, practises by keyboard until it is empty, and passes a new draw; in zh-CN and
 * English, axe-clean. The trainer's quiz editor shows the bank settings.
 */
const TRACK = 'customer-service';
const STEP = 'quiz-basics';
const QUIZ = 'customer-service-basics';
const PASS = 'trainer passphrase 1357';

const contentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-e2e-bank-'));
fs.cpSync(path.resolve('content'), contentDir, { recursive: true });
const quizFile = path.join(contentDir, 'quizzes', `${QUIZ}.yaml`);
fs.writeFileSync(quizFile, fs.readFileSync(quizFile, 'utf8').replace('passMark: 80\n', 'passMark: 80\ndraw: 4\nshuffle_options: true\nreveal_on_fail: wrong\n'));

let serve: ServeHandle;
let browser: Browser;
const env = useServeAndBrowser({ contentDir });
beforeAll(() => {
  ({ serve, browser } = env);
});

const call = callFromPage;

interface FileQuestion { id: string; type: string; options?: string[]; answer: number | number[] | boolean }
const fileQuestions = (): FileQuestion[] => parse(fs.readFileSync(quizFile, 'utf8')).questions;

/** The labels to choose for the right answer, as the page shows them (by text: the order is shuffled). */
function rightLabels(q: FileQuestion, tf: [string, string]): string[] {
  if (q.type === 'truefalse') return [q.answer ? tf[0] : tf[1]];
  const idx = Array.isArray(q.answer) ? q.answer : [q.answer as number];
  return idx.map((i) => String(q.options![i]));
}

/** Chooses answers by keyboard: focus the option, Space. */
async function answerRight(page: Page, scope: string, q: FileQuestion, tf: [string, string]) {
  for (const label of rightLabels(q, tf)) {
    await page.locator(scope).getByLabel(label, { exact: true }).focus();
    await page.keyboard.press('Space');
  }
}

async function drawnIds(page: Page): Promise<string[]> {
  await page.locator('fieldset.question').first().waitFor();
  return page.locator('fieldset.question').evaluateAll((els) => els.map((e) => (e.getAttribute('data-testid') ?? '').replace(/^question-/, '')));
}

describe('question bank and 错题本 in Chromium', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`${locale}: a learner fails a drawn quiz, practises the 错题本 until it is empty, then passes`, async () => {
      const zh = locale === 'zh-CN';
      const tf: [string, string] = zh ? ['正确', '错误'] : ['True', 'False'];
      const { page, errors } = await newPage(browser, locale, { bypassCSP: true });
      await page.goto(serve.url);
      const learner = await call<{ id: string }>(page, 'createProfile', { name: zh ? '王小明' : 'Sam', roleId: TRACK });
      await call(page, 'updateSettings', { currentProfileId: learner.id, language: locale, theme: 'light' });
      await page.goto(`${serve.origin}/#/quiz/${TRACK}/${STEP}`);
      await page.reload();

      // 4 of the 7, the same draw after a reload (the core fixed it).
      const first = await drawnIds(page);
      expect(first).toHaveLength(4);
      expect(await page.getByTestId('quiz-drawn').textContent()).toContain('7');
      await page.reload();
      expect(await drawnIds(page)).toEqual(first);

      // Fail: answer nothing. Only which were wrong is shown: no right option marked, no explanation.
      await page.getByTestId('submit-quiz').click();
      await page.getByTestId('quiz-result').waitFor();
      expect(await page.getByTestId('quiz-result').textContent()).toContain(zh ? '错题本' : '错题本');
      expect(await page.locator('.option-right').count()).toBe(0);
      expect(await page.locator('fieldset.question-wrong').count()).toBe(4);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: screenshotPath(`quizbank-failed-${locale}`), fullPage: false });

      // The 错题本: the four questions, each with the section to reread.
      await page.getByTestId('open-mistakes').click();
      await page.getByTestId('start-practice').waitFor();
      for (const id of first) await page.getByTestId(`mistake-${id}`).waitFor();
      expect(await page.locator('.mistake a[href*="section="]').count()).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: screenshotPath(`quizbank-mistakes-${locale}`), fullPage: true });

      // Practice by keyboard: Enter starts, options with Space, Enter checks, focus lands on "next".
      await page.getByTestId('start-practice').focus();
      await page.keyboard.press('Enter');
      const questions = fileQuestions();
      for (let i = 0; i < first.length; i++) {
        const fieldset = page.locator('[data-testid=practice] fieldset.question');
        await fieldset.waitFor();
        const id = (await fieldset.getAttribute('data-testid'))!.replace(/^question-/, '');
        await answerRight(page, '[data-testid=practice]', questions.find((q) => q.id === id)!, tf);
        await page.getByTestId('check-practice').focus();
        await page.keyboard.press('Enter');
        await page.locator('[data-testid=practice] fieldset.question-right').waitFor();
        if (i === 0) {
          expect(await axeViolations(page)).toEqual([]);
          await page.screenshot({ path: screenshotPath(`quizbank-practice-${locale}`), fullPage: false });
        }
        await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('next-practice');
        await page.keyboard.press('Enter');
      }
      await page.getByTestId('practice-done').waitFor();
      expect(await page.getByTestId('practice-done').textContent()).toContain(zh ? '错题本已清空' : 'Your 错题本 is empty');
      await page.getByTestId('practice-back').click();
      await page.getByTestId('mistakes-empty').waitFor();

      // Practice was no attempt: the next attempt is number 2, a new draw; answered right, it passes.
      await page.goto(`${serve.origin}/#/quiz/${TRACK}/${STEP}`);
      const second = await drawnIds(page);
      for (const id of second) await answerRight(page, `[data-testid=question-${id}]`, questions.find((q) => q.id === id)!, tf);
      await page.getByTestId('submit-quiz').click();
      await expect.poll(() => page.getByTestId('quiz-result').textContent()).toContain(zh ? '通过！' : 'Passed');
      expect(await page.getByTestId('quiz-result').textContent()).toMatch(zh ? /第 2 次/ : /Attempt 2/);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }

  it('the trainer sets the bank in the quiz editor (zh-CN and English)', async () => {
    const { page, errors } = await newPage(browser, 'zh-CN', { bypassCSP: true });
    await page.goto(serve.url);
    const trainer = await call<{ id: string }>(page, 'createProfile', { name: '李老师', roleId: TRACK, trainer: true, passphrase: PASS })
      .catch(async () => (await call<Array<{ id: string; trainer: boolean }>>(page, 'listProfiles', {})).find((p) => p.trainer)!);
    for (const locale of ['zh-CN', 'en'] as const) {
      await call(page, 'updateSettings', { currentProfileId: trainer.id, language: locale, theme: 'light' });
      await page.goto(`${serve.origin}/#/`);
      await page.reload();
      const editor = new EditorPage(page, PASS);
      await editor.open(`#/edit/quiz:${QUIZ}`);
      const settings = page.getByTestId('quiz-bank-settings');
      await settings.waitFor();
      expect(await page.getByTestId('quiz-draw').inputValue()).toBe('4');
      expect(await page.getByTestId('quiz-reveal').inputValue()).toBe('wrong');
      expect(await page.getByTestId('quiz-shuffle').isChecked()).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await settings.scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`quizbank-editor-${locale}`), fullPage: false });
    }
    // Changing it by keyboard and saving writes the file.
    await page.getByTestId('quiz-reveal').focus();
    await page.getByTestId('quiz-reveal').selectOption('none');
    await page.getByTestId('save-quiz').click();
    await expect.poll(() => fs.readFileSync(quizFile, 'utf8')).toContain('reveal_on_fail: none');
    // The save recorded each question's source section; a change to q1's section lists it on the
    // health page, with a link to the quiz editor and one to the section.
    const article = path.join(contentDir, 'articles/customer-service/returns-refunds.md');
    fs.writeFileSync(article, fs.readFileSync(article, 'utf8').replace('## 2. 处理步骤\n', '## 2. 处理步骤\n\n已签收的仅退款：先请顾客上传照片。\n'));
    const q1 = fileQuestions().find((q) => q.id === 'q1') as FileQuestion & { prompt: string };
    for (const locale of ['zh-CN', 'en'] as const) {
      await call(page, 'updateSettings', { language: locale });
      await page.reload();
      await page.evaluate(() => { location.hash = '#/health'; });
      const stale = page.getByTestId('health-stale');
      const secret = page.getByTestId('unlock-secret');
      await Promise.race([secret.waitFor(), stale.waitFor()]);
      if (await secret.isVisible()) {
        await secret.fill(PASS);
        await page.getByTestId('edit-unlock').click();
      }
      await expect.poll(async () => {
        await page.getByRole('button', { name: locale === 'en' ? 'Check again' : '重新检查' }).click().catch(() => {});
        return (await stale.textContent().catch(() => '')) ?? '';
      }, { timeout: 30_000 }).toContain(q1.prompt);
      const item = stale.locator('li', { hasText: q1.prompt });
      expect(await item.locator(`a[href="#/edit/quiz:${QUIZ}"]`).count()).toBe(1);
      expect(await item.locator('a[href*="section="]').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await stale.scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`quizbank-health-${locale}`), fullPage: false });
    }
    expect(errors).toEqual([]);
  });
});
