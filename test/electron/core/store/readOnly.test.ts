import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, loadPack } from '../../../../electron/core/index';
import { exportProgress } from '../../../../electron/core/onboarding/exchange';
import { LEGACY_DB_FILE, openStoreReadOnly } from '../../../../electron/core/store/store';
import { FIXTURE_PACK } from '../../../contract/harness';

/** Every file of the data folder but the search cache and the lock, with its content. */
const snapshot = (dir: string) => Object.fromEntries(fs.readdirSync(dir, { recursive: true }).map(String)
  .filter((f) => !f.startsWith('search-cache') && f !== 'handbook.lock' && fs.statSync(path.join(dir, f)).isFile())
  .map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));

describe('read-only core (exports while the app is open)', () => {
  it('reads the data another process holds, and never writes', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-ro-'));
    const app = await createCore({ contentDir: FIXTURE_PACK, dataDir });
    try {
      const p = await app.createProfile({ name: '在岗', roleId: 'customer-service' });
      const t = await app.createProfile({ name: '带教', roleId: 'customer-service', trainer: true, passphrase: 'read-only-pass' });
      const { token } = await app.openProfileSession({ profileId: p.id });
      await app.completeStep({ token, profileId: p.id, trackId: 'customer-service', stepId: 'task-login' });
      const before = snapshot(dataDir);

      const reader = await createCore({ contentDir: FIXTURE_PACK, dataDir, readOnly: true });
      const trainer = await reader.openEditSession({ profileId: t.id, passphrase: 'read-only-pass' });
      const json = JSON.parse((await reader.exportProgress({ token: trainer.token, format: 'json' })).content);
      expect(JSON.stringify(json)).toContain('task-login');
      await expect(reader.createProfile({ name: 'x', roleId: 'customer-service' })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(reader.completeStep({ token, profileId: p.id, trackId: 'customer-service', stepId: 'task-login' })).rejects.toMatchObject({ code: expect.stringMatching(/forbidden|unauthorized/) });
      await expect(reader.search({ query: '退款' })).rejects.toMatchObject({ code: 'unavailable' });
      await reader.close();

      expect(snapshot(dataDir)).toEqual(before);
      // The app still holds its lock and keeps working.
      await app.createProfile({ name: '又一个', roleId: 'customer-service' });
    } finally {
      await app.close();
    }
  });

  it('reads a data folder still in the single-file layout without migrating it', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-ro-legacy-'));
    fs.copyFileSync('test/fixtures/db/v3.json', path.join(dataDir, LEGACY_DB_FILE));
    const before = snapshot(dataDir);
    // What `handbook progress export` does: the person at the terminal has the files, so no session.
    const reader = openStoreReadOnly(dataDir);
    const json = JSON.parse(exportProgress(reader, await loadPack(FIXTURE_PACK), { format: 'json' }).content);
    expect(json.profiles.map((p: any) => p.id)).toEqual(['p-learner', 'p-trainer', 'p-second']);
    expect(json.completions).toHaveLength(3);
    await reader.close();
    expect(snapshot(dataDir)).toEqual(before);
  });
});
