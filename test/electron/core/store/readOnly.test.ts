import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../../electron/core/index';
import { DB_FILE } from '../../../../electron/core/store/store';
import { FIXTURE_PACK } from '../../../contract/harness';

describe('read-only core (exports while the app is open)', () => {
  it('reads the data another process holds, and never writes', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-ro-'));
    const app = await createCore({ contentDir: FIXTURE_PACK, dataDir });
    try {
      const p = await app.createProfile({ name: '在岗', roleId: 'customer-service' });
      const t = await app.createProfile({ name: '带教', roleId: 'customer-service', trainer: true, passphrase: 'read-only-pass' });
      const { token } = await app.openProfileSession({ profileId: p.id });
      await app.completeStep({ token, profileId: p.id, trackId: 'customer-service', stepId: 'task-login' });
      const before = fs.readFileSync(path.join(dataDir, DB_FILE), 'utf8');

      const reader = await createCore({ contentDir: FIXTURE_PACK, dataDir, readOnly: true });
      const trainer = await reader.openEditSession({ profileId: t.id, passphrase: 'read-only-pass' });
      const json = JSON.parse((await reader.exportProgress({ token: trainer.token, format: 'json' })).content);
      expect(JSON.stringify(json)).toContain('task-login');
      await expect(reader.createProfile({ name: 'x', roleId: 'customer-service' })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(reader.search({ query: '退款' })).rejects.toMatchObject({ code: 'unavailable' });
      await reader.close();

      expect(fs.readFileSync(path.join(dataDir, DB_FILE), 'utf8')).toBe(before);
      // The app still holds its lock and keeps working.
      await app.createProfile({ name: '又一个', roleId: 'customer-service' });
    } finally {
      await app.close();
    }
  });
});
