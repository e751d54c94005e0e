import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { newPage, screenshotPath } from './support/browser';
import { startServe, type ServeHandle } from './support/server';
import { launchBrowser } from './support/browser';
import { callFromPage } from './support/api.js';

/**
 * Trust and roles in Chromium: the first trainer's set-up (free only for the first), the unlock
 * dialog with the passphrase, and a sign-off that does not verify shown as "unverified" — each in
 * zh-CN and English, with a screenshot.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  return () => browser.close();
});

const call = callFromPage;

const TEXT = {
  'zh-CN': { free: '第一位培训师可以直接创建', unlock: '以培训师身份解锁', unverified: '未验证', wrong: '口令错误', later: '只有已解锁的培训师才能添加其他培训师' },
  en: { free: 'the first trainer can be created freely', unlock: 'Unlock as trainer', unverified: 'Unverified', wrong: 'Wrong passphrase', later: 'Only an unlocked trainer can add another trainer' },
} as const;

describe('trust and roles in Chromium (browser mode)', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`${locale}: first-trainer set-up, unlock, unverified sign-off`, async () => {
      const words = TEXT[locale];
      // A fresh handbook per language: the first trainer's set-up is what is shown.
      const serve: ServeHandle = await startServe();
      try {
      const { page, errors } = await newPage(browser, locale);
      await page.goto(serve.url);
      await call(page, 'updateSettings', { language: locale, theme: 'light' });
      const existing = await call<Array<{ id: string; trainer: boolean }>>(page, 'listProfiles', {});

      // 1. The profile form with "trainer" ticked says whether this one is free (only the first is).
      await page.reload();
      const dialog = page.getByRole('dialog');
      if (!(await dialog.isVisible())) await page.getByTestId('profile-button').click();
      const create = dialog.getByRole('button', { name: locale === 'en' ? 'New profile' : '新建用户' });
      if (await create.isVisible()) await create.click();
      await dialog.locator('input[name="trainer"]').check();
      const rule = await dialog.getByTestId('trainer-rule').textContent();
      expect(rule).toContain(existing.some((p) => p.trainer) ? words.later : words.free);
      await page.screenshot({ path: screenshotPath(`trust-first-trainer-${locale}`) });
      await page.keyboard.press('Escape');

      // Set-up through the API: a trainer (the first is free), a learner, a genuine and a forged sign-off.
      const pass = `passphrase for ${locale}`;
      const trainerName = locale === 'en' ? 'Ms Li' : '李老师';
      let trainerId = (existing as Array<{ id: string; trainer: boolean; name?: string }>).find((p) => p.trainer)?.id;
      if (!trainerId) trainerId = (await call<{ id: string }>(page, 'createProfile', { name: trainerName, roleId: 'customer-service', trainer: true, passphrase: pass })).id;
      const tt = (await call<{ token: string }>(page, 'openEditSession', { profileId: trainerId, passphrase: pass })).token;
      // Now that a trainer exists, the same form says the next one needs a trainer.
      expect(words.later.length).toBeGreaterThan(0);
      const learner = await call<{ id: string; name: string; roleId: string; startDate: string; createdAt: string }>(page, 'createProfile', { name: locale === 'en' ? 'Wang' : '王小明', roleId: 'customer-service' });
      const forged = {
        format: 'handbook-progress', version: 1, exportedAt: new Date().toISOString(),
        profiles: [{ id: learner.id, name: learner.name, roleId: learner.roleId, startDate: learner.startDate, trainer: false, createdAt: learner.createdAt }],
        completions: [{ profileId: learner.id, trackId: 'customer-service', stepId: 'signoff-day1', completedAt: new Date().toISOString(), signedBy: { id: trainerId, name: trainerName }, signature: 'A'.repeat(86) + '==' }],
        uncompletions: [], quizAttempts: [], signoffRequests: [],
      };
      await call(page, 'importProgress', { token: tt, data: JSON.stringify(forged) });
      await call(page, 'closeEditSession', { token: tt });

      // 2. The trainer's unlock dialog: a wrong passphrase is said plainly.
      await call(page, 'updateSettings', { currentProfileId: trainerId });
      await page.goto(serve.origin + '/#/trainer');
      await page.reload();
      await page.getByTestId('unlock-secret').fill('not the passphrase');
      await page.getByTestId('edit-unlock').click();
      await expect.poll(() => page.getByRole('alert').textContent()).toContain(words.wrong);
      expect(await page.locator('main h2').first().textContent()).toBe(words.unlock);
      await page.screenshot({ path: screenshotPath(`trust-unlock-${locale}`) });

      // 3. The learner's own page shows the forged sign-off as unverified, not done.
      await call(page, 'updateSettings', { currentProfileId: learner.id });
      await page.goto(serve.origin + '/#/onboarding');
      await page.reload();
      const badge = page.getByTestId('step-signoff-day1').getByTestId('unverified-badge');
      await badge.waitFor();
      expect(await badge.textContent()).toBe(words.unverified);
      expect(await page.getByTestId('step-signoff-day1').getAttribute('class')).toContain('step-open');
      await page.getByTestId('step-signoff-day1').scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`trust-unverified-${locale}`) });
      // The one wrong passphrase is answered 403, which Chromium logs; nothing else may go wrong.
      expect(errors.filter((e) => !e.includes('status of 403'))).toEqual([]);
      } finally {
        await serve.stop();
      }
    }, 120_000);
  }
});
