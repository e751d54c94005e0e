import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupsDir, packWorkDir, stagingDir } from '../../../../electron/core/packs/importer';
import { closeAll, openAuthoring } from '../authoring/fixture';

afterEach(closeAll);

describe('pack work stays in the data folder', () => {
  it('previews, cancelled previews and backups of the content folder never appear beside it', async () => {
    const { core, token, root, dataDir } = await openAuthoring();
    const parent = path.dirname(root);
    const beside = () => fs.readdirSync(parent).filter((n) => n.startsWith(`.${path.basename(root)}`));
    const zip = Buffer.from((await core.exportPack({ token })).base64, 'base64');
    const upload = async () => (await core.uploadPackChunk({ token, offset: 0, data: zip.toString('base64') })).uploadId;

    const cancelled = await upload();
    await core.previewPackImport({ token, uploadId: cancelled });
    const work = packWorkDir(root, dataDir);
    expect(work.startsWith(dataDir + path.sep)).toBe(true);
    expect(fs.existsSync(stagingDir(work, cancelled))).toBe(true);
    expect(beside()).toEqual([]);

    const applied = await upload();
    await core.previewPackImport({ token, uploadId: applied });
    const r = await core.applyPackImport({ token, uploadId: applied });
    expect(fs.existsSync(path.join(backupsDir(work), r.backupId, 'handbook.yaml'))).toBe(true);
    expect((await core.listPackBackups({ token })).map((b) => b.id)).toEqual([r.backupId]);
    await core.restorePackBackup({ token, backupId: r.backupId });
    expect(beside()).toEqual([]);
    expect(fs.existsSync(path.join(root, 'articles/cs/refunds.md'))).toBe(true);
  });

  it('keeps one work folder per content folder', () => {
    expect(packWorkDir('/srv/a/content', '/tmp')).not.toBe(packWorkDir('/srv/b/content', '/tmp'));
  });
});
