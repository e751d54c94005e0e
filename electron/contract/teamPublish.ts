/**
 * Publishing a trainer's content edits in team mode (see DESIGN.md "Team mode"). Every save in the
 * app is already a commit on this PC; these methods say how and when those commits reach the team.
 */
import { z } from 'zod';
import { EditToken, NoArgs } from './primitives.js';

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

export interface TeamPublishResponses {
  publishTeam: TeamPublishResult;
  getTeamPublishing: TeamPublishing;
  setTeamPublishing: TeamPublishing;
}
