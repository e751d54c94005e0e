import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { joinTeam } from '../../../../electron/core/team/join.js';
import { syncContent } from '../../../../electron/core/team/sync.js';
import { git } from '../../../support/gitServer.js';
import { read, useTeamFixture, TRAINER, write } from './teamFixture.js';

const fx = useTeamFixture();

const author = { name: '王老师', email: 'wang@example.test' };

describe('join writes its own checkout', () => {
  it('leaves a checkout real git sees as clean: every file, its executable bit and the index', async () => {
    fx.seed.commit({ 'tools/check.sh': '#!/bin/sh\necho ok\n', 'articles/deep/nested/a.md': '# A\n' }, 'More files');
    fs.chmodSync(path.join(fx.seed.dir, 'tools/check.sh'), 0o755);
    git(fx.seed.dir, 'add', '-A');
    git(fx.seed.dir, 'commit', '-q', '-m', 'Executable');
    git(fx.seed.dir, 'push', '-q', 'origin', 'HEAD:refs/heads/main');
    const pc = fx.pc();
    const progress: number[] = [];
    await joinTeam({ url: fx.url, ...pc, author, credentials: TRAINER, onProgress: (p) => { if (p.phase === 'Checking out') progress.push(p.loaded); } });
    // git's own view: nothing modified, nothing untracked, nothing staged.
    expect(git(pc.contentDir, 'status', '--porcelain')).toBe('');
    expect(git(pc.contentDir, 'ls-files').trim().split('\n').sort()).toEqual(git(fx.seed.dir, 'ls-files').trim().split('\n').sort());
    expect(fs.statSync(path.join(pc.contentDir, 'tools/check.sh')).mode & 0o111).not.toBe(0);
    expect(read(pc.contentDir, 'articles/deep/nested/a.md')).toBe('# A\n');
    expect(progress.at(-1)).toBe(git(fx.seed.dir, 'ls-files').trim().split('\n').length);
  });

  it('finds an edit made right after join, and commits only that file', async () => {
    const pc = fx.pc();
    await joinTeam({ url: fx.url, ...pc, author, credentials: TRAINER });
    write(pc.contentDir, 'articles/shipping.md', '---\nid: shipping\ntitle: Shipping\n---\n\nShip within 24 hours.\n');
    const r = await syncContent({ ...pc, credentials: TRAINER, lang: 'en' });
    expect(r.pushed).toBe(true);
    expect(git(fx.server.repoDir('pack'), 'show', '--name-only', '--format=%s', 'main').trim().split('\n').filter(Boolean)).toEqual(['Update Shipping', 'articles/shipping.md']);
  });
});

describe('a sync with nothing new', () => {
  it('asks only for the list of refs: no pack negotiation with the server', async () => {
    const pc = fx.pc();
    await joinTeam({ url: fx.url, ...pc, author, credentials: TRAINER });
    const before = fx.server.requests.length;
    const r = await syncContent({ ...pc, credentials: TRAINER });
    expect(r.outcome).toBe('up_to_date');
    const asked = fx.server.requests.slice(before).filter((q) => q.status === 200).map((q) => q.path);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((p) => p.endsWith('/info/refs'))).toBe(true);
    // And once the server moved, the next sync fetches and brings the change.
    fx.seed.commit({ 'articles/shipping.md': '# Shipping\n\nNew rule.\n' }, 'Server edit');
    const moved = await syncContent({ ...pc, credentials: TRAINER });
    expect(moved.outcome).toBe('updated');
    expect(read(pc.contentDir, 'articles/shipping.md')).toContain('New rule.');
  });
});
