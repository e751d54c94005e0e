import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../../electron/core/index';
import { AUTHORING_PACK, PASSPHRASE } from '../authoring/fixture';
import { tempPack } from '../content/tempPack';
import { zipOf } from '../../../support/zip';

const watchers = () => process.getActiveResourcesInfo().filter((r) => r === 'FSEventWrap').length;

describe('pack swaps run one at a time', () => {
  it('two parallel applies of one import: one applies, the other says so without a path, and no watcher is left open', async () => {
    const before = watchers();
    const root = tempPack(AUTHORING_PACK);
    const core = await createCore({ contentDir: root, dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'hb-par-')), watch: true });
    const trainer = await core.createProfile({ name: '李老师', roleId: 'customer-service', trainer: true, passphrase: PASSPHRASE });
    const { token } = await core.openEditSession({ profileId: trainer.id, passphrase: PASSPHRASE });
    const zip = await zipOf({ 'handbook.yaml': 'id: t\nname: 新版\nversion: 2.0.0\n', 'articles/a.md': '# 新\n' });
    const { uploadId } = await core.uploadPackChunk({ token, offset: 0, data: zip.toString('base64') });
    await core.previewPackImport({ token, uploadId });
    const results = await Promise.allSettled([core.applyPackImport({ token, uploadId }), core.applyPackImport({ token, uploadId }), core.restorePackBackup({ token, backupId: '2020-01-01T00-00-00-000Z' })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) {
      if (r.status === 'rejected') {
        expect(r.reason.code).toBe('not_found');
        expect(r.reason.message).not.toMatch(/\/tmp|[A-Za-z]:\\|\/home\//);
      }
    }
    expect((await core.getAppInfo({})).pack.name).toBe('新版');
    expect(fs.readdirSync(root).sort()).toEqual(['articles', 'handbook.yaml']);
    await core.close();
    // A leaked chokidar watcher keeps `handbook serve` alive after SIGTERM.
    expect(watchers()).toBe(before);
  }, 30_000);
});
