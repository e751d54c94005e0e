/**
 * Publishing a trainer's content edits in team mode (see DESIGN.md "Team mode"). Every save in the
 * app is already a commit on this PC; these methods say how and when those commits reach the team.
 */
import { z } from 'zod';
import { EditToken, NoArgs } from './primitives.js';
import type { TeamChange } from './team.js';

export const teamPublishRequests = {
  /**
   * "Publish" (trainers): commits what is saved, merges what the server has meanwhile (whole files;
   * a file changed on both sides waits on the conflict screen) and pushes this PC's commits to the
   * team branch, or to `review/<name>` when review before publish is on.
   */
  publishTeam: z.object({ token: EditToken }).strict(),
  /** How this PC publishes, and what waits to be published. No network. */
  getTeamPublishing: NoArgs,
  /** Changes how this PC publishes (trainers). */
  setTeamPublishing: z.object({
    token: EditToken,
    /** Push after every save instead of on "Publish". */
    autoPublish: z.boolean(),
    /** Publish to `review/<name>` for another trainer to merge, instead of to the team branch. */
    review: z.boolean(),
  }).strict(),
  /** The proposals waiting on the server's `review/*` branches (trainers): who, when, which files, the diffs. Fetches them. */
  listTeamReviews: z.object({ token: EditToken }).strict(),
  /**
   * Merges one proposal into the team branch and publishes it (trainers): fast-forward when possible,
   * else the whole-file merge of a sync (a file changed on both sides waits on the conflict screen).
   */
  mergeTeamReview: z.object({
    token: EditToken,
    /** The review branch, as listed (`review/<name>`). */
    branch: z.string().regex(/^review\/[a-z0-9-]{1,40}$/),
    /** The commit the reviewer looked at: exactly this is merged, even if the author published again since. */
    oid: z.string().regex(/^[0-9a-f]{40}$/),
  }).strict(),
} as const;

/** How this PC publishes content. */
export interface TeamPublishing {
  /** False when this content folder is not a team checkout (the rest is then the defaults). */
  joined: boolean;
  autoPublish: boolean;
  review: boolean;
  /** Files whose committed version here differs from the server's team branch (what Publish would send). */
  unpublished: number;
  /** The review branch this PC publishes to while review is on (`review/<name>`). */
  reviewBranch: string | null;
}

export interface TeamPublishResult {
  /** published: the server has this PC's commits · nothing: nothing to publish · conflict: files wait for a person · refused: the server refused the push (protected branch). */
  outcome: 'published' | 'nothing' | 'conflict' | 'refused';
  /** The branch pushed to (`main`, or `review/<name>`). */
  branch: string;
  /** Files the publish brought in from the server first. */
  pulled: number;
  /** Files waiting for a person (outcome "conflict"). */
  conflicts: string[];
}

/** One file a proposal changes against the team branch. */
export interface TeamReviewFile {
  path: string;
  kind: 'added' | 'changed' | 'removed';
  /** The article's title (front matter) when the file has one, else the path. */
  title: string;
  /** Line diff with a little context (as on the "What changed" page). */
  diff: TeamChange['diff'];
}

/** A proposal waiting on a `review/<name>` branch. */
export interface TeamReview {
  branch: string;
  /** The proposal's latest commit: what a merge takes. */
  oid: string;
  /** The latest commit's author and time (ISO) and message. */
  author: string;
  at: string;
  message: string;
  /** This PC's own review branch (a reviewer is usually someone else). */
  own: boolean;
  /** Files changed against the team branch (at most 100). */
  files: TeamReviewFile[];
}

export interface TeamReviewMergeResult {
  /** merged: on the team branch now · nothing: the team branch had it already · conflict: files wait on the conflict screen · refused: the server refused the push. */
  outcome: 'merged' | 'nothing' | 'conflict' | 'refused';
  conflicts: string[];
}

export interface TeamPublishResponses {
  listTeamReviews: { reviews: TeamReview[] };
  mergeTeamReview: TeamReviewMergeResult;
  publishTeam: TeamPublishResult;
  getTeamPublishing: TeamPublishing;
  setTeamPublishing: TeamPublishing;
}
