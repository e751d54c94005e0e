import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { closeAll, openAuthoring } from '../core/authoring/fixture';
import { zipOf } from '../../support/zip';

afterEach(closeAll);

/** What Handbook may have left beside the content folder (`.<name>.import-…`, `.<name>.backups`). */
const besideThePack = (root: string) => fs.readdirSync(path.dirname(root)).filter((n) => n.startsWith(`.${path.basename(root)}`));

async function quietly<T>(f: () => Promise<T>): Promise<T> {
  const orig = console.log;
  console.log = () => {};
  try { return await f(); } finally { console.log = orig; }
}

describe('handbook pack import (CLI) keeps its work in the data folder', () => {
  it('stages and backs up inside --data, where the app lists the backup; nothing beside the pack', async () => {
    const { core, root, dataDir, token } = await openAuthoring();
    const zip = path.join(os.tmpdir(), `hb-cli-work-${process.pid}.zip`);
    fs.writeFileSync(zip, await zipOf({ 'handbook.yaml': 'id: t\nname: 新包\nversion: 3.0.0\n', 'articles/x.md': '# X\n' }));
    try {
      expect(await quietly(() => runCli(['pack', 'import', zip, '--content', root, '--data', dataDir, '--dry-run']))).toBe(0);
      expect(besideThePack(root)).toEqual([]);
      // A dry run leaves no staging folder in the data folder either.
      const packsDir = path.join(dataDir, 'packs');
      expect(fs.existsSync(packsDir) ? fs.readdirSync(packsDir).filter((n) => n.includes('.import-')) : []).toEqual([]);

      expect(await quietly(() => runCli(['pack', 'import', zip, '--content', root, '--data', dataDir]))).toBe(0);
      expect(fs.readdirSync(path.join(root, 'articles'))).toEqual(['x.md']);
      expect(besideThePack(root)).toEqual([]);
      expect(fs.readdirSync(packsDir).some((n) => n.endsWith('.backups'))).toBe(true);
      // The app, on the same data folder, offers the replaced pack for restoring.
      const backups = await core.listPackBackups({ token });
      expect(backups).toHaveLength(1);
      expect(backups[0].packName).not.toBe('新包');
    } finally {
      fs.rmSync(zip, { force: true });
    }
  });

  it('says in its help where the replaced pack goes', async () => {
    const out: string[] = [];
    const orig = console.log;
    console.log = (m: string) => out.push(String(m));
    try { expect(await runCli(['pack', '--help'])).toBe(0); } finally { console.log = orig; }
    expect(out.join('\n')).toMatch(/--data DIR/);
    expect(out.join('\n')).toMatch(/backup in the data folder/);
  });
});
