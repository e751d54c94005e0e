import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LinkRefused, verifySameFile } from '../../../../electron/core/content/packHandle';
import { tempPack } from './tempPack';

/** The check macOS and Windows rely on (no /proc there): run here on Linux against real links. */
describe('check after open (the path without /proc)', () => {
  it('passes the file at its own link-free path inside the pack', () => {
    const root = tempPack({ 'assets/a.txt': 'inside' });
    const fd = fs.openSync(path.join(root, 'assets/a.txt'), 'r');
    try {
      expect(() => verifySameFile(root, 'assets/a.txt', fd)).not.toThrow();
    } finally {
      fs.closeSync(fd);
    }
  });

  it('refuses a file reached through a folder that is a link out of the pack, and a file that is a link', () => {
    const root = tempPack({ 'assets/a.txt': 'inside' });
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-verify-outside-'));
    fs.writeFileSync(path.join(outside, 'a.txt'), 'outside');
    fs.symlinkSync(outside, path.join(root, 'linked'));
    fs.symlinkSync(path.join(outside, 'a.txt'), path.join(root, 'assets', 'b.txt'));
    for (const rel of ['linked/a.txt', 'assets/b.txt']) {
      const fd = fs.openSync(path.join(root, rel), 'r');
      try {
        expect(() => verifySameFile(root, rel, fd)).toThrow(LinkRefused);
      } finally {
        fs.closeSync(fd);
      }
    }
  });

  it('refuses a handle to another file than the one now at the path (swapped after the open)', () => {
    const root = tempPack({ 'assets/a.txt': 'first' });
    const fd = fs.openSync(path.join(root, 'assets/a.txt'), 'r');
    try {
      fs.writeFileSync(path.join(root, 'assets/a.new'), 'second');
      fs.renameSync(path.join(root, 'assets/a.new'), path.join(root, 'assets/a.txt'));
      expect(() => verifySameFile(root, 'assets/a.txt', fd)).toThrow(LinkRefused);
    } finally {
      fs.closeSync(fd);
    }
  });
});
