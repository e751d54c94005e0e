import { z } from 'zod';
import { badRequest } from '../api/errors.js';
import { Id, Iso, RECORD_ROWS } from '../store/recordRows.js';
import type { Data } from '../store/schema.js';

/**
 * A record collection as the file carries it: each row checked by the same schema the store admits
 * rows with (store/recordRows.ts), so nothing imported is written and then dropped on the next read.
 * Unknown fields (a newer Handbook's) are stripped, not refused.
 */
const rows = <S extends z.ZodRawShape>(row: z.ZodObject<S>) => z.array(z.object(row.shape));

/**
 * The JSON a learner carries from another PC. Profiles travel without their PIN hash: a short PIN's
 * hash is easy to brute-force, and an imported profile must not be able to sign anything off.
 */
export const ExportFileSchema = z.object({
  format: z.literal('handbook-progress'),
  version: z.literal(1),
  exportedAt: Iso,
  packId: z.string().max(200).optional(),
  profiles: z.array(z.object({ id: Id, name: z.string().min(1).max(60), roleId: z.string().min(1).max(64), startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), trainer: z.boolean(), createdAt: Iso })),
  completions: rows(RECORD_ROWS.completions),
  uncompletions: rows(RECORD_ROWS.uncompletions),
  quizAttempts: rows(RECORD_ROWS.quizAttempts),
  signoffRequests: rows(RECORD_ROWS.signoffRequests),
  /** 错题本 practice answers; files from before the question bank have none. */
  quizPractice: rows(RECORD_ROWS.quizPractice).default([]),
  /** 阅读确认: which version of which policy, against which text; files from before carry none. */
  acknowledgements: rows(RECORD_ROWS.acknowledgements).default([]),
  /**
   * 表彰 with the trainer's signature as given: the importing PC verifies it against the trainers'
   * keys it trusts, and one that does not check is kept but shown as unverified and counts for nothing.
   */
  recognitions: rows(RECORD_ROWS.recognitions).default([]),
});
export type ExportFile = z.infer<typeof ExportFileSchema>;

export function toExportFile(data: Data, packId: string, profileId?: string, now = new Date()): ExportFile {
  const mine = <T extends { profileId: string }>(rows: T[]) => (profileId ? rows.filter((r) => r.profileId === profileId) : rows);
  return {
    format: 'handbook-progress',
    version: 1,
    exportedAt: now.toISOString(),
    packId,
    profiles: data.profiles.filter((p) => !profileId || p.id === profileId)
      .map(({ id, name, roleId, startDate, trainer, createdAt }) => ({ id, name, roleId, startDate, trainer, createdAt })),
    completions: mine(data.completions),
    uncompletions: mine(data.uncompletions),
    quizAttempts: mine(data.quizAttempts),
    signoffRequests: mine(data.signoffRequests),
    quizPractice: mine(data.quizPractice),
    acknowledgements: mine(data.acknowledgements ?? []),
    recognitions: mine(data.recognitions ?? []),
  };
}

export function parseExportFile(text: string): ExportFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw badRequest('this is not a Handbook progress file (not JSON; a CSV export cannot be imported)', 'notAProgressFile');
  }
  const parsed = ExportFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badRequest(`this is not a Handbook progress file: ${issue.path.join('.') || 'file'}: ${issue.message}`, 'notAProgressFile');
  }
  return parsed.data;
}
