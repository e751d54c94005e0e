import git from 'isomorphic-git';
import type { TeamReview, TeamReviewFile, TeamReviewMergeResult } from '../../contract.js';
import type { GitCredentials } from './credentials.js';
import { classifyGitError, TeamError } from './errors.js';
import { lineDiff } from './lineDiff.js';
import { withTeamLock } from './lock.js';
import { reviewBranchOf } from './publishing.js';
import { network } from './remote.js';
import { readState, writeState } from './state.js';
import { joinedState, syncContent } from './sync.js';
import { diffTrees, openRepo, treeOf, type Repo } from './tree.js';
import { tracked } from './workdir.js';

const MAX_FILES = 100;
const PREFIX = 'refs/heads/review/';
const TEXT = /\.(md|ya?ml|json|txt|csv)$/i;
const tracking = (branch: string) => `refs/remotes/origin/${branch}`;

async function text(repo: Repo, oid: string | undefined): Promise<string> {
  if (!oid) return '';
  return Buffer.from((await git.readBlob({ fs: repo.fs, dir: repo.dir, oid, cache: repo.cache })).blob).toString('utf8');
}
const titleIn = (md: string) => /^---[\s\S]*?^title:\s*["']?(.+?)["']?\s*$/m.exec(md)?.[1];

async function descends(repo: Repo, oid: string, ancestor: string): Promise<boolean> {
  if (oid === ancestor) return true;
  return git.isDescendent({ fs: repo.fs, dir: repo.dir, oid, ancestor, depth: -1, cache: repo.cache }).catch(() => false);
}

/**
 * The proposals waiting on the server's `review/*` branches: each one's newest commit, fetched
 * here, and the files it changes against the team branch (from where the two parted). A branch the
 * team branch already contains is merged and not listed; it stays on the server until its author's
 * next publish replaces it (see `mergeReview`).
 */
export async function listReviews(o: { dataDir: string; contentDir: string; credentials: GitCredentials | null }): Promise<TeamReview[]> {
  const state = joinedState(o.dataDir, o.contentDir);
  return withTeamLock(o.dataDir, async () => {
    const repo = openRepo(state.contentDir);
    const net = network(o.credentials);
    try {
      const refs = await git.listServerRefs({ ...net, url: state.url, prefix: PREFIX, protocolVersion: 1 });
      await git.fetch({ fs: repo.fs, dir: repo.dir, remote: 'origin', ref: state.branch, singleBranch: true, tags: false, cache: repo.cache, ...net });
      const team = await git.resolveRef({ fs: repo.fs, dir: repo.dir, ref: tracking(state.branch) });
      const own = reviewBranchOf(state.author);
      const reviews: TeamReview[] = [];
      for (const ref of refs) {
        const branch = ref.ref.slice('refs/heads/'.length);
        if (!/^review\/[a-z0-9-]{1,40}$/.test(branch)) continue;
        const known = await git.resolveRef({ fs: repo.fs, dir: repo.dir, ref: tracking(branch) }).catch(() => null);
        if (known !== ref.oid) await git.fetch({ fs: repo.fs, dir: repo.dir, remote: 'origin', ref: branch, singleBranch: true, tags: false, cache: repo.cache, ...net });
        // What the reviewer sees is what a merge may take: `mergeReview` checks against this ref.
        await git.writeRef({ fs: repo.fs, dir: repo.dir, ref: tracking(branch), value: ref.oid, force: true });
        if (await descends(repo, team, ref.oid)) continue;
        const [base] = await git.findMergeBase({ fs: repo.fs, dir: repo.dir, oids: [team, ref.oid], cache: repo.cache });
        const { commit } = await git.readCommit({ fs: repo.fs, dir: repo.dir, oid: ref.oid, cache: repo.cache });
        const changes = (await diffTrees(repo, base ? await treeOf(repo, base) : null, commit.tree)).filter((c) => tracked(c.path)).slice(0, MAX_FILES);
        const files: TeamReviewFile[] = [];
        for (const c of changes) {
          const readable = TEXT.test(c.path);
          const before = readable ? await text(repo, c.a?.oid) : '';
          const after = readable ? await text(repo, c.b?.oid) : '';
          files.push({ path: c.path, kind: !c.a ? 'added' : !c.b ? 'removed' : 'changed', title: titleIn(after) ?? titleIn(before) ?? c.path, diff: readable ? lineDiff(before, after) : [] });
        }
        reviews.push({
          branch, oid: ref.oid, author: commit.author.name, at: new Date(commit.author.timestamp * 1000).toISOString(),
          message: commit.message.trim(), own: branch === own, files,
        });
      }
      return reviews.sort((a, b) => b.at.localeCompare(a.at));
    } catch (err) {
      throw classifyGitError(err);
    }
  });
}

/**
 * Merges the proposal the reviewer looked at (`oid`, as listed) into the team branch and publishes
 * it: a fast-forward when it builds on the team branch, else the whole-file merge of every sync,
 * with files changed on both sides waiting on the conflict screen; the merge then carries on with
 * the next publishing sync once each has a choice.
 *
 * The review branch is left on the server, not deleted: deleting needs a right that protected
 * branch setups often keep from trainers, a delete racing the author's newer publish would drop a
 * proposal nobody saw, and the author's next publish replaces the branch anyway. A merged branch is
 * contained in the team branch, so `listReviews` no longer shows it.
 */
export async function mergeReview(o: { dataDir: string; contentDir: string; credentials: GitCredentials | null; lang: 'zh-CN' | 'en'; branch: string; oid: string }): Promise<TeamReviewMergeResult> {
  const state = joinedState(o.dataDir, o.contentDir);
  await withTeamLock(o.dataDir, async () => {
    const repo = openRepo(state.contentDir);
    const listed = await git.resolveRef({ fs: repo.fs, dir: repo.dir, ref: tracking(o.branch) }).catch(() => null);
    const present = listed === o.oid && (await git.readCommit({ fs: repo.fs, dir: repo.dir, oid: o.oid, cache: repo.cache }).then(() => true, () => false));
    if (!present) throw new TeamError('review_gone', `no proposal ${o.branch} at ${o.oid.slice(0, 7)} was listed here; list the reviews again`, { branch: o.branch });
    writeState(o.dataDir, { ...(readState(o.dataDir) ?? state), reviewMerge: { branch: o.branch, oid: o.oid } });
  });
  const r = await syncContent({ contentDir: o.contentDir, dataDir: o.dataDir, credentials: o.credentials, lang: o.lang, publish: true });
  if (r.outcome === 'conflict') return { outcome: 'conflict', conflicts: r.conflicts };
  if (r.publishRefused) {
    // Nothing reached the team: the proposal stays listed, and this PC does not keep retrying it.
    writeState(o.dataDir, { ...r.state, reviewMerge: null });
    return { outcome: 'refused', conflicts: [] };
  }
  return { outcome: r.pushed ? 'merged' : 'nothing', conflicts: [] };
}
