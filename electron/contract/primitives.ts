/**
 * The building blocks every feature's requests share (ids, dates, tokens). Feature contract files
 * (`electron/contract/<feature>.ts`) import them from here; `electron/contract.ts` is the one index.
 */
import { z } from 'zod';

/** Identifier of an article: its path below `articles/` without `.md`, e.g. `customer-service/returns-refunds`. */
export const ArticleId = z.string().min(1).max(300);
/** Identifier of a role guide: the file name below `roles/` without `.md`, e.g. `customer-service`. */
export const RoleId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'role id: lowercase letters, digits and hyphens');
/** Identifier of a local profile, as returned by `createProfile`. */
export const ProfileId = z.string().min(1).max(64);
/** Calendar date, `YYYY-MM-DD`, in the learner's local calendar. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date: YYYY-MM-DD');
/** A 4 to 8 digit PIN. */
export const Pin = z.string().regex(/^\d{4,8}$/, 'PIN: 4 to 8 digits');
export const NoArgs = z.object({}).strict();
/** Identifier of a track (its file name below `tracks/`) or of a step inside it. */
export const TrackId = z.string().min(1).max(100);
export const StepId = z.string().min(1).max(100);
/** One answer: an option index (single), a list of indexes (multiple) or true/false. */
export const QuizAnswer = z.union([z.number().int().min(0).max(99), z.array(z.number().int().min(0).max(99)).max(100), z.boolean()]);

/**
 * Token returned by `openEditSession`. Why a token and not the PIN on every call: a trainer saves
 * many times per article, and keeping the PIN in page memory to resend it would leave it readable
 * by anything that runs in the page for as long as the app is open. The token expires after a short
 * idle time, lives only in the core's memory (a restart ends every session) and is dropped by the UI
 * when the profile changes, so a learner who sits down at the shared PC cannot keep editing.
 */
export const EditToken = z.string().min(16).max(128);
/**
 * Token of a profile session (`openProfileSession`) or a trainer's (`openEditSession`): who is
 * calling. A learner's token reaches only that learner's records; a trainer's reaches everyone's.
 */
export const SessionToken = EditToken;
/** A trainer's passphrase: at least 8 characters (a short PIN falls to an offline search in seconds). */
export const Passphrase = z.string().min(8, 'passphrase: at least 8 characters').max(200);
/** An article id, or `role:<roleId>` for a role guide. */
export const EditableId = z.string().min(1).max(305);
export const ShortText = z.string().max(500);
