import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { syncRecords, syncRecordsFolder, RECORDS_BRANCH } from '../../../../electron/core/team/records.js';
import { git } from '../../../support/gitServer.js';
import { LEARNER, read, useTeamFixture, TRAINER, write } from './teamFixture.js';

const fx = useTeamFixture();

const author = { name: 'Learner', email: 'l@example.test' };
const events = (...ids: string[]) => JSON.stringify({ events: ids.map((id) => ({ id, type: 'read' })) });

describe('records over git', () => {
  it('a sync with nothing new asks only for the list of refs, and a later one reads only what changed', async () => {
    const a = fx.pc('a');
    const b = fx.pc('b');
    write(a.dataDir, 'records/p-ming/dev-a.json', events('e1'));
    write(a.dataDir, 'records/p-li/dev-a.json', events('e2'));
    await syncRecords({ dataDir: a.dataDir, url: fx.url, credentials: LEARNER, deviceId: 'dev-a', author });
    expect(await syncRecords({ dataDir: b.dataDir, url: fx.url, credentials: LEARNER, deviceId: 'dev-b', author })).toMatchObject({ pulled: 2, total: 2 });
    const before = fx.server.requests.length;
    expect(await syncRecords({ dataDir: b.dataDir, url: fx.url, credentials: LEARNER, deviceId: 'dev-b', author })).toEqual({ pushed: 0, pulled: 0, total: 2, files: [] });
    expect(fx.server.requests.slice(before).filter((q) => q.status === 200).every((q) => q.path.endsWith('/info/refs'))).toBe(true);
    // A file B already has, damaged here on disk, stays as it is: only A's new change comes over.
    write(b.dataDir, 'records/p-li/dev-a.json', 'damaged locally');
    write(a.dataDir, 'records/p-ming/dev-a.json', events('e1', 'e3'));
    await syncRecords({ dataDir: a.dataDir, url: fx.url, credentials: LEARNER, deviceId: 'dev-a', author });
    expect(await syncRecords({ dataDir: b.dataDir, url: fx.url, credentials: LEARNER, deviceId: 'dev-b', author })).toEqual({ pushed: 0, pulled: 1, total: 2, files: ['records/p-ming/dev-a.json'] });
    expect(read(b.dataDir, 'records/p-ming/dev-a.json')).toBe(events('e1', 'e3'));
    expect(read(b.dataDir, 'records/p-li/dev-a.json')).toBe('damaged locally');
  });

  it('each PC pushes its own files to the records branch and pulls everyone else\'s, across learner accounts', async () => {
    const a = fx.pc('a');
    const b = fx.pc('b');
    write(a.dataDir, 'records/p-ming/dev-a.json', events('e1'));
    write(b.dataDir, 'records/p-ming/dev-b.json', events('e2'));
    write(b.dataDir, 'records/p-li/dev-b.json', events('e3'));
    const ra = await syncRecords({ dataDir: a.dataDir, url: fx.url, credentials: LEARNER, deviceId: 'dev-a', author });
    expect(ra).toEqual({ pushed: 1, pulled: 0, total: 1, files: [] });
    const rb = await syncRecords({ dataDir: b.dataDir, url: fx.url, credentials: LEARNER, deviceId: 'dev-b', author });
    expect(rb).toMatchObject({ pushed: 2, pulled: 1, total: 3 });
    expect(read(b.dataDir, 'records/p-ming/dev-a.json')).toBe(events('e1'));
    const again = await syncRecords({ dataDir: a.dataDir, url: fx.url, credentials: TRAINER, deviceId: 'dev-a', author });
    expect(again).toEqual({ pushed: 0, pulled: 2, total: 3, files: ["records/p-li/dev-b.json", "records/p-ming/dev-b.json"] });
    expect(read(a.dataDir, 'records/p-li/dev-b.json')).toBe(events('e3'));
    const onServer = git(fx.server.repoDir('pack'), 'ls-tree', '-r', '--name-only', RECORDS_BRANCH).trim().split('\n');
    expect(onServer.sort()).toEqual(['records/p-li/dev-b.json', 'records/p-ming/dev-a.json', 'records/p-ming/dev-b.json']);
    // The content branch is untouched by records.
    expect(git(fx.server.repoDir('pack'), 'ls-tree', '-r', '--name-only', 'main')).not.toMatch(/records\//);
  });

  it('six PCs pushing at the same moment all land: a ref the server could not lock is retried, not reported as refused', async () => {
    const pcs = ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => ({ n, ...fx.pc(n) }));
    // The branch exists first, so every push below races to move the same ref.
    write(pcs[0].dataDir, 'records/p-0/dev-a.json', events('e0'));
    await syncRecords({ dataDir: pcs[0].dataDir, url: fx.url, credentials: LEARNER, deviceId: 'dev-a', author });
    for (let round = 1; round <= 3; round++) {
      for (const pc of pcs) write(pc.dataDir, `records/p-${pc.n}/dev-${pc.n}.json`, events(`e${round}`));
      const results = await Promise.allSettled(pcs.map((pc) => syncRecords({ dataDir: pc.dataDir, url: fx.url, credentials: LEARNER, deviceId: `dev-${pc.n}`, author })));
      expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    }
    const onServer = git(fx.server.repoDir('pack'), 'ls-tree', '-r', '--name-only', RECORDS_BRANCH).trim().split('\n');
    expect(onServer.sort()).toEqual(['records/p-0/dev-a.json', ...pcs.map((pc) => `records/p-${pc.n}/dev-${pc.n}.json`)].sort());
    for (const pc of pcs) expect(git(fx.server.repoDir('pack'), 'show', `${RECORDS_BRANCH}:records/p-${pc.n}/dev-${pc.n}.json`)).toBe(events('e3'));
  }, 60_000); // 18 pushes through a real git server, up to 10 rounds each: 12 s in CI, over 20 s on a loaded machine

  it('never overwrites this PC\'s own file with the server\'s copy', async () => {
    const a = fx.pc('a');
    write(a.dataDir, 'records/p-ming/dev-a.json', events('e1'));
    await syncRecords({ dataDir: a.dataDir, url: fx.url, credentials: LEARNER, deviceId: 'dev-a', author });
    write(a.dataDir, 'records/p-ming/dev-a.json', events('e1', 'e2'));
    const r = await syncRecords({ dataDir: a.dataDir, url: fx.url, credentials: LEARNER, deviceId: 'dev-a', author });
    expect(r.pushed).toBe(1);
    expect(read(a.dataDir, 'records/p-ming/dev-a.json')).toBe(events('e1', 'e2'));
    expect(git(fx.server.repoDir('pack'), 'show', `${RECORDS_BRANCH}:records/p-ming/dev-a.json`)).toBe(events('e1', 'e2'));
  });

  it('keeps records written offline and pushes them when the server is back', async () => {
    const a = fx.pc('a');
    write(a.dataDir, 'records/p-ming/dev-a.json', events('offline'));
    await fx.server.down();
    const err = await syncRecords({ dataDir: a.dataDir, url: fx.url, credentials: LEARNER, deviceId: 'dev-a', author }).catch((e) => e);
    expect(err.reason).toBe('unreachable');
    await fx.server.up();
    expect((await syncRecords({ dataDir: a.dataDir, url: fx.url, credentials: LEARNER, deviceId: 'dev-a', author })).pushed).toBe(1);
    expect(git(fx.server.repoDir('pack'), 'show', `${RECORDS_BRANCH}:records/p-ming/dev-a.json`)).toBe(events('offline'));
    expect(git(fx.server.repoDir('pack'), 'fsck', '--strict')).toBe('');
  });

  it('ignores files outside the records layout and broken JSON from other devices', async () => {
    fx.seed.commit({ 'records/p-x/dev-z.json': '{"half":', 'records/../evil.json': '{}', 'notes.txt': 'x' }, 'junk', RECORDS_BRANCH);
    const a = fx.pc('a');
    const r = await syncRecords({ dataDir: a.dataDir, url: fx.url, credentials: LEARNER, deviceId: 'dev-a', author });
    expect(r.pulled).toBe(0);
    expect(fs.existsSync(path.join(a.dataDir, 'records', 'p-x', 'dev-z.json'))).toBe(false);
  });
});

describe('records on a shared folder', () => {
  it('each PC writes only its own files there and reads everyone\'s, including a PC that was offline and writes later', () => {
    const share = path.join(fx.tmp, 'share');
    const a = fx.pc('a');
    const b = fx.pc('b');
    write(a.dataDir, 'records/p-ming/dev-a.json', events('a1'));
    expect(syncRecordsFolder({ dataDir: a.dataDir, share, deviceId: 'dev-a' })).toMatchObject({ pushed: 1, pulled: 0, total: 1 });
    // B was offline (no share) while writing; it copies when it is back.
    write(b.dataDir, 'records/p-ming/dev-b.json', events('b1'));
    write(b.dataDir, 'records/p-ming/dev-a.json', events('stale copy'));
    expect(syncRecordsFolder({ dataDir: b.dataDir, share, deviceId: 'dev-b' })).toMatchObject({ pushed: 1, pulled: 1, total: 2 });
    expect(read(b.dataDir, 'records/p-ming/dev-a.json')).toBe(events('a1'));
    expect(read(share, 'records/p-ming/dev-a.json')).toBe(events('a1'));
    expect(syncRecordsFolder({ dataDir: a.dataDir, share, deviceId: 'dev-a' })).toEqual({ pushed: 0, pulled: 1, total: 2, files: ['records/p-ming/dev-b.json'] });
    expect(read(a.dataDir, 'records/p-ming/dev-b.json')).toBe(events('b1'));
  });
});
