import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listFiles } from '../core/team/teamFixture.js';
import { shareTeam, step } from './shareFixture.js';

/**
 * Anyone who may write the share may put a symbolic link where a PC writes its own files
 * (`records/<profileId>/`, `roster/`, `records/`). A link on an SMB share resolves on the PC that
 * follows it, so writing through it would put this PC's files anywhere on this PC.
 */
let team: ReturnType<typeof shareTeam>;
beforeEach(() => { team = shareTeam(); });
afterEach(async () => { await team.dispose(); });

const LINKS: [string, (profileId: string) => string][] = [
  ['a learner\'s folder', (id) => `records/${id}`],
  ['the records folder', () => 'records'],
  ['the roster folder', () => 'roster'],
];

describe('links planted in the share', () => {
  it('a link waiting where this PC puts its temporary file: nothing is written through it', async () => {
    const a = await team.pc('a');
    const ming = await a.core.createProfile({ name: '小明', roleId: 'customer-service' });
    const mt = (await a.core.openProfileSession({ profileId: ming.id })).token;
    await a.core.completeStep({ token: mt, ...step(ming.id, 'task-login') });
    const outside = path.join(team.tmp, 'outside.json');
    fs.writeFileSync(outside, 'untouched');
    // The temporary name is the file's name and this process's id: easy to guess on a shared PC.
    const tmpName = path.join(team.share, 'records', ming.id, `${a.deviceId()}.json.${process.pid}.tmp`);
    fs.mkdirSync(path.dirname(tmpName), { recursive: true });
    fs.symlinkSync(outside, tmpName);
    await a.core.syncTeam({});
    expect(fs.readFileSync(outside, 'utf8')).toBe('untouched');
    expect(fs.readFileSync(path.join(team.share, 'records', ming.id, `${a.deviceId()}.json`), 'utf8')).toContain('task-login');
  });

  for (const [what, rel] of LINKS) {
    it(`${what} as a link out of the share: this PC writes nothing through it`, async () => {
      const a = await team.pc('a');
      const ming = await a.core.createProfile({ name: '小明', roleId: 'customer-service' });
      const mt = (await a.core.openProfileSession({ profileId: ming.id })).token;
      await a.core.completeStep({ token: mt, ...step(ming.id, 'task-login') });
      const outside = path.join(team.tmp, 'outside');
      fs.mkdirSync(outside);
      const link = path.join(team.share, rel(ming.id));
      fs.mkdirSync(path.dirname(link), { recursive: true });
      fs.rmSync(link, { recursive: true, force: true });
      fs.symlinkSync(outside, link, 'dir');

      // The sync says why, in the person's language (key), and writes nothing through the link.
      await expect(a.core.syncTeam({})).rejects.toMatchObject({ key: 'team.reason.unsafe' });
      expect(listFiles(outside)).toEqual([]);
      expect(await a.core.getTeamStatus({})).toMatchObject({ lastError: { reason: 'unsafe' } });
      // The PC keeps working, and its records stay in its own data folder.
      await a.core.completeStep({ token: mt, ...step(ming.id, 'read-refunds') });
      await a.core.syncTeam({}).catch(() => {});
      expect(listFiles(outside)).toEqual([]);
      expect(fs.readdirSync(path.join(team.dataDirOf('a'), 'records', ming.id))).not.toEqual([]);
    });
  }
});
