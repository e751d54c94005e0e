import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { noteSearch } from '../../../../electron/core/health/failedSearches';
import { migrate } from '../../../../electron/core/store/migrations';
import { CURRENT_SCHEMA } from '../../../../electron/core/store/schema';
import { DB_FILE, openStore, SHARED_FILE, type Store } from '../../../../electron/core/store/store';
import { AUTHORING_PACK, closeAll, openAuthoring } from '../authoring/fixture';

const V2 = fs.readFileSync(path.resolve('test/fixtures/db/v2.json'), 'utf8');
const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  await closeAll();
});

describe('content health', () => {
  it('lists broken links, missing images, overdue reviews with owners, orphans and track problems', async () => {
    const { core, token, root } = await openAuthoring({
      ...AUTHORING_PACK,
      'tracks/broken.yaml': 'title: 坏路线\nroleId: data\nphases:\n  - id: d\n    dueDay: 1\n    steps:\n      - { id: r, type: read, article: gone/away }\n      - { id: q, type: quiz, quiz: no-quiz }\n',
    });
    fs.rmSync(path.join(root, 'assets/flow.png'));
    // Re-read through a save so the test does not wait for a watcher.
    const src = await core.getArticleSource({ token, id: 'ops/listing' });
    await core.saveArticle({ token, id: 'ops/listing', baseHash: src.hash, fields: src.fields, body: src.body + '\n' });
    const h = await core.getContentHealth({ token });
    expect(h.brokenLinks).toEqual([expect.objectContaining({ articleId: 'ops/orphan', title: '没人链接', message: expect.stringContaining('nowhere.md') })]);
    expect(h.missingImages).toEqual([expect.objectContaining({ articleId: 'cs/refunds', message: expect.stringContaining('flow.png') })]);
    expect(h.overdueReviews).toEqual([{ id: 'cs/refunds', title: '退款处理', owner: '王敏', reviewed: '2020-01-01', reviewDue: '2020-03-31' }]);
    expect(h.orphans.map((o) => o.id)).toEqual(['ops/listing', 'ops/orphan']);
    expect(h.trackProblems.map((p) => [p.trackId, p.message])).toEqual([
      ['broken', 'step "r": unknown article "gone/away"'], ['broken', 'step "q": unknown quiz "no-quiz"'],
    ]);
    expect(h.unrecordedQuestions).toBe(1);
  });

  it('reports quiz questions whose source section is gone', async () => {
    const { core, token } = await openAuthoring();
    const src = await core.getArticleSource({ token, id: 'cs/refunds' });
    await core.saveArticle({ token, id: 'cs/refunds', baseHash: src.hash, fields: src.fields, body: src.body.replace('## 时效', '## 处理时限') });
    expect((await core.getContentHealth({ token })).staleQuestions).toEqual([{ quizId: 'cs-basics', questionId: 'q1', prompt: '多久处理？', source: 'cs/refunds#时效', state: 'missing' }]);
  });

  it('counts searches that found nothing, once per search and not per keystroke', async () => {
    const { core, token } = await openAuthoring();
    for (const q of ['发', '发票', '发票抬', '发票抬头']) await core.search({ query: q });
    await core.search({ query: '退款' });
    await core.search({ query: '发票抬头', role: 'data' });
    await expect.poll(async () => (await core.getContentHealth({ token })).failedSearches.map((f) => [f.query, f.count])).toEqual([['发票抬头', 1]]);
  });

  it('merges repeats and drops the typing prefixes (unit)', async () => {
    const store = await openStore(fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'hb-fs-')));
    stores.push(store);
    const t0 = Date.parse('2026-01-01T00:00:00Z');
    await noteSearch(store, { query: 'Invoice' }, { total: 0 }, new Date(t0));
    await noteSearch(store, { query: 'invoice title' }, { total: 0 }, new Date(t0 + 1000));
    await noteSearch(store, { query: ' INVOICE  Title ' }, { total: 0 }, new Date(t0 + 60_000));
    await noteSearch(store, { query: '开票' }, { total: 0 }, new Date(t0 + 120_000));
    expect(noteSearch(store, { query: '开票' }, { total: 3 })).toBeNull();
    expect(store.data.failedSearches.map((f) => [f.query, f.count])).toEqual([['invoice title', 2], ['开票', 1]]);
  });
});

describe('schema 2 → 3 (failed searches)', () => {
  it('keeps every v2 row and adds the empty collection', () => {
    const v2 = JSON.parse(V2);
    const data = migrate(structuredClone(v2));
    expect(CURRENT_SCHEMA).toBeGreaterThanOrEqual(3);
    expect(data.schemaVersion).toBe(CURRENT_SCHEMA);
    for (const [k, v] of Object.entries(v2)) if (k !== 'schemaVersion' && k !== 'settings' && k !== 'profiles') expect((data as any)[k]).toEqual(v);
    // Profiles keep every field; version 4 adds the trust fields.
    expect(data.profiles).toMatchObject(v2.profiles);
    // Settings keep every value and gain defaults for newer settings (contentDir).
    expect(data.settings).toMatchObject(v2.settings);
    expect(data.failedSearches).toEqual([]);
  });

  it('upgrades a real v2 database file when it is opened', async () => {
    const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'hb-v2-'));
    fs.writeFileSync(path.join(dir, DB_FILE), V2);
    const store = await openStore(dir);
    stores.push(store);
    expect(store.data.schemaVersion).toBe(CURRENT_SCHEMA);
    expect(JSON.parse(fs.readFileSync(path.join(dir, SHARED_FILE), 'utf8'))).toMatchObject({ schemaVersion: CURRENT_SCHEMA });
    expect(store.data).toMatchObject({ failedSearches: [], quizAttempts: JSON.parse(V2).quizAttempts });
  });
});
