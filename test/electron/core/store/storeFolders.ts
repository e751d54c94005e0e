import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { openStore, type Store } from '../../../../electron/core/store/store';

/** Temporary data folders and the stores opened on them: after each test the stores are closed and the folders removed. */
export function useStoreFolders(prefix: string) {
  const dirs: string[] = [];
  const open: Store[] = [];
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });
  return {
    tempDir() {
      const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
      dirs.push(d);
      return d;
    },
    async openTracked(dir: string) {
      const s = await openStore(dir);
      open.push(s);
      return s;
    },
  };
}
