import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { launchBrowser, newPage, screenshotPath } from './support/browser';
import { startServe, type ServeHandle } from './support/server';

let serve: ServeHandle;
let browser: Browser;
let contentDir: string;
const PASS = 'acknowledge passphrase 1357';
const ARTICLE = 'customer-service/returns-refunds';
const SOP = 'warehouse/stock-count';
let trainerId = '';
let learnerId = '';

async function call<T = any>(method: string, arg: unknown = {}): Promise<T> {
  const res = await fetch(`${serve.origin}/api/${method}`, { method: 'POST', headers: { Authorization: `Bearer ${serve.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(arg) });
  const env = await res.json();
  if (!env.ok) throw new Error(`${method}: ${env.error.message}`);
  return env.data as T;
}
const learnerAcks = async () => call('listMyAcknowledgements', { token: (await call('openProfileSession', { profileId: learnerId })).token, profileId: learnerId });

async function open(as: string, lang: 'zh-CN' | 'en', hash = ''): Promise<{ page: Page; errors: string[] }> {
  await call('updateSettings', { currentProfileId: as, language: lang });
  const p = await newPage(browser, lang, { bypassCSP: true });
  await p.page.goto(serve.url + hash);
  await p.page.locator('h1').first().waitFor();
  return p;
}
async function unlock(page: Page) {
  await page.getByTestId('unlock-secret').fill(PASS);
  await page.getByTestId('edit-unlock').click();
}

beforeAll(async () => {
  contentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-e2e-ack-'));
  fs.cpSync(path.resolve('content'), contentDir, { recursive: true });
  // An SOP the trainer owns, long past its review.
  const sop = path.join(contentDir, 'articles', SOP + '.md');
  fs.writeFileSync(sop, fs.readFileSync(sop, 'utf8').replace(/^owner: .*$/m, 'owner: 李老师').replace(/^reviewed: .*$/m, 'reviewed: 2024-01-02'));
  serve = await startServe({ contentDir });
  browser = await launchBrowser();
  trainerId = (await call('createProfile', { name: '李老师', roleId: 'customer-service', trainer: true, passphrase: PASS, startDate: '2025-01-01' })).id;
  learnerId = (await call('createProfile', { name: '王小明', roleId: 'customer-service', startDate: '2025-01-01' })).id;
  await call('createProfile', { name: '陈静', roleId: 'customer-service', startDate: '2025-01-01' });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await serve?.stop();
  if (contentDir) fs.rmSync(contentDir, { recursive: true, force: true });
});

describe('阅读确认 and verified SOPs in Chromium', () => {
  it('a trainer marks a policy, a learner confirms it, a typo fix keeps it and a material change re-queues it', async () => {
    // The trainer marks the article in the editor: everyone, with a due date.
    const t = await open(trainerId, 'zh-CN', `#/edit/${ARTICLE}`);
    await unlock(t.page);
    await t.page.locator('.fm-panel > summary').click();
    await t.page.getByTestId('ack-on').check();
    await t.page.getByTestId('ack-due').fill('2099-12-31');
    await t.page.getByTestId('save-article').click();
    await expect.poll(() => t.page.getByTestId('save-status').textContent(), { timeout: 15_000 }).toMatch(/已于 .* 保存/);
    await expect.poll(() => fs.readFileSync(path.join(contentDir, 'articles', ARTICLE + '.md'), 'utf8')).toContain('acknowledge:\n  roles: all\n  due: 2099-12-31\n  version: 1\n');
    await t.page.getByTestId('ack-policy').screenshot({ path: screenshotPath('ack-editor-zh') });
    expect(t.errors).toEqual([]);

    // The learner sees it on Home, reads it and confirms.
    const l = await open(learnerId, 'zh-CN');
    const card = l.page.getByTestId('pending-acks');
    await expect.poll(() => card.textContent(), { timeout: 10_000 }).toContain('截止 2099-12-31');
    expect(await axeViolations(l.page)).toEqual([]);
    await l.page.screenshot({ path: screenshotPath('ack-home-zh') });
    await card.locator('a').first().click();
    await l.page.getByTestId('ack-confirm').click();
    await expect.poll(() => l.page.getByTestId('ack-bar').textContent()).toMatch(/你已于 .* 确认第 1 版/);
    expect((await learnerAcks()).pending).toEqual([]);

    // A typo fix (no material box): still confirmed.
    const tok = (await call('openEditSession', { profileId: trainerId, passphrase: PASS })).token;
    const src = await call('getArticleSource', { token: tok, id: ARTICLE });
    await call('saveArticle', { token: tok, id: ARTICLE, baseHash: src.hash, fields: {}, body: src.body.replace('。', '．') });
    expect((await learnerAcks()).pending).toEqual([]);

    // A material change in the editor: everyone confirms again.
    // The shared PC's selected profile was the learner's meanwhile: back to the trainer's.
    await call('updateSettings', { currentProfileId: trainerId, language: 'zh-CN' });
    await t.page.reload();
    await t.page.locator('h1').first().waitFor();
    await unlock(t.page);
    await t.page.getByTestId('ack-material').check();
    await t.page.getByTestId('save-article').click();
    await expect.poll(async () => (await learnerAcks()).pending.map((p: any) => [p.articleId, p.version, p.confirmedVersion]), { timeout: 15_000 }).toEqual([[ARTICLE, 2, 1]]);

    // The learner's Home says so.
    await call('updateSettings', { currentProfileId: learnerId });
    await l.page.goto(serve.url);
    await expect.poll(() => l.page.getByTestId('pending-acks').textContent(), { timeout: 10_000 }).toContain('你确认第 1 版后有重大修改');
    expect(l.errors).toEqual([]);

    // The dashboard: who confirmed which version, the reminder for the chat, the CSV; in English too.
    await t.page.evaluate(() => { location.hash = '#/trainer'; });
    const report = t.page.getByTestId('ack-report');
    await expect.poll(() => report.textContent(), { timeout: 10_000 }).toContain('仅确认过第 1 版');
    expect(await t.page.getByTestId('ack-reminder').inputValue()).toMatch(/【阅读确认提醒】[\s\S]*（第 2 版，截止 2099-12-31）：李老师、王小明、陈静/);
    const download = t.page.waitForEvent('download');
    await t.page.getByTestId('ack-csv').click();
    const csv = fs.readFileSync(await (await download).path(), 'utf8');
    expect(csv).toContain('王小明,customer-service,旧版已确认,1,');
    expect(await axeViolations(t.page)).toEqual([]);
    await report.screenshot({ path: screenshotPath('ack-dashboard-zh') });
    expect(t.errors).toEqual([]);

    const en = await open(trainerId, 'en', '#/trainer');
    await unlock(en.page);
    await expect.poll(() => en.page.getByTestId('ack-report').textContent(), { timeout: 10_000 }).toContain('Only version 1');
    await en.page.getByTestId('ack-report').screenshot({ path: screenshotPath('ack-dashboard-en') });
    const len = await open(learnerId, 'en');
    await expect.poll(() => len.page.getByTestId('pending-acks').textContent(), { timeout: 10_000 }).toContain('changed since you confirmed version 1');
    await len.page.screenshot({ path: screenshotPath('ack-home-en') });
    await len.page.getByTestId('pending-acks').locator('a').first().click();
    await len.page.getByTestId('ack-bar').screenshot({ path: screenshotPath('ack-bar-en') });
    expect(await axeViolations(len.page)).toEqual([]);
    expect([...en.errors, ...len.errors]).toEqual([]);
  }, 180_000);

  it('an owner finds an overdue SOP in their review queue and verifies it: the next review moves, the text does not', async () => {
    const before = fs.readFileSync(path.join(contentDir, 'articles', SOP + '.md'));
    const t = await open(trainerId, 'zh-CN', '#/trainer');
    await unlock(t.page);
    const queue = t.page.getByTestId('review-queue');
    await expect.poll(() => queue.textContent(), { timeout: 10_000 }).toContain('已于');
    await queue.screenshot({ path: screenshotPath('review-queue-zh') });
    await queue.getByRole('link').first().click();
    await t.page.getByTestId('still-valid').waitFor();
    expect(await t.page.locator('.notice-warning').count()).toBeGreaterThan(0);
    await t.page.getByTestId('still-valid').click();
    await expect.poll(() => t.page.getByTestId('verified-by').textContent(), { timeout: 10_000 }).toMatch(/李老师 于 \d{4}-\d{2}-\d{2} 确认仍然有效/);
    await expect.poll(() => t.page.locator('.article-header .notice-warning').count()).toBe(0);
    await t.page.locator('.article-header').screenshot({ path: screenshotPath('review-verified-zh') });
    expect(fs.readFileSync(path.join(contentDir, 'articles', SOP + '.md')).equals(before)).toBe(true);

    // The library filters: it left "overdue" and is among the verified.
    await t.page.evaluate(() => { location.hash = '#/library?review=overdue'; });
    await t.page.getByTestId('review-filter').waitFor();
    await expect.poll(() => t.page.locator('.article-cards').textContent()).not.toContain('盘点');
    await t.page.getByTestId('review-filter').selectOption('verified');
    const title = (await call('getArticle', { id: SOP })).title;
    await expect.poll(() => t.page.locator('.article-cards').textContent()).toContain(title);
    expect(await axeViolations(t.page)).toEqual([]);
    expect(t.errors).toEqual([]);

    const en = await open(trainerId, 'en', '#/trainer');
    await unlock(en.page);
    await en.page.getByTestId('review-queue').getByText('All').click();
    await en.page.getByTestId('review-queue').screenshot({ path: screenshotPath('review-queue-en') });
    await en.page.evaluate((id) => { location.hash = '#/article/' + id; }, SOP);
    await expect.poll(() => en.page.getByTestId('verified-by').textContent(), { timeout: 10_000 }).toMatch(/Verified still valid by 李老师/);
    await en.page.locator('.article-header').screenshot({ path: screenshotPath('review-verified-en') });
    expect(en.errors).toEqual([]);
  }, 180_000);
});
