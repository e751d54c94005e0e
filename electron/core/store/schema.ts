import type { Settings } from '../../contract.js';

/** What the database holds. Never content: only what people did with it. */
export interface DataV1 {
  schemaVersion: 1;
  profiles: Array<{
    id: string;
    name: string;
    roleId: string;
    startDate: string;
    trainer: boolean;
    /** scrypt hash `salt:hash` of the PIN, or null. */
    pinHash: string | null;
    createdAt: string;
  }>;
  /** One row per completed step. */
  completions: Array<{ profileId: string; trackId: string; stepId: string; completedAt: string; contentHash?: string }>;
  bookmarks: Array<{ profileId: string; articleId: string; at: string }>;
  views: Array<{ profileId: string; articleId: string; at: string }>;
  settings: Settings;
}

/** An answer to one quiz question: an option index, a list of them, or true/false. */
export type StoredAnswer = number | number[] | boolean;

/**
 * Version 2 adds onboarding facts: quiz attempts, sign-off requests, who signed a step off, and
 * un-ticked steps (kept as dated facts so a merge from another PC can tell which came last).
 */
export interface DataV2 extends Omit<DataV1, 'schemaVersion' | 'completions'> {
  schemaVersion: 2;
  /** One row per completed step; a sign-off step also says which trainer confirmed it. */
  completions: Array<{ profileId: string; trackId: string; stepId: string; completedAt: string; contentHash?: string; signedBy?: { id: string; name: string } }>;
  /** A step un-ticked after being done; dropped again when the step is completed later. */
  uncompletions: Array<{ profileId: string; trackId: string; stepId: string; at: string }>;
  /** Every quiz attempt, kept: the best score is computed, never stored. */
  quizAttempts: Array<{
    id: string; profileId: string; trackId: string; stepId: string; quizId: string; quizHash: string;
    answers: Record<string, StoredAnswer>; score: number; passed: boolean; at: string;
  }>;
  /** The latest sign-off request per profile and step; pending while the step is not done. */
  signoffRequests: Array<{ profileId: string; trackId: string; stepId: string; requestedAt: string; note?: string }>;
}

/**
 * Version 3 adds the searches that found nothing (content health: "what to write next"). Only the
 * normalized query and counts are kept, never who searched.
 */
export interface DataV3 extends Omit<DataV2, 'schemaVersion'> {
  schemaVersion: 3;
  failedSearches: Array<{
    query: string; count: number; firstAt: string; lastAt: string;
    /** Searches per week (Monday `YYYY-MM-DD` → count), the latest 26 weeks, for the trainer's chart; rows from before it have none. */
    weeks?: Record<string, number>;
  }>;
}

/** A trainer's private key sealed with their passphrase (see core/trust/keys.ts). */
export interface SealedKeyRow { salt: string; iv: string; tag: string; data: string }

/**
 * Version 4 adds trust: trainers prove themselves with a passphrase (scrypt hash) and sign what
 * they say about learners with an Ed25519 key whose private half is stored only sealed by it.
 * A sign-off completion carries its signature; one that does not verify counts for nothing.
 */
export interface DataV4 extends Omit<DataV3, 'schemaVersion' | 'profiles' | 'completions' | 'quizAttempts'> {
  schemaVersion: 4;
  profiles: Array<DataV1['profiles'][number] & {
    /** Trainers: scrypt hash of the passphrase; null for learners and for trainers who still must set one. */
    passphraseHash: string | null;
    /** Trainers: public keys (SPKI DER, base64), the current one last; earlier ones still verify old sign-offs. */
    publicKeys: string[];
    /** Trainers: the current private key, sealed with the passphrase. */
    sealedKey: SealedKeyRow | null;
    /** A trainer from before version 4 (4-digit PIN): unlocks only to set a passphrase. */
    mustSetPassphrase?: boolean;
  }>;
  completions: Array<DataV2['completions'][number] & {
    /** Ed25519 signature (base64) of the trainer over the sign-off's canonical form (core/trust/canonical.ts). */
    signature?: string;
  }>;
  /**
   * Question bank (added within version 4: optional fields and a new collection, which older rows and
   * files simply lack). `asked`: the questions of the attempt's draw; `wrong`: those answered wrong,
   * as graded then. Rows without them asked every question of the quiz.
   */
  quizAttempts: Array<DataV2['quizAttempts'][number] & { asked?: string[]; wrong?: string[] }>;
  /** Answers given in 错题本 practice: never attempts, but a right one takes the question out of the 错题本. */
  quizPractice: Array<{ profileId: string; quizId: string; questionId: string; correct: boolean; at: string }>;
  /**
   * Named recognitions (表彰) a trainer gave a learner: signed trainer facts (core/recognition/).
   * Added without a version bump: an older file simply has none (`migrate` fills the empty list).
   */
  recognitions: RecognitionRow[];
}

/** One 表彰: who gave it, to whom, what it says; signed over its canonical form (core/recognition/canonical.ts). */
export interface RecognitionRow {
  id: string; profileId: string; title: string; note: string; givenAt: string;
  trainer: { id: string; name: string };
  /** Ed25519 signature (base64) of the trainer. */
  signature: string;
}

/**
 * Collections added to version 4 without a new version number: new learner records, empty in an
 * older file (the store and `migrate` fill every missing collection), so nothing needs upgrading.
 */
export interface DataV4Additions {
  /** 阅读确认: a person confirmed "I have read and understood" a policy version (core/acknowledge/). */
  acknowledgements: Array<{ profileId: string; articleId: string; version: number; contentHash: string; at: string }>;
  /**
   * "Still valid": a trainer's signed statement that an article is current (core/reviews/). Kept in
   * the trainer's own records (`profileId` is the trainer), so each file keeps one writer.
   */
  articleReviews: Array<{ profileId: string; articleId: string; contentHash: string; at: string; signature: string }>;
}

export type Data = DataV4 & DataV4Additions;
export const CURRENT_SCHEMA = 4;

export function emptyData(): Data {
  return {
    schemaVersion: 4,
    failedSearches: [],
    profiles: [],
    completions: [],
    uncompletions: [],
    quizAttempts: [],
    quizPractice: [],
    signoffRequests: [],
    recognitions: [],
    bookmarks: [],
    views: [],
    acknowledgements: [],
    articleReviews: [],
    settings: { language: 'system', theme: 'system', currentProfileId: null, contentDir: null, teamBoard: false },
  };
}
