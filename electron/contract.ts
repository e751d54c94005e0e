/**
 * THE Handbook API. Every method takes one plain JSON argument and resolves to plain JSON.
 * The same map is served by the core directly, over IPC (Electron) and over HTTP (browser mode).
 *
 * This is the one index: each feature declares its requests (zod schemas), DTOs and responses in
 * `electron/contract/<feature>.ts`; here they are merged into `requests` and `Responses`, and every
 * DTO is re-exported. Request types are derived from the schemas. The renderer may only
 * `import type` from this file (enforced by test/boundaries.test.ts).
 */
import { z } from 'zod';

import { appRequests, type AppResponses } from './contract/app.js';
import { authoringRequests, type AuthoringResponses } from './contract/authoring.js';
import { libraryRequests, type LibraryResponses } from './contract/library.js';
import { onboardingRequests, type OnboardingResponses } from './contract/onboarding.js';
import { packsRequests, type PacksResponses } from './contract/packs.js';
import { profilesRequests, type ProfilesResponses } from './contract/profiles.js';
import { searchRequests, type SearchResponses } from './contract/search.js';
import { teamRequests, type TeamResponses } from './contract/team.js';
import { chartsRequests, type ChartsResponses } from './contract/charts.js';
import { recognitionRequests, type RecognitionResponses } from './contract/recognition.js';
import { quizbankRequests, type QuizbankResponses } from './contract/quizbank.js';
import { reviewsRequests, type ReviewsResponses } from './contract/reviews.js';
import { acknowledgeRequests, type AcknowledgeResponses } from './contract/acknowledge.js';
import { teamRosterRequests, type TeamRosterResponses } from './contract/teamRoster.js';
import { teamPublishRequests, type TeamPublishResponses } from './contract/teamPublish.js';

export * from './contract/app.js';
export * from './contract/authoring.js';
export * from './contract/library.js';
export * from './contract/onboarding.js';
export * from './contract/packs.js';
export * from './contract/profiles.js';
export * from './contract/search.js';
export * from './contract/team.js';
export * from './contract/charts.js';
export * from './contract/recognition.js';
export * from './contract/quizbank.js';
export * from './contract/reviews.js';
export * from './contract/acknowledge.js';
export * from './contract/teamRoster.js';
export * from './contract/teamPublish.js';

/** Every method's request schema, by method name. A feature adds one spread line. */
export const requests = {
  ...appRequests,
  ...profilesRequests,
  ...libraryRequests,
  ...searchRequests,
  ...onboardingRequests,
  ...authoringRequests,
  ...packsRequests,
  ...teamRequests,
  ...chartsRequests,
  ...recognitionRequests,
  ...quizbankRequests,
  ...reviewsRequests,
  ...acknowledgeRequests,
  ...teamRosterRequests,
  ...teamPublishRequests,
} as const;

export type MethodName = keyof typeof requests;
export const methodNames = Object.keys(requests) as MethodName[];
/** The argument a caller passes (before defaults and trimming). */
export type Request<M extends MethodName> = z.input<(typeof requests)[M]>;
/** The argument after validation, as the core receives it. */
export type ParsedRequest<M extends MethodName> = z.output<(typeof requests)[M]>;

/** What each method resolves to. A feature adds its `<Feature>Responses` to the list. */
export interface Responses extends
  AppResponses,
  ProfilesResponses,
  LibraryResponses,
  SearchResponses,
  OnboardingResponses,
  AuthoringResponses,
  PacksResponses,
  TeamResponses,
  ChartsResponses,
  RecognitionResponses,
  QuizbankResponses,
  ReviewsResponses,
  AcknowledgeResponses,
  TeamRosterResponses,
  TeamPublishResponses {}

/** The API: one single-argument async method per request. */
export type HandbookApi = { [M in MethodName]: (arg: Request<M>) => Promise<Responses[M]> };
/**
 * What the core implements: each method receives its request as validated (parsed, trimmed,
 * defaulted). `withValidation` (electron/core/api/validate.ts) turns Handlers into a HandbookApi.
 */
export type Handlers = { [M in MethodName]: (req: ParsedRequest<M>) => Promise<Responses[M]> };

/** Error codes that cross the wire. */
/** `unauthorized`: no valid session (missing, unknown or expired token, wrong secret); `forbidden`: known caller, not allowed. */
export type ErrorCode = 'bad_request' | 'not_found' | 'conflict' | 'unauthorized' | 'forbidden' | 'unavailable' | 'internal';
export interface WireError {
  code: ErrorCode;
  /** English, for logs and tools. */
  message: string;
  /** Stable name of the message, for the UI to say it in the person's language (`error.<key>`). */
  key?: string;
  /** Values the localized message fills in. */
  params?: Record<string, string | number>;
}
/** Envelope of every IPC and HTTP answer. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: WireError };
