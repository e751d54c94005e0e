/** Team mode: the pack is a git checkout shared through a server (see DESIGN.md "Team mode"). */
import { z } from 'zod';

import { EditToken, NoArgs, ProfileId, SessionToken } from './primitives.js';

export const teamRequests = {
  /** Where this PC's team checkout stands; `{ joined: false }` when the content folder is not one. No network. */
  getTeamStatus: NoArgs,
  /**
   * "Check now": fetch and fast-forward the content, then move this PC's records. With a trainer's
   * `token` it also commits local edits, merges and publishes; without one it never publishes.
   */
  syncTeam: z.object({ token: SessionToken.optional() }).strict(),
  /** Clones the team's repository into an empty folder and switches Handbook to it (trainers). */
  joinTeam: z.object({
    token: EditToken,
    /**
     * http(s) address of the repository, without user name or password in it; or the path of a shared
     * folder (absolute, or a Windows UNC path), which needs none of the fields below.
     */
    url: z.string().trim().min(1).max(2000),
    /** Commit author (a git server: required). */
    name: z.string().trim().min(1).max(100).optional(),
    email: z.string().trim().min(3).max(200).optional(),
    /** Kept in the data folder only (mode 0600); empty or absent for a public repository. */
    username: z.string().max(200).optional(),
    password: z.string().max(2000).optional(),
    /** An empty or new folder for the checkout (a git server: required; a shared folder is read where it is). */
    contentDir: z.string().trim().min(1).max(2000).optional(),
  }).strict(),
  /** Articles added, changed and removed since this profile last looked, with who, when and the message. */
  listTeamChanges: z.object({ profileId: ProfileId }).strict(),
  /** The profile has seen everything up to now. */
  markTeamChangesSeen: z.object({ profileId: ProfileId }).strict(),
  /** Both versions of a file waiting for a person (trainers). */
  getTeamConflict: z.object({ token: EditToken, path: z.string().min(1).max(1000) }).strict(),
  /** Keep mine or take theirs for one waiting file; the next sync builds the merge (trainers). */
  resolveTeamConflict: z.object({ token: EditToken, path: z.string().min(1).max(1000), choice: z.enum(['mine', 'theirs']) }).strict(),
} as const;

/** Why a team operation failed; the UI says `team.reason.<reason>`. */
export type TeamReasonCode =
  | 'auth' // wrong user name, password or token
  | 'forbidden' // authenticated, but the server refused the push (protected branch)
  | 'unreachable' // no answer from the server
  | 'no_repository' // the server answered, but there is no such repository
  | 'not_pack' // the repository holds no handbook.yaml
  | 'rewritten' // the server's history no longer contains what this PC had
  | 'unsafe' // the repository holds something that may not be written to disk
  | 'not_joined' // this content folder is not a team checkout
  | 'bad_url'
  | 'folder_not_empty'
  | 'conflict'
  | 'review_gone'; // the review branch is no longer on the server (merged or withdrawn meanwhile)
export interface TeamStatusInfo {
  joined: boolean;
  /** `folder`: a shared network folder instead of a git server (url is its path). Absent: git. */
  mode?: 'git' | 'folder';
  url?: string;
  branch?: string;
  author?: { name: string; email: string };
  hasCredentials?: boolean;
  /** up_to_date · offline (failing since) · conflict · unpublished (local commits not on the server). */
  state?: 'up_to_date' | 'failing' | 'conflict' | 'unpublished';
  lastSyncAt?: string | null;
  failingSince?: string | null;
  lastError?: { reason: TeamReasonCode; message: string; at: string } | null;
  lastChange?: { at: string; files: number } | null;
  conflicts?: { path: string; choice?: 'mine' | 'theirs' }[];
  /** Files edited here and not yet committed. */
  localChanges?: number;
  /** This PC's records written since their last push (they go a few seconds after a write, or at the next sync). */
  recordsPending?: boolean;
  head?: string | null;
  /** While this PC joins a team: how far (present only then). */
  joining?: TeamJoinProgress;
}

/**
 * A join under way. connecting: asking the server · receiving: downloading objects · resolving:
 * unpacking them · checkout: writing the files into the content folder. `total` is null when the
 * server does not say (the bar then shows activity, not a share).
 */
export interface TeamJoinProgress { phase: 'connecting' | 'receiving' | 'resolving' | 'checkout'; loaded: number; total: number | null }
export interface TeamSyncInfo {
  outcome: 'up_to_date' | 'updated' | 'published' | 'merged' | 'conflict';
  pulled: number;
  pushed: boolean;
  conflicts: string[];
  publishRefused: boolean;
  /** The server has changes to files edited on this PC and not yet committed: they wait for a trainer's sync (nothing overwritten). */
  heldBack?: boolean;
  records: { pushed: number; pulled: number; total: number };
}
export interface TeamChange {
  path: string;
  /** Article id when the file is an article. */
  articleId?: string;
  title: string;
  kind: 'added' | 'changed' | 'removed';
  /** The latest commit that touched it. */
  author: string;
  at: string;
  message: string;
  /** Line diff of the text: `+` added, `-` removed, ` ` kept (context only around changes). */
  diff: { op: '+' | '-' | ' '; text: string }[];
}
export interface TeamChanges { since: string | null; head: string | null; changes: TeamChange[] }

export interface TeamResponses {
  getTeamStatus: TeamStatusInfo;
  syncTeam: TeamSyncInfo;
  joinTeam: { contentDir: string; switched: boolean };
  listTeamChanges: TeamChanges;
  markTeamChangesSeen: { seen: string | null };
  getTeamConflict: { path: string; mine: string | null; theirs: string | null; choice?: 'mine' | 'theirs' };
  resolveTeamConflict: { waiting: number };
}
