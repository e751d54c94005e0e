import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stageImport, stagingDir } from '../../../../electron/core/packs/importer';
import { startFlipper } from '../../../support/flipper';
import { tempPack } from '../content/tempPack';
import { rawZip } from './rawZip';

describe('unpacking an import while a folder of the staging area is swapped for a symbolic link', () => {
  it('never writes an entry outside the staging folder', async () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-stage-race-'));
    const content = path.join(parent, 'pack');
    fs.cpSync(tempPack({ 'articles/a.md': '# A\n' }), content, { recursive: true });
    const work = path.join(parent, 'work');
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-stage-race-outside-'));
    const zip = path.join(parent, 'in.zip');
    fs.writeFileSync(zip, rawZip([
      { name: 'handbook.yaml', data: 'id: x\nname: 外来包\nversion: 2.0.0\n' },
      ...Array.from({ length: 60 }, (_, i) => ({ name: `articles/racedir/a${i}.md`, data: `# ${i}\n` })),
    ]));
    const flipper = startFlipper({ kind: 'dir', target: path.join(stagingDir(work, 'k'), 'articles', 'racedir'), outside });
    let tries = 0;
    const end = Date.now() + 4000;
    while (Date.now() < end) {
      tries++;
      try {
        await stageImport(zip, content, 'k', undefined, work);
      } catch { /* refused at the link */ }
    }
    const flips = await flipper.stop();
    expect(flips).toBeGreaterThan(10); // the race ran
    expect(tries).toBeGreaterThan(1); // each unpacks 61 entries, parsed after: a loaded machine manages few
    expect(fs.readdirSync(outside)).toEqual([]);
    fs.rmSync(parent, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  }, 60_000);
});
