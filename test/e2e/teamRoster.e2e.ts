import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations as audit } from './support/axe';
import { launchBrowser, screenshotPath } from './support/browser';
import { startServe, type ServeHandle } from './support/server';
import { callServe } from './support/api.js';

/**
 * A person at a new PC of the team picks themselves from the team's roster (by keyboard) instead
 * of making a second profile. The roster file is another PC's, as a team sync writes it.
 */
let serve: ServeHandle;
let browser: Browser;
let dataDir: string;
const people = [
  { id: '2f1c7c1e-0b0a-4c3e-9a51-5d7b3f0e0a01', name: '陈小雨', roleId: 'customer-service', startDate: '2026-11-20', trainer: false, createdAt: '2026-11-20T01:00:00.000Z' },
  { id: '2f1c7c1e-0b0a-4c3e-9a51-5d7b3f0e0a02', name: 'Anna Li', roleId: 'customer-service', startDate: '2026-11-24', trainer: false, createdAt: '2026-11-24T01:00:00.000Z' },
  { id: '2f1c7c1e-0b0a-4c3e-9a51-5d7b3f0e0a03', name: '王培训', roleId: 'customer-service', startDate: '2026-01-05', trainer: true, createdAt: '2026-01-05T01:00:00.000Z' },
  { id: '2f1c7c1e-0b0a-4c3e-9a51-5d7b3f0e0a04', name: '周小琳', roleId: 'customer-service', startDate: '2026-11-28', trainer: false, createdAt: '2026-11-28T01:00:00.000Z' },
];

const call = <T>(method: string, arg: unknown = {}) => callServe<T>(serve, method, arg);

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-e2e-roster-'));
  fs.mkdirSync(path.join(dataDir, 'roster'), { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'roster', 'f00dfeed-0000-4000-8000-000000000001.json'), JSON.stringify({ deviceId: 'f00dfeed-0000-4000-8000-000000000001', deviceName: 'CS-PC-02', profiles: people }));
  // 周小琳 (a learner of the team, not on this PC) did a step on CS-PC-02; that PC last synced at a known time.
  const otherPc = 'f00dfeed-0000-4000-8000-000000000001';
  fs.mkdirSync(path.join(dataDir, 'records', people[3].id), { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'records', people[3].id, `${otherPc}.json`), JSON.stringify({
    profileId: people[3].id, deviceId: otherPc,
    completions: [{ profileId: people[3].id, trackId: 'customer-service', stepId: 'task-accounts', completedAt: '2026-12-01T02:00:00.000Z' }],
  }));
  fs.mkdirSync(path.join(dataDir, 'team'), { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'team', 'devices.json'), JSON.stringify({ head: null, times: { [otherPc]: '2026-12-01T02:32:00.000Z' } }));
  serve = await startServe({ dataDir });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await serve?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('team roster in the profile picker', () => {
  for (const [locale, person] of [['zh-CN', people[0]], ['en', people[1]]] as const) {
    it(`picks yourself from the team by keyboard, with a PIN for this PC — ${locale}`, async () => {
      await call('updateSettings', { language: locale, theme: 'light', currentProfileId: null });
      const context = await browser.newContext({ locale, bypassCSP: true, viewport: { width: 1100, height: 1000 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(serve.url);
      await page.locator('main h1').first().waitFor();
      const dialog = page.locator('dialog[aria-labelledby=profile-dialog-title]');
      if (!(await dialog.isVisible())) await page.getByTestId('profile-button').click();
      const roster = dialog.getByTestId('team-roster');
      await roster.waitFor();
      expect(await roster.innerText()).toContain('CS-PC-02');
      const choice = roster.getByRole('button', { name: new RegExp(person.name) });
      await choice.focus();
      await page.keyboard.press('Enter');
      const form = roster.getByTestId('adopt-form');
      await form.locator('input[name=pin]').waitFor();
      await page.keyboard.type('4321');
      expect(await audit(page)).toEqual([]);
      await dialog.screenshot({ path: screenshotPath(`team-roster-${locale}`) });
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'hidden' });
      // The adopted profile has a PIN on this PC: the app asks it, as for any profile with one.
      await page.getByTestId('profile-pin').waitFor();
      await page.keyboard.type('4321');
      await page.keyboard.press('Enter');
      await page.getByTestId('profile-pin').waitFor({ state: 'hidden' });
      await expect(page.getByTestId('profile-button').innerText()).resolves.toContain(person.name);
      const profiles = await call<{ id: string; hasPin: boolean }[]>('listProfiles', {});
      expect(profiles.find((p) => p.id === person.id)).toMatchObject({ hasPin: true });
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  for (const locale of ['zh-CN', 'en'] as const) {
    it(`the trainer's dashboard shows the team's learners of other PCs and when each PC last synced — ${locale}`, async () => {
      const profiles = await call<{ id: string; name: string }[]>('listProfiles', {});
      let tid = profiles.find((p) => p.name === '赵主管')?.id;
      if (!tid) tid = (await call<{ id: string }>('createProfile', { name: '赵主管', roleId: 'customer-service', trainer: true, passphrase: 'dashboard pass 99' })).id;
      await call('updateSettings', { language: locale, theme: 'light', currentProfileId: tid });
      const context = await browser.newContext({ locale, bypassCSP: true, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(serve.origin + '/?token=' + serve.token + '#/trainer');
      await page.getByTestId('unlock-secret').fill('dashboard pass 99');
      await page.getByTestId('unlock-secret').press('Enter');
      const row = page.getByTestId('row-周小琳');
      await row.waitFor();
      const devices = row.getByTestId('row-devices');
      expect(await devices.innerText()).toMatch(locale === 'zh-CN' ? /CS-PC-02：上次同步/ : /CS-PC-02: last synced/);
      expect(await audit(page)).toEqual([]);
      await page.getByTestId('dashboard').screenshot({ path: screenshotPath(`team-dashboard-${locale}`) });
      await context.close();
    });
  }
});
