import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Progress, Track } from '../../electron/contract';
import { newPage } from './support/browser';
import type { ServeHandle } from './support/server';
import { useServeAndBrowser } from './support/session';

/**
 * The whole onboarding flow with the keyboard alone — no mouse, no API calls to do the work:
 * create a profile, open the track, read an article and confirm it, tick a task, pass a quiz,
 * ask for sign-off. Every element the keyboard lands on must show its focus.
 */
let serve: ServeHandle;
let browser: Browser;
const TRACK = 'customer-service';

const env = useServeAndBrowser();
beforeAll(() => {
  ({ serve, browser } = env);
});

interface Focused { selector: string; text: string; testid: string | null; name: string | null; visible: boolean }

async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { selector: 'body', text: '', testid: null, name: null, visible: true };
    const cs = getComputedStyle(el);
    const visible = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== 'none';
    return {
      selector: el.tagName.toLowerCase() + (el.getAttribute('type') ? `[type=${el.getAttribute('type')}]` : ''),
      text: (el.textContent ?? '').trim().slice(0, 80),
      testid: el.getAttribute('data-testid') ?? el.closest('[data-testid]')?.getAttribute('data-testid') ?? null,
      name: el.getAttribute('name'),
      visible,
    };
  });
}

/** Presses Tab until the focused element passes the test; every stop on the way must show focus. */
async function tabTo(page: Page, test: (f: Focused) => boolean, what: string, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f.selector !== 'body') expect(f.visible, `focus not visible on ${f.selector} "${f.text}"`).toBe(true);
    if (test(f)) return;
  }
  throw new Error(`could not reach ${what} with Tab`);
}

describe('onboarding by keyboard alone', () => {
  it('a new 客服 hire gets through day 1 without touching the mouse', async () => {
    const { page, errors } = await newPage(browser, 'en');
    await page.goto(serve.url);
    await page.locator('main h1').first().waitFor();

    // Create the profile.
    await tabTo(page, (f) => f.testid === 'profile-button', 'the profile button');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Keyboard Kim');
    await page.keyboard.press('Tab');
    await page.locator(`select[name="role"] option[value="${TRACK}"]`).waitFor({ state: 'attached' });
    for (let i = 0; i < 10 && (await page.locator('select[name="role"]').inputValue()) !== TRACK; i++) await page.keyboard.press('ArrowDown');
    expect(await page.locator('select[name="role"]').inputValue()).toBe(TRACK);
    await tabTo(page, (f) => f.text === 'Create profile', 'the create button');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('main h1').first().textContent()).toBe('Welcome, Keyboard Kim');

    const track = await page.evaluate(async () => (await fetch('api/listTracks', { method: 'POST', body: '{}' })).json()).then((e) => (e.data as Track[]).find((t) => t.id === 'customer-service')!);
    const day1 = track.phases[0];
    const read = day1.steps.find((s) => s.type === 'read')!;
    const task = day1.steps.find((s) => s.type === 'task')!;
    const quizStep = day1.steps.find((s) => s.type === 'quiz')!;
    const signoff = day1.steps.find((s) => s.type === 'signoff')!;

    // Open the track, then the first article, and confirm it was read.
    await tabTo(page, (f) => f.selector === 'a' && f.text === 'Onboarding', 'the Onboarding link');
    await page.keyboard.press('Enter');
    await page.getByTestId(`step-${read.id}`).waitFor();
    await tabTo(page, (f) => f.selector === 'a' && f.testid === `step-${read.id}`, 'the first reading');
    await page.keyboard.press('Enter');
    await page.getByTestId('mark-read').waitFor();
    await tabTo(page, (f) => f.testid === 'mark-read', '"I have read this"');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('read-step-bar').getAttribute('class')).toContain('read-step-done');
    await page.keyboard.press('Alt+ArrowLeft');
    await page.getByTestId(`step-${task.id}`).waitFor();

    // Tick the task.
    await tabTo(page, (f) => f.selector === 'input[type=checkbox]' && f.testid === `step-${task.id}`, 'the task checkbox');
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId(`step-${task.id}`).locator('input').isChecked()).toBe(true);

    // Take the quiz, answering from the quiz file (the app never reveals answers before a pass).
    await tabTo(page, (f) => f.testid === `step-${quizStep.id}` && f.text.includes('Take the quiz'), 'the quiz');
    await page.keyboard.press('Enter');
    await page.getByTestId('submit-quiz').waitFor();
    const quiz = parse(fs.readFileSync(path.join(serve.contentDir, 'quizzes', `${quizStep.quizId}.yaml`), 'utf8'));
    for (const q of quiz.questions) {
      const name = `q-${q.id}`;
      if (q.type === 'multiple') {
        const boxes = (q.options as unknown[]).length;
        for (let i = 0; i < boxes; i++) {
          await tabTo(page, (f) => f.name === name, `option ${i + 1} of ${q.id}`, 3);
          if ((q.answer as number[]).includes(i)) await page.keyboard.press('Space');
        }
      } else {
        await tabTo(page, (f) => f.name === name, `question ${q.id}`);
        const index = q.type === 'truefalse' ? (q.answer ? 0 : 1) : (q.answer as number);
        if (index === 0) await page.keyboard.press('Space');
        for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
      }
    }
    await tabTo(page, (f) => f.testid === 'submit-quiz', 'the submit button');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('main').textContent()).toMatch(/pass/i);

    // Back on the track, ask for the sign-off.
    await page.keyboard.press('Alt+ArrowLeft');
    await page.getByTestId(`step-${signoff.id}`).waitFor();
    await tabTo(page, (f) => f.testid === `step-${signoff.id}` && f.text === 'Request sign-off', 'Request sign-off');
    await page.keyboard.press('Enter');

    const settings = await page.evaluate(async () => (await fetch('api/getSettings', { method: 'POST', body: '{}' })).json());
    // Progress is private to the learner: read it with the learner's own session token (no PIN was set).
    const progress = await page.evaluate(async (profileId) => {
      const post = async (method: string, body: unknown) => (await fetch(`api/${method}`, { method: 'POST', body: JSON.stringify(body) })).json();
      const session = await post('openProfileSession', { profileId });
      if (!session.ok) throw new Error(`openProfileSession failed: ${JSON.stringify(session)}`);
      return post('getProgress', { token: session.data.token, profileId });
    }, settings.data.currentProfileId as string);
    expect(progress.ok, JSON.stringify(progress)).toBe(true);
    const done = (progress.data as Progress).completed.map((c) => c.stepId);
    expect(done).toEqual(expect.arrayContaining([read.id, task.id, quizStep.id]));
    await expect.poll(() => page.getByTestId(`step-${signoff.id}`).textContent()).toMatch(/request|wait|pending/i);
    expect(errors).toEqual([]);
  });
});
