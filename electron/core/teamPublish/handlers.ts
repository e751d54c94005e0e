import type { Handlers } from '../../contract.js';
import { loadCredentials } from '../team/credentials.js';
import { TeamError } from '../team/errors.js';
import { commitSaved, publishContent, publishingInfo } from '../team/publish.js';
import { readPublishing, writePublishing } from '../team/publishing.js';
import { listReviews, mergeReview } from '../team/reviews.js';
import { joinedState } from '../team/sync.js';

export type TeamPublishMethods = 'publishTeam' | 'getTeamPublishing' | 'setTeamPublishing' | 'listTeamReviews' | 'mergeTeamReview';

export interface TeamPublishContext {
  contentDir: string;
  dataDir: string;
  /** Throws unless the token is a live trainer session. */
  requireTrainer(token: string): unknown;
  /** The pack's language: commit messages are written in it. */
  language(): 'zh-CN' | 'en';
}

export function teamPublishHandlers(ctx: TeamPublishContext): Pick<Handlers, TeamPublishMethods> & { afterSave(paths: string[]): void; settled(): Promise<void> } {
  const publish = () => publishContent({ dataDir: ctx.dataDir, contentDir: ctx.contentDir, credentials: loadCredentials(ctx.dataDir), lang: ctx.language() });
  // Saves commit one after another, in the order they were made; the save itself does not wait.
  let queue: Promise<void> = Promise.resolve();
  return {
    async publishTeam({ token }) {
      ctx.requireTrainer(token);
      return publish();
    },
    async getTeamPublishing() { return publishingInfo(ctx.dataDir, ctx.contentDir); },
    async setTeamPublishing({ token, autoPublish, review }) {
      ctx.requireTrainer(token);
      joinedState(ctx.dataDir, ctx.contentDir);
      writePublishing(ctx.dataDir, { autoPublish, review });
      return publishingInfo(ctx.dataDir, ctx.contentDir);
    },
    async listTeamReviews({ token }) {
      ctx.requireTrainer(token);
      return { reviews: await listReviews({ dataDir: ctx.dataDir, contentDir: ctx.contentDir, credentials: loadCredentials(ctx.dataDir) }) };
    },
    async mergeTeamReview({ token, branch, oid }) {
      ctx.requireTrainer(token);
      // After the saves made so far are commits: the merge builds on them.
      await queue;
      return mergeReview({ dataDir: ctx.dataDir, contentDir: ctx.contentDir, credentials: loadCredentials(ctx.dataDir), lang: ctx.language(), branch, oid });
    },
    afterSave(paths) {
      queue = queue.then(async () => {
        const commit = await commitSaved({ dataDir: ctx.dataDir, contentDir: ctx.contentDir, paths, lang: ctx.language() });
        if (commit && readPublishing(ctx.dataDir).autoPublish) await publish();
      }).catch((err: unknown) => {
        // A failed publish is in the team state (reason, since when) for the status to show; the commit stays here.
        if (!(err instanceof TeamError)) console.error('team: committing a save failed:', (err as Error).message);
      });
    },
    settled() { return queue; },
  };
}
