import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copySamplePackOnce } from '../../../electron/main/firstRun';
import { FIXTURE_PACK } from '../../contract/harness';

const files = (dir: string): string[] => fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();

describe('first-run copy of the sample pack', () => {
  it('copies the whole pack once and never again over the user’s edits', () => {
    const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hb-first-')), 'userData', 'content');
    expect(copySamplePackOnce(FIXTURE_PACK, target)).toBe(target);
    expect(files(target)).toEqual(files(FIXTURE_PACK));
    fs.writeFileSync(path.join(target, 'handbook.yaml'), 'edited');
    copySamplePackOnce(FIXTURE_PACK, target);
    expect(fs.readFileSync(path.join(target, 'handbook.yaml'), 'utf8')).toBe('edited');
  });

  it('replaces a copy cut short last time instead of keeping half a pack', () => {
    const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hb-first-')), 'content');
    fs.mkdirSync(target + '.partial');
    fs.writeFileSync(path.join(target + '.partial', 'stray.md'), 'half');
    copySamplePackOnce(FIXTURE_PACK, target);
    expect(files(target)).toEqual(files(FIXTURE_PACK));
    expect(fs.existsSync(target + '.partial')).toBe(false);
  });

  it('leaves no content folder when the copy fails, so the next start tries again', () => {
    const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hb-first-')), 'content');
    expect(() => copySamplePackOnce(path.join(os.tmpdir(), 'hb-no-such-pack-' + process.pid), target)).toThrow();
    expect(fs.existsSync(target)).toBe(false);
  });
});
