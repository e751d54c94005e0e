import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../electron/core/index.js';
import { joinShare } from '../../../../electron/core/team/share.js';

/**
 * "What changed" on a shared-folder team (no git): each PC keeps what its profiles last saw of every
 * article and diffs the share against it. A second local folder stands in for the share.
 */
const PACK = 'test/fixtures/contract-pack';
const REFUNDS = 'articles/cs/refunds.md';
let tmp: string;
let share: string;
const cores: Core[] = [];

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hb-sharechg-'));
  share = path.join(tmp, 'share');
  fs.cpSync(PACK, path.join(share, 'content'), { recursive: true });
});
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close().catch(() => {});
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function pcJoined(name: string) {
  const dataDir = path.join(tmp, name);
  joinShare(dataDir, share);
  const core = await createCore({ contentDir: path.join(share, 'content'), dataDir });
  cores.push(core);
  return { core, dataDir };
}
const inShare = (rel: string) => path.join(share, 'content', rel);
/** A trainer edits the share from their own PC (a file copy: no events reach the others). */
function trainerEdits(n: number) {
  fs.appendFileSync(inShare(REFUNDS), `\n第 ${n} 次修改：退款三天内处理。\n`);
  fs.writeFileSync(inShare(`articles/cs/new-${n}.md`), `---\ntitle: 新文章 ${n}\nupdated_by: 李老师\nupdated: 2026-11-30\n---\n# 新文章 ${n}\n\n内容。\n`);
}

describe('What changed on a shared folder', () => {
  it('lists added, changed and removed articles with who, when and the text diff; seen clears it per profile', async () => {
    const { core } = await pcJoined('b');
    const ming = await core.createProfile({ name: '小明', roleId: 'customer-service' });
    const hong = await core.createProfile({ name: '小红', roleId: 'customer-service' });
    expect((await core.listTeamChanges({ profileId: ming.id })).changes).toEqual([]);

    trainerEdits(1);
    fs.rmSync(inShare('articles/cs/presales.md'));
    await core.syncTeam({}); // the poll
    const { changes } = await core.listTeamChanges({ profileId: ming.id });
    expect(changes.map((c) => [c.path, c.kind]).sort()).toEqual([
      ['articles/cs/new-1.md', 'added'], ['articles/cs/presales.md', 'removed'], [REFUNDS, 'changed'],
    ]);
    const added = changes.find((c) => c.kind === 'added')!;
    expect(added).toMatchObject({ articleId: 'cs/new-1', title: '新文章 1', author: '李老师', at: new Date('2026-11-30').toISOString() });
    const changed = changes.find((c) => c.kind === 'changed')!;
    expect(changed).toMatchObject({ title: '退款流程', author: '' });
    expect(Math.abs(Date.parse(changed.at) - fs.statSync(inShare(REFUNDS)).mtimeMs)).toBeLessThan(1000); // no commit: the file's time
    expect(changed.diff).toContainEqual({ op: '+', text: '第 1 次修改：退款三天内处理。' });
    expect(changes.find((c) => c.kind === 'removed')!.diff.some((d) => d.op === '-' && d.text.includes('售前回复'))).toBe(true);

    await core.markTeamChangesSeen({ profileId: ming.id });
    expect((await core.listTeamChanges({ profileId: ming.id })).changes).toEqual([]);
    expect((await core.listTeamChanges({ profileId: hong.id })).changes).toHaveLength(3); // 小红 has not looked yet
  });

  it('a PC that was offline: the share away says so; back, it shows everything since its profile last looked, across several edits', async () => {
    const { core, dataDir } = await pcJoined('c');
    const ming = await core.createProfile({ name: '小明', roleId: 'customer-service' });
    await core.markTeamChangesSeen({ profileId: ming.id });
    const before = fs.readFileSync(inShare(REFUNDS), 'utf8');

    fs.renameSync(share, share + '-away'); // the NAS is off / the laptop left the office
    await expect(core.listTeamChanges({ profileId: ming.id })).rejects.toMatchObject({ key: 'team.reason.unreachable' });
    await expect(core.syncTeam({})).rejects.toMatchObject({ key: 'team.reason.unreachable' });
    fs.renameSync(share + '-away', share);
    trainerEdits(1); // meanwhile others edited twice
    trainerEdits(2);

    const { changes } = await core.listTeamChanges({ profileId: ming.id });
    expect(changes.map((c) => c.path).sort()).toEqual(['articles/cs/new-1.md', 'articles/cs/new-2.md', REFUNDS]);
    const diff = changes.find((c) => c.path === REFUNDS)!.diff.filter((d) => d.op === '+' && d.text).map((d) => d.text);
    expect(diff).toEqual(['第 1 次修改：退款三天内处理。', '第 2 次修改：退款三天内处理。']);
    // What this PC keeps is bounded: one text per version still needed (the join's and today's); a
    // version only ever seen in passing goes once the profile marks the page seen.
    trainerEdits(3);
    await core.markTeamChangesSeen({ profileId: ming.id });
    const texts = fs.readdirSync(path.join(dataDir, 'team', 'share-texts')).map((f) => fs.readFileSync(path.join(dataDir, 'team', 'share-texts', f), 'utf8'));
    expect(texts).toHaveLength(3 + 4); // at join: 2 articles and 1 role guide; now: refunds, new-1..3
    expect(texts).toContain(before);
    expect(texts.filter((t) => t.includes('第 2 次修改') && !t.includes('第 3 次修改'))).toEqual([]);
    expect((await core.listTeamChanges({ profileId: ming.id })).changes).toEqual([]);
  });
});
