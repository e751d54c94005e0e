import { describe, expect, it } from 'vitest';
import { git, type SeedClone } from '../../../support/gitServer.js';
import { read, useTeamFixture } from './teamFixture.js';

/** A reviewer sees the proposals on `review/*` and merges one into the team branch from the app. */
const fx = useTeamFixture();
const REFUNDS = 'articles/cs/refunds.md';
const PRESALES = 'articles/cs/presales.md';

/** The reviewer's PC: joined, with a trainer session. */
async function reviewer() {
  const { seed, pc, core, token } = await fx.trainerPc({ name: '王老师', email: 'wang@example.test' }, { passphrase: 'team reviewer 4321' });
  return { seed, pc, token, c: core };
}

const server = () => fx.server.repoDir('real');
const serverFile = (ref: string, rel: string) => git(server(), 'show', `${ref}:${rel}`);
const rev = (ref: string) => git(server(), 'rev-parse', ref).trim();

/** Another trainer's proposal, pushed with plain git to `review/<name>` from where main stood. */
function propose(seed: SeedClone, name: string, files: Record<string, string>, message: string): string {
  git(seed.dir, 'checkout', '-q', '-B', name);
  const oid = seed.commit(files, message, `review/${name}`);
  git(seed.dir, 'checkout', '-q', 'main');
  return oid;
}
const withLine = (dir: string, rel: string, line: string) => read(dir, rel) + `\n${line}\n`;

describe('reviewing proposals', () => {
  it('lists a proposal with who, when, which files and the diff, and fast-forwards the team branch to it', async () => {
    const { seed, pc, token, c } = await reviewer();
    expect(await c.listTeamReviews({ token })).toEqual({ reviews: [] });
    const oid = propose(seed, 'li', { [REFUNDS]: withLine(seed.dir, REFUNDS, '审核后：三天内退款。') }, '更新 退款流程');
    const { reviews } = await c.listTeamReviews({ token });
    expect(reviews).toHaveLength(1);
    const [r] = reviews;
    expect(r).toMatchObject({ branch: 'review/li', oid, message: '更新 退款流程', own: false, author: git(seed.dir, 'log', '-1', '--format=%an', oid).trim() });
    expect(Date.parse(r.at)).not.toBeNaN();
    expect(r.files).toEqual([expect.objectContaining({ path: REFUNDS, kind: 'changed', title: '退款流程' })]);
    expect(r.files[0].diff).toContainEqual({ op: '+', text: '审核后：三天内退款。' });
    expect(r.files[0].diff.filter((l) => l.op === '-')).toEqual([]);
    // Listing changes nothing on the server or in the folder.
    expect(read(pc.contentDir, REFUNDS)).not.toContain('审核后');

    expect(await c.mergeTeamReview({ token, branch: 'review/li', oid })).toEqual({ outcome: 'merged', conflicts: [] });
    expect(rev('main')).toBe(oid); // a fast-forward: the proposal's own commit, no merge commit
    expect(read(pc.contentDir, REFUNDS)).toContain('审核后：三天内退款。');
    expect(await c.listTeamReviews({ token })).toEqual({ reviews: [] });
    // Left on the server for its author's next publish to replace.
    expect(rev('review/li')).toBe(oid);
    expect((await c.getTeamStatus({})).conflicts).toEqual([]);
  });

  it('merges a proposal by whole files when the team branch moved meanwhile, and merges exactly the commit listed', async () => {
    const { seed, pc, token, c } = await reviewer();
    const oid = propose(seed, 'li', { [REFUNDS]: withLine(seed.dir, REFUNDS, '提案一。') }, 'Proposal one');
    seed.commit({ [PRESALES]: withLine(seed.dir, PRESALES, '主分支的修改。') }, 'Main moved');
    const { reviews } = await c.listTeamReviews({ token });
    expect(reviews.map((r) => r.files.map((f) => f.path))).toEqual([[REFUNDS]]);
    // The author publishes again after the reviewer looked: the listed commit is what is merged.
    git(seed.dir, 'checkout', '-q', 'li');
    const newer = seed.commit({ [REFUNDS]: withLine(seed.dir, REFUNDS, '提案二，未审。') }, 'Proposal two', 'review/li');
    git(seed.dir, 'checkout', '-q', 'main');

    expect(await c.mergeTeamReview({ token, branch: 'review/li', oid })).toEqual({ outcome: 'merged', conflicts: [] });
    expect(git(server(), 'log', '-1', '--format=%s|%P', 'main').trim()).toMatch(/^Merge review\/li \(reviewed by 王老师\)\|\w{40} \w{40}$/);
    expect(serverFile('main', REFUNDS)).toContain('提案一。');
    expect(serverFile('main', REFUNDS)).not.toContain('提案二');
    expect(serverFile('main', PRESALES)).toContain('主分支的修改。');
    expect(read(pc.contentDir, PRESALES)).toContain('主分支的修改。');
    expect(git(server(), 'fsck', '--no-progress').trim()).toBe('');
    // The newer, unreviewed commit still waits.
    const after = await c.listTeamReviews({ token });
    expect(after.reviews.map((r) => r.oid)).toEqual([newer]);
  });

  it('sends a file changed on both sides to the conflict screen and publishes once the reviewer chose', async () => {
    const { seed, pc, token, c } = await reviewer();
    const oid = propose(seed, 'li', { [REFUNDS]: withLine(seed.dir, REFUNDS, '提案的说法。') }, 'Proposal');
    seed.commit({ [REFUNDS]: withLine(seed.dir, REFUNDS, '主分支的说法。') }, 'Main says otherwise');
    const mainBefore = rev('main');
    await c.listTeamReviews({ token });

    expect(await c.mergeTeamReview({ token, branch: 'review/li', oid })).toEqual({ outcome: 'conflict', conflicts: [REFUNDS] });
    expect(rev('main')).toBe(mainBefore);
    expect((await c.getTeamStatus({})).conflicts).toEqual([{ path: REFUNDS }]);
    const versions = await c.getTeamConflict({ token, path: REFUNDS });
    expect(versions.mine).toContain('主分支的说法。');
    expect(versions.theirs).toContain('提案的说法。');
    expect(read(pc.contentDir, REFUNDS)).not.toContain('<<<<<<<');

    expect(await c.resolveTeamConflict({ token, path: REFUNDS, choice: 'theirs' })).toEqual({ waiting: 0 });
    const synced = await c.syncTeam({ token });
    expect(synced).toMatchObject({ pushed: true, conflicts: [] });
    expect(serverFile('main', REFUNDS)).toContain('提案的说法。');
    expect(serverFile('main', REFUNDS)).not.toContain('主分支的说法。');
    expect(read(pc.contentDir, REFUNDS)).toContain('提案的说法。');
    expect(await c.listTeamReviews({ token })).toEqual({ reviews: [] });
    // Done: a later sync does not merge it again.
    expect(await c.syncTeam({ token })).toMatchObject({ outcome: 'up_to_date', pushed: false });
  });

  it('refuses a proposal this PC did not list, or one listed at another commit, in the reviewer’s language', async () => {
    const { seed, token, c } = await reviewer();
    const oid = propose(seed, 'li', { [REFUNDS]: withLine(seed.dir, REFUNDS, '提案。') }, 'Proposal');
    const mainBefore = rev('main');
    await expect(c.mergeTeamReview({ token, branch: 'review/li', oid })).rejects.toMatchObject({ code: 'not_found', key: 'team.reason.review_gone' });
    await c.listTeamReviews({ token });
    await expect(c.mergeTeamReview({ token, branch: 'review/li', oid: 'a'.repeat(40) })).rejects.toMatchObject({ key: 'team.reason.review_gone' });
    await expect(c.mergeTeamReview({ token, branch: 'review/nobody', oid })).rejects.toMatchObject({ key: 'team.reason.review_gone' });
    await expect(c.mergeTeamReview({ token: 'x'.repeat(32), branch: 'review/li', oid })).rejects.toMatchObject({ code: 'unauthorized' });
    expect(rev('main')).toBe(mainBefore);
  });
});
