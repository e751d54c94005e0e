import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSwappableCore, type SwappableCore } from '../../../electron/core/swappable';
import { FIXTURE_PACK } from '../../contract/harness';

const tmp = (p: string) => fs.mkdtempSync(path.join(os.tmpdir(), p));
const open: SwappableCore[] = [];

/** The first trainer of the handbook, unlocked: switching folders is a trainer's call. */
async function trainerToken(api: SwappableCore['api'], first = true): Promise<string> {
  const name = '带教';
  const t = first ? await api.createProfile({ name, roleId: 'customer-service', trainer: true, passphrase: 'swap-pass-123' }) : (await api.listProfiles({})).find((p) => p.name === name)!;
  return (await api.openEditSession({ profileId: t.id, passphrase: 'swap-pass-123' })).token;
}
afterEach(async () => {
  for (const c of open.splice(0)) await c.close();
});

/** A second pack: the fixture with another id, in its own folder. */
function otherPack(): string {
  const dir = tmp('hb-other-pack-');
  fs.cpSync(FIXTURE_PACK, dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'handbook.yaml'), 'id: other\nname: 另一个包\nversion: 2.0.0\n');
  return dir;
}

describe('switching the content folder (Settings)', () => {
  it('reads the chosen folder at once, remembers it across launches, and goes back to the default', async () => {
    const dataDir = tmp('hb-swap-data-');
    const other = otherPack();
    const a = await createSwappableCore({ contentDir: FIXTURE_PACK, dataDir });
    expect((await a.api.getAppInfo({})).capabilities).toEqual({ pickFolder: false, savePdf: false, switchContent: true });
    const p = await a.api.createProfile({ name: '小王', roleId: 'customer-service' });
    const token = await trainerToken(a.api);
    const own = (await a.api.openProfileSession({ profileId: p.id })).token;
    await expect(a.api.setContentFolder({ token: own, path: other })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await a.api.setContentFolder({ token, path: other })).toEqual({ contentDir: other });
    expect((await a.api.getAppInfo({})).pack.id).toBe('other');
    expect((await a.api.listProfiles({})).map((x) => x.id)).toContain(p.id);
    // Sessions are about the data folder: they outlive the switch.
    expect((await a.api.getReadingList({ token: own, profileId: p.id })).bookmarks).toEqual([]);
    await a.close();

    const b = await createSwappableCore({ contentDir: FIXTURE_PACK, dataDir });
    open.push(b);
    expect((await b.api.getAppInfo({})).paths.contentDir).toBe(other);
    await b.api.setContentFolder({ token: await trainerToken(b.api, false), path: null });
    expect((await b.api.getAppInfo({})).pack.id).toBe('contract-fixture');
    expect((await b.api.getSettings({})).contentDir).toBeNull();
  });

  it('refuses what is not a pack and keeps reading the current one', async () => {
    const c = await createSwappableCore({ contentDir: FIXTURE_PACK, dataDir: tmp('hb-swap-data-') });
    open.push(c);
    const empty = tmp('hb-empty-');
    const token = await trainerToken(c.api);
    const articlesOnly = tmp('hb-articles-only-');
    fs.mkdirSync(path.join(articlesOnly, 'articles'));
    fs.writeFileSync(path.join(articlesOnly, 'notes.txt'), 'mine');
    await expect(c.api.setContentFolder({ token, path: articlesOnly })).rejects.toMatchObject({ code: 'bad_request', key: 'notAPack' });
    await expect(c.api.setContentFolder({ path: empty } as never)).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(c.api.setContentFolder({ token, path: empty })).rejects.toMatchObject({ code: 'bad_request', message: expect.stringContaining('not a content pack') });
    await expect(c.api.setContentFolder({ token, path: '/no/such/folder' })).rejects.toMatchObject({ message: expect.stringContaining('folder not found') });
    await expect(c.api.setContentFolder({ token, path: 'relative/dir' })).rejects.toMatchObject({ message: expect.stringContaining('full path') });
    expect((await c.api.getAppInfo({})).pack.id).toBe('contract-fixture');
  });

  it('falls back to the default when the saved folder has gone (an unplugged drive)', async () => {
    const dataDir = tmp('hb-swap-data-');
    const other = otherPack();
    const a = await createSwappableCore({ contentDir: FIXTURE_PACK, dataDir });
    await a.api.setContentFolder({ token: await trainerToken(a.api), path: other });
    await a.close();
    fs.rmSync(other, { recursive: true, force: true });
    const b = await createSwappableCore({ contentDir: FIXTURE_PACK, dataDir });
    open.push(b);
    expect((await b.api.getAppInfo({})).pack.id).toBe('contract-fixture');
  });
});
