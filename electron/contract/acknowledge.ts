/**
 * 阅读确认 (acknowledgement of policies): a trainer marks an article "must acknowledge" for some
 * roles or everyone, with a due date; each person in those roles confirms "I have read and
 * understood" the current version. The policy lives in the article's front matter
 * (`acknowledge: { roles, due, version, since }`), so it travels with the content to every PC;
 * confirmations are the person's own records.
 */
import { z } from 'zod';
import { ArticleId, EditToken, IsoDate, ProfileId, RoleId, SessionToken } from './primitives.js';

/** Who must confirm: `all` (everyone) or a list of role ids. */
export const AckRoles = z.union([z.literal('all'), z.array(RoleId).min(1).max(30)]);

export const acknowledgeRequests = {
  /** The policies this profile must confirm (pending, oldest due first) and those it has confirmed. The profile itself, or a trainer. */
  listMyAcknowledgements: z.object({ token: SessionToken, profileId: ProfileId }).strict(),
  /**
   * "I have read and understood": records the version and content hash the person read. Refused
   * (`conflict`, key `ackChanged`) when the article changed since it was shown. The profile itself only.
   */
  confirmAcknowledgement: z.object({
    token: SessionToken, profileId: ProfileId, articleId: ArticleId,
    /** The policy version shown (`AckPolicy.version`). */
    version: z.number().int().min(1).max(1_000_000),
    /** The article's hash as shown (`Article.hash`). */
    contentHash: z.string().min(1).max(64),
  }).strict(),
  /** An article's policy as its front matter states it, or null (trainers). */
  getAcknowledgementPolicy: z.object({ token: EditToken, articleId: ArticleId }).strict(),
  /**
   * Sets, changes or removes (`policy: null`) an article's policy in its front matter (trainers).
   * `material: true` starts a new version: everyone confirms again. Refused (`conflict`) when the
   * file is no longer `baseHash`.
   */
  setAcknowledgementPolicy: z.object({
    token: EditToken, articleId: ArticleId,
    /** The file's hash the editor holds (from `saveArticle` or `getArticleSource`). */
    baseHash: z.string().min(1).max(64),
    policy: z.object({ roles: AckRoles, /** Confirm by this day. */ due: IsoDate }).strict().nullable(),
    /** A material change: the version goes up and every earlier confirmation stops counting. */
    material: z.boolean(),
  }).strict(),
  /** Per policy, who confirmed which version and who has not, with a reminder to paste into the team chat (trainers). */
  getAcknowledgementReport: z.object({ token: EditToken }).strict(),
  /** The report as CSV (UTF-8 with BOM), one row per person and policy, in the pack's language (trainers). */
  exportAcknowledgements: z.object({ token: EditToken }).strict(),
} as const;

/** An article's acknowledgement policy as read from its front matter. */
export interface AckPolicy {
  roles: 'all' | string[];
  /** Confirm by this day (a person who starts later gets `ACK_GRACE_DAYS` from their start date). */
  due: string;
  /** Goes up by one with each material change; a confirmation counts only for the current version. */
  version: number;
  /** Day the current version began, or null when not recorded. */
  since: string | null;
}

/** One policy a person must confirm. */
export interface PendingAck {
  articleId: string;
  title: string;
  version: number;
  /** This person's due day. */
  due: string;
  overdue: boolean;
  /** The version this person confirmed before a material change, or null when never confirmed. */
  confirmedVersion: number | null;
}
export interface ConfirmedAck { articleId: string; title: string; version: number; confirmedAt: string }
export interface MyAcknowledgements { today: string; pending: PendingAck[]; confirmed: ConfirmedAck[] }

/** One person under one policy. */
export interface AckPerson {
  profileId: string; name: string; roleId: string;
  /** `confirmed` the current version; `outdated`: an earlier one only; `pending`: never. */
  state: 'confirmed' | 'outdated' | 'pending';
  /** Latest version this person confirmed, when and against which file hash. */
  confirmedVersion: number | null; confirmedAt: string | null; contentHash: string | null;
  due: string;
  /** Not confirmed (current version) and past the due day. */
  overdue: boolean;
}
export interface AckArticleReport {
  articleId: string; title: string; policy: AckPolicy;
  confirmed: number; total: number; overdue: number;
  people: AckPerson[];
}
export interface AckReport {
  today: string;
  articles: AckArticleReport[];
  /** Overdue confirmations in all (counted as "behind" on the dashboard). */
  overdue: number;
  /** Who has not confirmed what, as plain text to paste into the team chat, in the pack's language; empty when nobody is missing. */
  reminder: string;
}
export interface AckExport { filename: string; mimeType: string; content: string }
export interface AckPolicyState { articleId: string; hash: string; policy: AckPolicy | null }

export interface AcknowledgeResponses {
  listMyAcknowledgements: MyAcknowledgements;
  confirmAcknowledgement: MyAcknowledgements;
  getAcknowledgementPolicy: AckPolicyState;
  setAcknowledgementPolicy: AckPolicyState;
  getAcknowledgementReport: AckReport;
  exportAcknowledgements: AckExport;
}
