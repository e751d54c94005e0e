import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/index.js';

/** What `joinTeam` asks depends on the mode: a shared folder needs only its path, a git server its author and folder. */
const PASS = 'join form 97531';
let tmp: string;
let core: Core | null = null;
afterEach(async () => { await core?.close(); core = null; fs.rmSync(tmp, { recursive: true, force: true }); });

async function trainerPc() {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-joinform-'));
  fs.cpSync('test/fixtures/contract-pack', path.join(tmp, 'share', 'content'), { recursive: true });
  fs.cpSync('test/fixtures/contract-pack', path.join(tmp, 'own'), { recursive: true });
  core = await createCore({ contentDir: path.join(tmp, 'own'), dataDir: path.join(tmp, 'data') });
  const t = await core.createProfile({ name: '李老师', roleId: 'customer-service', trainer: true, passphrase: PASS });
  return (await core.openEditSession({ profileId: t.id, passphrase: PASS })).token;
}

describe('joinTeam asks only what the mode needs', () => {
  it('a shared folder joins with its path alone', async () => {
    const token = await trainerPc();
    const r = await core!.joinTeam({ token, url: path.join(tmp, 'share') });
    expect(r.contentDir).toBe(path.join(tmp, 'share', 'content'));
    expect(fs.existsSync(path.join(tmp, 'data', 'team', 'share.json'))).toBe(true);
  });

  it('a git server without an author or a content folder is refused with a key the UI translates, before any network', async () => {
    const token = await trainerPc();
    const url = 'http://127.0.0.1:9/none.git';
    await expect(core!.joinTeam({ token, url, contentDir: path.join(tmp, 'c') })).rejects.toMatchObject({ code: 'bad_request', key: 'teamJoinNeedsAuthor' });
    await expect(core!.joinTeam({ token, url, name: '李老师', email: 'li@example.test' })).rejects.toMatchObject({ code: 'bad_request', key: 'teamJoinNeedsFolder' });
    expect(fs.existsSync(path.join(tmp, 'c'))).toBe(false);
  });
});
