import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { HandbookError } from '../../electron/core/api/errors';
import { zipPackToBuffer } from '../../electron/core/packs/exportPack';
import { stageImport } from '../../electron/core/packs/importer';
import { FIXTURE_PACK } from '../contract/harness';
import { zipOf } from '../support/zip';

/** Every file below a folder, so a test can see that nothing appeared where it must not. */
const tree = (dir: string): string[] => (fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).map(String).sort() : []);

/** Stages a zip next to a fresh pack; it may be refused, but only with a one-line HandbookError, and only the staging folder may be written. */
async function tryImport(zip: Buffer): Promise<void> {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-zipfuzz-'));
  const pack = path.join(base, 'pack');
  fs.cpSync(FIXTURE_PACK, pack, { recursive: true });
  const zipFile = path.join(base, 'in.zip');
  fs.writeFileSync(zipFile, zip);
  const before = tree(pack);
  try {
    const staged = await stageImport(zipFile, pack, 'fuzz');
    for (const f of tree(staged.staging)) expect(path.resolve(staged.staging, f).startsWith(staged.staging + path.sep)).toBe(true);
  } catch (err) {
    expect(err).toBeInstanceOf(HandbookError);
    expect((err as Error).message).not.toContain('\n');
  }
  expect(tree(pack)).toEqual(before);
  expect(fs.readdirSync(base).filter((n) => !['pack', 'in.zip'].includes(n) && !n.includes('.import-'))).toEqual([]);
  fs.rmSync(base, { recursive: true, force: true });
}

describe('fuzz: content-pack zip import', () => {
  it('survives random damage to a real pack zip', async () => {
    const good = (await zipPackToBuffer(FIXTURE_PACK)).buffer;
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 }), async (edits) => {
      const bad = Buffer.from(good);
      for (const [at, byte] of edits) bad[at] = byte;
      await tryImport(bad);
    }), { numRuns: 120 });
  }, 120_000);

  it('never writes outside the staging folder, whatever the entry names', async () => {
    const part = fc.constantFrom('..', '.', 'articles', 'a.md', 'handbook.yaml', '', 'C:', '\\', '..\\x', '%2e%2e', '/etc', '退款.md', 'x'.repeat(300), 'CON', 'a\u0000b');
    const name = fc.array(part, { minLength: 1, maxLength: 5 }).map((p) => p.join('/')).filter((n) => n.length > 0 && !n.includes('\u0000'));
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(name, fc.string({ maxLength: 40 })), { minLength: 1, maxLength: 6 }), async (entries) => {
      let zip: Buffer;
      try {
        zip = await zipOf([['handbook.yaml', 'id: f\nname: f\nversion: 1.0.0\n'], ...entries]);
      } catch {
        return; // yazl itself refuses some names (absolute paths); nothing to import then
      }
      await tryImport(zip);
    }), { numRuns: 120 });
  }, 120_000);

  it('refuses random bytes that are not a zip at all', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => tryImport(Buffer.from(bytes))), { numRuns: 60 });
  }, 60_000);
});
