/**
 * Recognition (issue 16 item 4): points and badges computed from a learner's records (never stored,
 * so never editable), named recognitions (表彰) a trainer signs, and the opt-in team board.
 */
import { z } from 'zod';
import { ProfileId, SessionToken } from './primitives.js';

export const recognitionRequests = {
  /** A learner's points, badges and recognitions: that learner's own session, or a trainer's. */
  getRecognition: z.object({ token: SessionToken, profileId: ProfileId }).strict(),
  /**
   * A trainer gives a learner a named recognition (表彰) with a short note. The fact is signed with the
   * trainer's key and kept in the learner's records; never to oneself.
   */
  giveRecognition: z.object({
    token: SessionToken,
    profileId: ProfileId,
    /** What it is for, as the learner will read it on Home and the certificate (e.g. 本月服务之星). */
    title: z.string().trim().min(1, 'a recognition needs a name').max(60),
    /** A short note: what the person did. */
    note: z.string().trim().max(280),
  }).strict(),
  /**
   * This month's points by role. While the board is off (the default) only a trainer sees it (to
   * preview it); once a trainer turns it on, anyone with a session on this PC does.
   */
  getTeamBoard: z.object({ token: SessionToken }).strict(),
  /** Turns the team board on or off for this handbook's data folder (trainers). */
  setTeamBoard: z.object({ token: SessionToken, enabled: z.boolean() }).strict(),
};

/** Where points come from; each source is one function over the records (core/recognition/points.ts). */
export type PointSource = 'step' | 'quiz' | 'quizFirstTry' | 'track' | 'confirmation';

/** One fact that earned points. */
export interface PointEvent {
  source: PointSource;
  points: number;
  /** ISO time of the fact. */
  at: string;
  /** The track and step (for steps, quizzes) or the track (for finished tracks) it came from; none for a confirmation. */
  trackId?: string;
  stepId?: string;
  /** For a confirmed policy (阅读确认): the article and the version confirmed. */
  articleId?: string;
  version?: number;
  /** The step's, track's or policy's title, in the pack's language, and English where the pack has it. */
  title: string;
  titleEn?: string;
}

/** A milestone; its name and description are UI text (`badge.<id>` in the dictionaries). */
export type BadgeId = 'first-step' | 'steps-25' | 'first-try' | 'first-try-10' | 'first-track' | 'recognized' | 'points-500';
export interface Badge {
  id: BadgeId;
  /** When the learner reached it. */
  earnedAt: string;
}

/** A named recognition as people see it; only ones whose signature checks are listed. */
export interface Recognition {
  id: string;
  profileId: string;
  title: string;
  note: string;
  givenAt: string;
  /** The trainer who signed it (the name the key's owner has now). */
  givenBy: { id: string; name: string };
}

export interface RecognitionSummary {
  profileId: string;
  /** Local month the `thisMonth` figures count, `YYYY-MM`. */
  month: string;
  points: {
    total: number;
    thisMonth: number;
    /** Total per source (every source present, 0 when none). */
    bySource: Record<PointSource, number>;
  };
  /** Reached milestones, oldest first. */
  badges: Badge[];
  /** Badges not reached yet, with how far along the learner is. */
  nextBadges: Array<{ id: BadgeId; have: number; need: number }>;
  /** Newest first. */
  recognitions: Recognition[];
  /** Recognitions recorded whose signature does not check (imported, hand-edited): they show nowhere else. */
  unverifiedRecognitions: number;
  /** The latest facts that earned points, newest first (at most 10). */
  recent: PointEvent[];
  /** What each source earns, for the explanation next to the points. */
  pointValues: Record<PointSource, number>;
}

export interface TeamBoardPerson { profileId: string; name: string; points: number; badges: number }
export interface TeamBoard {
  enabled: boolean;
  month: string;
  /** Roles with at least one learner, most points first; people in each most points first. */
  roles: Array<{ roleId: string; points: number; people: TeamBoardPerson[] }>;
  /** What each source earns, for the board's legend. */
  pointValues: Record<PointSource, number>;
}

export interface RecognitionResponses {
  getRecognition: RecognitionSummary;
  giveRecognition: Recognition;
  getTeamBoard: TeamBoard;
  setTeamBoard: { teamBoard: boolean };
}
