import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FuseState, SENTINEL } from '@electron/fuses/dist/constants.js';

/**
 * A stand-in for an unpacked Electron (electron-builder's `electronDist`): an `electron` program
 * that carries the fuse wire the way the real binary does — the sentinel, wire version 1, its
 * length, then one byte per fuse, all "inherit" — so @electron/fuses can flip it and the test can
 * read the result. It cannot run an app; it is not meant to.
 */
export function fakeElectronDist(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-electron-dist-'));
  const wire = Buffer.from([1, 8, ...Array(8).fill(FuseState.INHERIT)]);
  fs.writeFileSync(path.join(dir, 'electron'), Buffer.concat([Buffer.from(`#!/bin/sh\necho "stand-in Electron"\nexit 0\n# ${SENTINEL}`), wire, Buffer.from('\n')]), { mode: 0o755 });
  fs.writeFileSync(path.join(dir, 'version'), 'v45.5.0');
  return dir;
}
