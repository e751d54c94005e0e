import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../../electron/core/index.js';
import { joinShare } from '../../../electron/core/team/share.js';

/**
 * A shared-folder team for attack tests: a second local folder stands in for the NAS, each PC is a
 * whole core with its own data folder, and the attacker is whoever writes files into the share.
 */
export const PACK = 'test/fixtures/contract-pack';
export const PASS = 'attack trainer 4321';
export const step = (profileId: string, stepId: string) => ({ profileId, trackId: 'customer-service', stepId });

export function shareTeam() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-attack-'));
  const share = path.join(tmp, 'share');
  fs.cpSync(PACK, path.join(share, 'content'), { recursive: true });
  const cores: Core[] = [];
  return {
    tmp, share,
    /** A PC of the team: joined to the share, records pushed at once. */
    async pc(name: string) {
      const dataDir = path.join(tmp, name);
      joinShare(dataDir, share);
      const core = await createCore({ contentDir: path.join(share, 'content'), dataDir, teamRecordsPushDelayMs: 60_000 });
      cores.push(core);
      const deviceId = () => fs.readFileSync(path.join(dataDir, 'device-id'), 'utf8').trim();
      return { core, dataDir, deviceId };
    },
    dataDirOf: (name: string) => path.join(tmp, name),
    /** What the attacker writes straight into the share (it has write access to it). */
    plant(rel: string, body: string) {
      const file = path.join(share, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, body);
      return file;
    },
    async dispose() {
      for (const c of cores.splice(0)) await c.close().catch(() => {});
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}
