import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../../electron/core/store/store';

describe('start-up removes what a killed writer left', () => {
  it('deletes stale .<data file>.<pid>.tmp files (the shared file and the single-file layout) and nothing else', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-stale-'));
    const stale = ['.handbook-shared.json.4242.tmp', '.handbook-db.json.77.tmp'];
    for (const n of stale) fs.writeFileSync(path.join(dataDir, n), 'x'.repeat(100_000));
    fs.writeFileSync(path.join(dataDir, 'notes.tmp'), 'not ours');
    const store = await openStore(dataDir);
    try {
      const left = fs.readdirSync(dataDir);
      for (const n of stale) expect(left).not.toContain(n);
      expect(left).toContain('notes.tmp');
      expect(left).toContain('handbook-shared.json');
    } finally {
      await store.close();
    }
  });
});
