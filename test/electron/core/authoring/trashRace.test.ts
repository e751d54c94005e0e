import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuthoringContext } from '../../../../electron/core/authoring/context';
import { WriteQueue } from '../../../../electron/core/authoring/files';
import { moveToTrash, TRASH_DIR } from '../../../../electron/core/authoring/trash';
import { writePackFile } from '../../../../electron/core/content/packHandle';
import { loadPack } from '../../../../electron/core/index';
import { startFlipper } from '../../../support/flipper';
import { tempPack } from '../content/tempPack';

/** The trash needs the pack (for titles), the queue and a reload hook; no store or sessions. */
async function contextFor(root: string): Promise<Pick<AuthoringContext, 'root' | 'pack' | 'queue' | 'changed'>> {
  const pack = await loadPack(root);
  return { root, pack: () => pack, queue: new WriteQueue(), changed: async () => {} };
}

/** At least 4 s of racing, then until enough tries and one success, never past 20 s (a loaded machine is slow to get there). */
const racing = (start: number, tries: number, moved: number, flips = 11) => Date.now() - start < 4000 || ((tries <= 20 || moved === 0 || flips <= 10) && Date.now() - start < 20_000);

/** Every file under `dir` whose content is `text`. */
function filesHolding(dir: string, text: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => {
    const p = path.join(dir, f);
    return fs.lstatSync(p).isFile() && fs.readFileSync(p, 'utf8') === text;
  });
}

describe('moving to the trash while a folder of either path is swapped for a symbolic link', () => {
  it('never takes a file from outside the pack (the article\'s folder flips)', async () => {
    const root = tempPack({ 'articles/racedir/keep.md': '# 留\n' });
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-trash-race-outside-'));
    for (let i = 0; i < 20; i++) fs.writeFileSync(path.join(outside, `a${i}.md`), 'outside');
    const ctx = await contextFor(root);
    const flipper = startFlipper({ kind: 'dir', target: path.join(root, 'articles', 'racedir'), outside });
    let moved = 0;
    let tries = 0;
    const start = Date.now();
    for (let i = 0; racing(start, tries, moved, flipper.flips()); i++, tries++) {
      const name = `a${i % 20}`;
      await writePackFile(root, `articles/racedir/${name}.md`, `# ${i}\n`).catch(() => {});
      try {
        await moveToTrash(ctx as AuthoringContext, 'article', `racedir/${name}`, 'trainer');
        moved++;
      } catch { /* refused at the link, or the file was not there */ }
    }
    const flips = await flipper.stop();
    expect(flips).toBeGreaterThan(10); // the race ran
    expect(tries).toBeGreaterThan(20);
    expect(moved).toBeGreaterThan(0);
    expect(fs.readdirSync(outside).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `a${i}.md`).sort());
    expect(filesHolding(path.join(root, TRASH_DIR), 'outside')).toEqual([]);
  }, 60_000);

  it('never writes into a folder outside the pack (the trash folder flips)', async () => {
    const root = tempPack({ 'articles/keep.md': '# 留\n' });
    fs.mkdirSync(path.join(root, TRASH_DIR));
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-trash-race-outside-'));
    const ctx = await contextFor(root);
    const flipper = startFlipper({ kind: 'dir', target: path.join(root, TRASH_DIR), outside });
    let moved = 0;
    let tries = 0;
    const start = Date.now();
    for (let i = 0; racing(start, tries, moved, flipper.flips()); i++, tries++) {
      await writePackFile(root, `articles/x${i}.md`, `# ${i}\n`);
      try {
        await moveToTrash(ctx as AuthoringContext, 'article', `x${i}`, 'trainer');
        moved++;
      } catch { /* refused at the link */ }
    }
    const flips = await flipper.stop();
    expect(flips).toBeGreaterThan(10);
    expect(tries).toBeGreaterThan(20);
    expect(moved).toBeGreaterThan(0);
    expect(fs.readdirSync(outside)).toEqual([]);
  }, 60_000);
});
