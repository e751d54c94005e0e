import { z } from 'zod';
import { badRequest } from '../api/errors.js';
import type { Data } from '../store/schema.js';

/**
 * The JSON a learner carries from another PC. Profiles travel without their PIN hash: a short PIN's
 * hash is easy to brute-force, and an imported profile must not be able to sign anything off.
 */
const Iso = z.string().min(10).max(40);
const Id = z.string().min(1).max(100);
const Answer = z.union([z.number(), z.array(z.number()), z.boolean()]);
const Ref = { profileId: Id, trackId: Id, stepId: Id };

export const ExportFileSchema = z.object({
  format: z.literal('handbook-progress'),
  version: z.literal(1),
  exportedAt: Iso,
  packId: z.string().max(200).optional(),
  profiles: z.array(z.object({ id: Id, name: z.string().min(1).max(60), roleId: z.string().min(1).max(64), startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), trainer: z.boolean(), createdAt: Iso })),
  completions: z.array(z.object({ ...Ref, completedAt: Iso, contentHash: z.string().max(100).optional(), signedBy: z.object({ id: Id, name: z.string().max(60) }).optional(), signature: z.string().max(200).optional() })),
  uncompletions: z.array(z.object({ ...Ref, at: Iso })),
  quizAttempts: z.array(z.object({
    id: Id, ...Ref, quizId: Id, quizHash: z.string().max(100), answers: z.record(z.string(), Answer),
    score: z.number().min(0).max(100), passed: z.boolean(), at: Iso,
    asked: z.array(Id).max(300).optional(), wrong: z.array(Id).max(300).optional(),
  })),
  signoffRequests: z.array(z.object({ ...Ref, requestedAt: Iso, note: z.string().max(500).optional() })),
  /** 错题本 practice answers; files from before the question bank have none. */
  quizPractice: z.array(z.object({ profileId: Id, quizId: Id, questionId: Id, correct: z.boolean(), at: Iso })).default([]),
  /** 阅读确认: which version of which policy, against which text; files from before carry none. */
  acknowledgements: z.array(z.object({ profileId: Id, articleId: z.string().min(1).max(300), version: z.number().int().min(1), contentHash: z.string().max(100), at: Iso })).default([]),
  /**
   * 表彰 with the trainer's signature as given: the importing PC verifies it against the trainers'
   * keys it trusts, and one that does not check is kept but shown as unverified and counts for nothing.
   */
  recognitions: z.array(z.object({
    id: Id, profileId: Id, title: z.string().min(1).max(60), note: z.string().max(280), givenAt: Iso,
    trainer: z.object({ id: Id, name: z.string().max(60) }), signature: z.string().max(200),
  })).default([]),
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
