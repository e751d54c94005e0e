import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/index.js';
import { tempPack, writeFile } from './tempPack.js';

let core: Core | null = null;
afterEach(async () => { await core?.close(); core = null; });

/** Generous: this checks that changes arrive, not how fast (that is the benchmark's job); CI machines are busy. */
const WAIT_MS = 10_000;
/** Waits until `check` passes. */
async function within(ms: number, check: () => Promise<boolean> | boolean): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < ms) {
    if (await check()) return Date.now() - start;
    await new Promise((r) => setTimeout(r, 40));
  }
  throw new Error(`not seen within ${ms} ms`);
}

const ids = async () => (await core!.listArticles({})).articles.map((a) => a.id).sort();

describe('watching the content folder', () => {
  it('shows added, changed and removed files, new sub-folders and deleted folders within 2 s', async () => {
    const root = tempPack({ 'articles/a.md': '# 甲\n', 'articles/old/x.md': '# 旧\n' });
    core = await createCore({ contentDir: root, dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'hb-data-')), watch: true });

    writeFile(root, 'articles/b.md', '# 乙\n');
    await within(WAIT_MS, async () => (await ids()).includes('b'));

    writeFile(root, 'articles/a.md', '---\ntitle: 甲（新）\n---\n正文\n');
    await within(WAIT_MS, async () => (await core!.getArticle({ id: 'a' })).title === '甲（新）');

    fs.rmSync(path.join(root, 'articles/b.md'));
    await within(WAIT_MS, async () => !(await ids()).includes('b'));

    writeFile(root, 'articles/new/deeper/c.md', '# 丙\n\n见 [[a]]。\n');
    await within(WAIT_MS, async () => (await ids()).includes('new/deeper/c'));
    expect((await core.getArticle({ id: 'a' })).backlinks.map((b) => b.id)).toEqual(['new/deeper/c']);
    expect((await core.listArticles({})).categories.map((c) => c.id)).toContain('new/deeper');

    fs.rmSync(path.join(root, 'articles/old'), { recursive: true });
    await within(WAIT_MS, async () => !(await ids()).includes('old/x'));
    expect(await ids()).toEqual(['a', 'new/deeper/c']);
  });

  it('reports a file that turns bad, and clears the report when it is fixed', async () => {
    const root = tempPack({ 'articles/a.md': '# 甲\n' });
    core = await createCore({ contentDir: root, dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'hb-data-')), watch: true });
    writeFile(root, 'articles/a.md', '---\ntitle: [\n---\n');
    await within(WAIT_MS, async () => (await core!.listProblems({})).some((p) => p.path === 'articles/a.md' && p.code === 'front-matter'));
    writeFile(root, 'articles/a.md', '# 甲\n');
    await within(WAIT_MS, async () => (await core!.listProblems({})).length === 0);
  });

  it('resolves nextReload after a change', async () => {
    const root = tempPack({ 'articles/a.md': '# 甲\n' });
    core = await createCore({ contentDir: root, dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'hb-data-')), watch: true });
    const reloaded = core.nextReload();
    writeFile(root, 'assets/new.png', Buffer.from([1]));
    await reloaded;
  });
});
