import { z } from 'zod';
import { FindingTransitionSchema, MatchReviewSchema } from './vulnerabilities.js';

/** At most this many rows in one batch action (one request, each row in its own transaction). */
export const MAX_BATCH_ROWS = 200;

/** One row of a batch: the record and the version the user saw (stale rows are refused, not overwritten). */
export const BatchRowSchema = z.object({ id: z.uuid(), version: z.number().int() }).strict();

/** What happened to one row of a batch action: done, or refused with the error the single action would give. */
export const BatchRowResultSchema = z.object({
  id: z.uuid(),
  ok: z.boolean(),
  error: z
    .object({
      status: z.number().int(),
      code: z.string(),
      message: z.string(),
      details: z.unknown().optional(),
    })
    .optional(),
});
export type BatchRowResult = z.infer<typeof BatchRowResultSchema>;

/** The answer of every batch action: per-row results (partial success is normal) and the counts. */
export const BatchResultSchema = z.object({
  succeeded: z.number().int(),
  failed: z.number().int(),
  results: BatchRowResultSchema.array(),
});
export type BatchResult = z.infer<typeof BatchResultSchema>;

/** One lifecycle step applied to many findings: the single transition's fields, each row with its version. */
export const FindingBatchTransitionSchema = FindingTransitionSchema.omit({ version: true })
  .extend({ rows: BatchRowSchema.array().min(1).max(MAX_BATCH_ROWS) })
  .strict();
export type FindingBatchTransition = z.infer<typeof FindingBatchTransitionSchema>;

/**
 * One 匹配研判 decision on many needs_review matches (#12 item 7): affected (confirm) or not affected,
 * each match reviewed as the single review would; "not affected" needs the reason.
 */
export const MatchBatchReviewSchema = MatchReviewSchema.extend({ ids: z.uuid().array().min(1).max(MAX_BATCH_ROWS) })
  .strict()
  .superRefine((input, ctx) => {
    if (input.verdict === 'not_affected' && !input.note?.trim())
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'a not-affected decision needs its reason', params: { rule: 'required' } });
  });
export type MatchBatchReview = z.infer<typeof MatchBatchReviewSchema>;
