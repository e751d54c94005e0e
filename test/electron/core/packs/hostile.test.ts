import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/main';
import { DEFAULT_LIMITS, type ZipLimits } from '../../../../electron/core/packs/limits';
import { stageImport } from '../../../../electron/core/packs/importer';
import { tempPack } from '../content/tempPack';
import { rawZip, type RawEntry } from './rawZip';

const MANIFEST = 'id: x\nname: 外来包\nversion: 2.0.0\n';
const ok = (name: string, data = 'x'): RawEntry => ({ name, data });
const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true }); });

/** A pack in its own folder (so "nothing written next to it" can be checked) and a zip file beside it. */
function setup(zip: Buffer) {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-hostile-'));
  dirs.push(parent);
  const content = path.join(parent, 'pack');
  fs.cpSync(tempPack({ 'articles/a.md': '# A\n' }), content, { recursive: true });
  const file = path.join(os.tmpdir(), `hb-zip-${process.pid}-${Math.random().toString(36).slice(2)}.zip`);
  fs.writeFileSync(file, zip);
  dirs.push(file);
  const snapshot = () => JSON.stringify(fs.readdirSync(parent, { recursive: true }).sort()) + fs.readFileSync(path.join(content, 'articles/a.md'), 'utf8');
  return { parent, content, file, before: snapshot(), snapshot };
}

async function refused(zip: Buffer, pattern: RegExp, limits: ZipLimits = DEFAULT_LIMITS) {
  const s = setup(zip);
  const err = await stageImport(s.file, s.content, 'k', limits).then(() => null, (e) => e);
  expect(err, 'the import should be refused').not.toBeNull();
  expect(err.message).toMatch(pattern);
  expect(err.message).not.toContain('\n');
  expect(s.snapshot()).toBe(s.before);
  return s;
}

describe('hostile zips are refused with one line and nothing written', () => {
  it('entries that climb out with ../', () => refused(rawZip([ok('handbook.yaml', MANIFEST), ok('articles/../../evil.md')]), /climbs out/));
  it('absolute paths', () => refused(rawZip([ok('handbook.yaml', MANIFEST), ok('/tmp/evil.md')]), /absolute path/));
  it('drive letters', () => refused(rawZip([ok('handbook.yaml', MANIFEST), ok('C:/Windows/evil.md')]), /absolute path/));
  it('drive-relative paths', () => refused(rawZip([ok('handbook.yaml', MANIFEST), ok('C:evil.md')]), /absolute path/));
  it('backslashes', () => refused(rawZip([ok('handbook.yaml', MANIFEST), ok('articles\\..\\..\\evil.md')]), /backslashes/));
  it('names longer than a file system allows (found by the fuzzer)', () => refused(rawZip([ok('handbook.yaml', MANIFEST), ok(`articles/${'长'.repeat(100)}.md`)]), /longer than 255 bytes/));
  it('symbolic links (external attributes)', () =>
    refused(rawZip([ok('handbook.yaml', MANIFEST), { name: 'articles/link.md', data: '/etc/passwd', attrs: (0o120777 << 16) >>> 0 }]), /symbolic link/));
  it('symbolic links even when the host byte claims another system', () =>
    refused(rawZip([ok('handbook.yaml', MANIFEST), { name: 'assets/l', data: '../../x', attrs: (0o120777 << 16) >>> 0, madeBy: 20 }]), /symbolic link/));
  it('device files and other special entries', () =>
    refused(rawZip([ok('handbook.yaml', MANIFEST), { name: 'assets/fifo', attrs: (0o010644 << 16) >>> 0 }]), /not a regular file/));
  it('duplicate names', () => refused(rawZip([ok('handbook.yaml', MANIFEST), ok('articles/a.md'), ok('articles/a.md', 'y')]), /appears twice/));
  it('names that differ only in letter case', () => refused(rawZip([ok('handbook.yaml', MANIFEST), ok('articles/Read.md'), ok('articles/read.md')]), /differ only in letter case/));
  it('a file that is also a folder', () => refused(rawZip([ok('handbook.yaml', MANIFEST), ok('articles/a'), ok('articles/a/b.md')]), /which is a file/));
  it('names Windows cannot store', () => refused(rawZip([ok('handbook.yaml', MANIFEST), ok('articles/con.md')]), /Windows cannot store/));
  it('encrypted entries', () => refused(rawZip([ok('handbook.yaml', MANIFEST), { name: 'articles/s.md', data: 'x'.repeat(13), declaredSize: 1, flags: 0x801 }]), /encrypted/));
  it('more entries than the cap', () =>
    refused(rawZip([ok('handbook.yaml', MANIFEST), ...Array.from({ length: 20 }, (_, i) => ok(`articles/${i}.md`))]), /20|21 entries; the limit is 10|more than 10 entries/, { ...DEFAULT_LIMITS, maxEntries: 10 }));
  it('a zip bomb: more bytes than the cap once unpacked', async () => {
    const zeros = Buffer.alloc(30 * 1024 * 1024);
    const zip = rawZip([ok('handbook.yaml', MANIFEST), { name: 'assets/bomb.bin', data: zeros, deflate: true }]);
    expect(zip.length).toBeLessThan(100 * 1024);
    await refused(zip, /unpacks to more than 8\.0 MB|the limit per file/, { ...DEFAULT_LIMITS, maxTotalBytes: 8 * 1024 * 1024, maxEntryBytes: 4 * 1024 * 1024 });
  });
  it('a zip bomb that lies about its size in the headers', async () => {
    const zip = rawZip([ok('handbook.yaml', MANIFEST), { name: 'assets/bomb.bin', data: Buffer.alloc(20 * 1024 * 1024), deflate: true, declaredSize: 10 }]);
    await refused(zip, /unpacks to more than|damaged/, { ...DEFAULT_LIMITS, maxTotalBytes: 4 * 1024 * 1024 });
  });
  it('files that are not zips', async () => {
    await refused(Buffer.from('这不是 zip 文件，只是文本。'), /not a zip file/);
    await refused(Buffer.alloc(0), /not a zip file/);
    await refused(Buffer.from('%PDF-1.4\n' + 'x'.repeat(5000)), /not a zip file/);
  });
  it('zips that are not Handbook packs', () => refused(rawZip([ok('readme.txt', 'hi'), ok('other/a.md')]), /handbook\.yaml is missing/));
  it('a truncated zip', async () => {
    const full = rawZip([ok('handbook.yaml', MANIFEST), ok('articles/a.md', 'x'.repeat(1000))]);
    await refused(full.subarray(0, full.length - 30), /not a zip|damaged/);
  });
});

describe('benign zips', () => {
  it('reads GBK names from Chinese Windows zip tools, and a pack zipped with its folder', async () => {
    const iconv = (await import('iconv-lite')).default;
    const s = setup(rawZip([ok('pack/handbook.yaml', MANIFEST), { name: iconv.encode('pack/articles/退款.md', 'gbk'), data: '# 退款\n', flags: 0 }, ok('__MACOSX/._x'), ok('pack/.DS_Store')]));
    const staged = await stageImport(s.file, s.content, 'k');
    expect(staged.preview.added).toEqual(['articles/退款.md']);
    expect(staged.preview.removed).toEqual(['articles/a.md']);
    expect(staged.preview.changed).toEqual(['handbook.yaml']);
    expect(fs.existsSync(path.join(staged.staging, 'articles/退款.md'))).toBe(true);
    expect(fs.existsSync(path.join(staged.staging, '.DS_Store'))).toBe(false);
  });
});

describe('handbook pack import (CLI)', () => {
  it('exits 1 with one line on stderr and writes nothing for a hostile zip', async () => {
    const s = setup(rawZip([ok('handbook.yaml', MANIFEST), ok('../evil.md')]));
    const errors: string[] = [];
    const orig = console.error;
    console.error = (m: string) => errors.push(m);
    try {
      expect(await runCli(['pack', 'import', s.file, '--content', s.content])).toBe(1);
    } finally {
      console.error = orig;
    }
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^handbook pack: entry "\.\.\/evil\.md" climbs out/);
    expect(s.snapshot()).toBe(s.before);
  });
});
