import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/main';
import { closeAll, openAuthoring } from '../authoring/fixture';
import { zipOf } from '../../../support/zip';

afterEach(closeAll);

async function upload(core: Awaited<ReturnType<typeof openAuthoring>>['core'], token: string, zip: Buffer): Promise<string> {
  let uploadId: string | undefined;
  for (let off = 0; off < zip.length || off === 0; off += 100_000) {
    const r = await core.uploadPackChunk({ token, uploadId, offset: off, data: zip.subarray(off, off + 100_000).toString('base64') });
    uploadId = r.uploadId;
    if (off + 100_000 >= zip.length) break;
  }
  return uploadId!;
}

describe('pack export and import through the API', () => {
  it('exports without the trash, previews a changed copy, applies it all at once and restores the backup', async () => {
    const { core, token, root } = await openAuthoring();
    await core.deleteContent({ token, kind: 'article', id: 'ops/orphan' });
    const exp = await core.exportPack({ token });
    expect(exp.filename).toMatch(/\.zip$/);
    const zipFile = path.join(os.tmpdir(), `hb-exp-${process.pid}.zip`);
    fs.writeFileSync(zipFile, Buffer.from(exp.base64, 'base64'));

    // The export lists exactly the pack's files (no .trash), so importing it back changes nothing.
    const same = await core.previewPackImport({ token, uploadId: await upload(core, token, fs.readFileSync(zipFile)) });
    expect(same).toMatchObject({ added: [], changed: [], removed: [] });
    expect(same.unchanged).toBe(exp.files);

    const next = await zipOf({
      'handbook.yaml': 'id: t\nname: 新版手册\nversion: 2.0.0\nlanguage: zh-CN\n',
      'articles/cs/refunds.md': '# 新的退款\n',
      'articles/new/one.md': '# 新文章\n',
    });
    const id = await upload(core, token, next);
    const preview = await core.previewPackImport({ token, uploadId: id });
    expect(preview.pack).toEqual({ id: 't', name: '新版手册', version: '2.0.0' });
    expect(preview.added).toEqual(['articles/new/one.md']);
    expect(preview.changed.sort()).toEqual(['articles/cs/refunds.md', 'handbook.yaml']);
    expect(preview.removed).toContain('tracks/customer-service.yaml');
    // Previewing writes nothing into the pack.
    expect(fs.readFileSync(path.join(root, 'articles/cs/refunds.md'), 'utf8')).toContain('退款处理');

    const applied = await core.applyPackImport({ token, uploadId: id });
    expect(applied).toMatchObject({ added: 1, changed: 2 });
    expect((await core.getAppInfo({})).pack.name).toBe('新版手册');
    expect((await core.getArticle({ id: 'new/one' })).title).toBe('新文章');
    expect(await core.listTracks({})).toEqual([]);

    const backups = await core.listPackBackups({ token });
    expect(backups.map((b) => b.id)).toEqual([applied.backupId]);
    expect(backups[0].packName).toBe('测试包');
    await core.restorePackBackup({ token, backupId: applied.backupId });
    expect((await core.getAppInfo({})).pack.name).toBe('测试包');
    expect((await core.listTracks({})).map((t) => t.id)).toEqual(['customer-service']);
    // The trash came back with the pack it belongs to; the imported pack is now a backup in turn.
    expect((await core.listTrash({ token })).map((e) => e.path)).toEqual(['articles/ops/orphan.md']);
    expect((await core.listPackBackups({ token }))[0].packName).toBe('新版手册');
    fs.rmSync(zipFile);
  });

  it('refuses out-of-order pieces and learners', async () => {
    const { core, token, learner } = await openAuthoring();
    const { uploadId } = await core.uploadPackChunk({ token, offset: 0, data: Buffer.from('PK').toString('base64') });
    await expect(core.uploadPackChunk({ token, uploadId, offset: 10, data: 'AA==' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(core.previewPackImport({ token, uploadId })).rejects.toThrow(/not a zip file/);
    await expect(core.openEditSession({ profileId: learner.id, passphrase: '1111' })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('handbook pack (CLI)', () => {
  it('exports, then imports a zip, printing what changes', async () => {
    const { root, dataDir } = await openAuthoring();
    const out = path.join(os.tmpdir(), `hb-cli-${process.pid}.zip`);
    const logs: string[] = [];
    const orig = console.log;
    console.log = (m: string) => logs.push(String(m));
    try {
      expect(await runCli(['pack', 'export', '--out', out, '--content', root])).toBe(0);
      expect(logs.at(-1)).toMatch(/^exported \d+ files/);
      const zip = path.join(os.tmpdir(), `hb-cli-in-${process.pid}.zip`);
      fs.writeFileSync(zip, await zipOf({ 'handbook.yaml': 'id: t\nname: 新\nversion: 3.0.0\n', 'articles/x.md': '# X\n' }));
      expect(await runCli(['pack', 'import', zip, '--content', root, '--data', dataDir, '--dry-run'])).toBe(0);
      expect(fs.existsSync(path.join(root, 'articles/x.md'))).toBe(false);
      expect(await runCli(['pack', 'import', zip, '--content', root, '--data', dataDir])).toBe(0);
      expect(logs.join('\n')).toMatch(/add \(1\):\n {2}articles\/x\.md/);
      expect(fs.readdirSync(path.join(root, 'articles'))).toEqual(['x.md']);
      fs.rmSync(zip);
    } finally {
      console.log = orig;
      fs.rmSync(out, { force: true });
    }
    expect(await runCli(['pack', 'export', '--content', root])).toBe(2);
  });
});
