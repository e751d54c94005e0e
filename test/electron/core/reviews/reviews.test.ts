import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/index';
import { localToday } from '../../../../electron/core/onboarding/dates';

const PACK = path.resolve('test/fixtures/contract-pack');
const PASS = 'trainer passphrase 1';
const tmp = (p: string) => fs.mkdtempSync(path.join(os.tmpdir(), p));
const open: Core[] = [];
afterEach(async () => { for (const c of open.splice(0)) await c.close(); });

async function start(dataDir = tmp('hb-rev-data-'), contentDir = PACK) {
  const core = await createCore({ contentDir, dataDir });
  open.push(core);
  return core;
}

/** cs/refunds: owner 客服主管, reviewed 2020-01-01 every 90 days: long overdue. cs/presales: no owner, reviewed 2026-11-01 every year. */
async function people(core: Core) {
  const owner = await core.createProfile({ name: '客服主管', roleId: 'customer-service', trainer: true, passphrase: PASS });
  const token = (await core.openEditSession({ profileId: owner.id, passphrase: PASS })).token;
  const other = await core.createProfile({ name: '王老师', roleId: 'customer-service', trainer: true, passphrase: PASS, token });
  const otherToken = (await core.openEditSession({ profileId: other.id, passphrase: PASS })).token;
  const learner = await core.createProfile({ name: '小王', roleId: 'customer-service' });
  const learnerToken = (await core.openProfileSession({ profileId: learner.id })).token;
  return { owner, token, other, otherToken, learner, learnerToken };
}

describe('verified SOPs ("still valid")', () => {
  it('an owner verifies an overdue SOP: signed, recorded, the next review moves and the text is untouched', async () => {
    const dataDir = tmp('hb-rev-data-');
    const core = await start(dataDir);
    const { owner, token, otherToken, learnerToken } = await people(core);
    const file = path.join(PACK, 'articles/cs/refunds.md');
    const text = fs.readFileSync(file);
    const before = await core.getArticle({ id: 'cs/refunds' });
    expect(before.needsReview).toBe(true);

    // The owner's queue: only what the owner field gives them, overdue first.
    const mine = await core.getReviewQueue({ token, scope: 'mine' });
    expect(mine.items.map((i) => [i.articleId, i.overdue, i.mine])).toEqual([['cs/refunds', true, true]]);
    expect((await core.getReviewQueue({ token: otherToken, scope: 'mine' })).items).toEqual([]);
    expect((await core.listArticles({ review: 'overdue' })).articles.map((a) => a.id)).toEqual(['cs/refunds']);

    // A learner cannot say "still valid" (the owner field is only a name; see reviews/handlers.ts).
    await expect(core.verifyArticle({ token: learnerToken, articleId: 'cs/refunds', contentHash: before.hash })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(core.verifyArticle({ token, articleId: 'cs/refunds', contentHash: 'not-this-text' })).rejects.toMatchObject({ code: 'conflict', key: 'reviewChanged' });

    const v = await core.verifyArticle({ token, articleId: 'cs/refunds', contentHash: before.hash });
    const today = localToday();
    expect(v).toMatchObject({ articleId: 'cs/refunds', reviewed: today, needsReview: false, lastVerified: { byId: owner.id, by: '客服主管' } });
    expect(v.reviewDue! > today).toBe(true);
    expect(fs.readFileSync(file).equals(text)).toBe(true);

    const after = await core.getArticle({ id: 'cs/refunds' });
    expect(after).toMatchObject({ reviewed: today, needsReview: false, hash: before.hash });
    expect((await core.listArticles({ review: 'overdue' })).articles).toEqual([]);
    expect((await core.listArticles({ review: 'verified' })).articles.map((a) => a.id).sort()).toEqual(['cs/presales', 'cs/refunds']);
    expect((await core.getReviewQueue({ token, scope: 'mine' })).items).toEqual([]);
    expect((await core.getContentHealth({ token })).overdueReviews).toEqual([]);

    // Kept in the trainer's own records file, with the signature; it survives a restart.
    await core.close();
    open.splice(open.indexOf(core), 1);
    const again = await start(dataDir);
    expect((await again.getArticle({ id: 'cs/refunds' })).needsReview).toBe(false);
  });

  it('a "still valid" whose signature does not check counts for nothing', async () => {
    const dataDir = tmp('hb-rev-data-');
    const core = await start(dataDir);
    const { owner, token } = await people(core);
    await core.verifyArticle({ token, articleId: 'cs/refunds', contentHash: (await core.getArticle({ id: 'cs/refunds' })).hash });
    await core.close();
    open.splice(open.indexOf(core), 1);
    // Someone edits the file to move the date: the signature no longer covers it.
    const dir = path.join(dataDir, 'records', owner.id);
    const f = path.join(dir, fs.readdirSync(dir).find((n) => n.endsWith('.json'))!);
    const rows = JSON.parse(fs.readFileSync(f, 'utf8'));
    rows.articleReviews[0].at = '2099-01-01T00:00:00.000Z';
    fs.writeFileSync(f, JSON.stringify(rows));
    const again = await start(dataDir);
    expect((await again.getArticle({ id: 'cs/refunds' })).needsReview).toBe(true);
    expect((await again.listArticles({ review: 'verified' })).articles.map((a) => a.id)).toEqual(['cs/presales']);
  });
});
