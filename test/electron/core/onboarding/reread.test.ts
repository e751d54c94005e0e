import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, openCore, own, PASSPHRASE, people, tempDir, TRACK, writePack } from './fixture';

afterEach(closeAll);

describe('re-read on change', () => {
  it('flags a read step when its article changed since completion, and clears it on re-read', async () => {
    const content = writePack();
    const data = tempDir();
    let core = await openCore(content, data);
    const { learner, trainer, lt: first0 } = await people(core);
    let lt = first0;
    const ref = { profileId: learner.id, trackId: TRACK, stepId: 'read-refunds' };
    const first = await core.completeStep({ ...ref, token: lt });
    const hash = first.completed[0].contentHash;
    expect(hash).toBe(core.pack().articles.get('cs/refunds')!.source.hash);
    expect(first.tracks[0].phases[0].steps[0].needsReread).toBe(false);

    await core.close();
    fs.appendFileSync(path.join(content, 'articles/cs/refunds.md'), '\n## 新规则\n\n超过 1000 元需主管确认。\n');
    core = await openCore(content, data);
    lt = await own(core, learner.id); // a restart ends every session
    const tt = (await core.openEditSession({ profileId: trainer.id, passphrase: PASSPHRASE })).token;

    const p = await core.getProgress({ token: lt, profileId: learner.id });
    const step = p.tracks[0].phases[0].steps[0];
    expect(step).toMatchObject({ done: true, needsReread: true });
    expect(p.tracks[0]).toMatchObject({ needsReread: 1, done: 1 });
    expect(p.tracks[0].next[0]).toMatchObject({ stepId: 'read-refunds', reread: true, articleId: 'cs/refunds' });
    const rows = (await core.getDashboard({ token: tt })).rows;
    expect(rows.find((r) => r.profileId === learner.id)!.needsReread).toEqual([{ stepId: 'read-refunds', articleId: 'cs/refunds', title: '退款处理' }]);
    expect(rows.some((r) => r.profileId === trainer.id)).toBe(false); // a trainer without progress is no learner

    const again = await core.completeStep({ ...ref, token: lt });
    expect(again.completed[0].contentHash).not.toBe(hash);
    expect(again.tracks[0].phases[0].steps[0].needsReread).toBe(false);
  });

  it('does not flag an unchanged article or one that was deleted', async () => {
    const content = writePack();
    const data = tempDir();
    let core = await openCore(content, data);
    const { learner, lt: first0 } = await people(core);
    let lt = first0;
    await core.completeStep({ token: lt, profileId: learner.id, trackId: TRACK, stepId: 'read-presales' });
    await core.close();
    core = await openCore(content, data);
    lt = await own(core, learner.id); // a restart ends every session
    expect((await core.getProgress({ token: lt, profileId: learner.id })).tracks[0].needsReread).toBe(0);
    await core.close();
    fs.rmSync(path.join(content, 'articles/cs/presales.md'));
    core = await openCore(content, data);
    lt = await own(core, learner.id); // a restart ends every session
    expect((await core.getProgress({ token: lt, profileId: learner.id })).tracks[0].needsReread).toBe(0);
  });
});
