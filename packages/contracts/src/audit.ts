import { z } from 'zod';
import { IsoDateTimeSchema, ListQuerySchema, sortOf } from './common.js';

export const AuditEntrySchema = z.object({
  seq: z.number().int(),
  occurredAt: z.string(),
  actorId: z.uuid().nullable(),
  actorName: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
  clientIp: z.string().nullable(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditListQuerySchema = ListQuerySchema.extend({
  sort: sortOf(['seq', 'occurredAt']),
  actor: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  from: IsoDateTimeSchema.optional(),
  to: IsoDateTimeSchema.optional(),
}).strict();
export type AuditListQuery = z.infer<typeof AuditListQuerySchema>;

/**
 * What a verification of the audit log can find (ADR 0013), one code per kind of tampering:
 * - `broken_link`: an entry was altered in place, or does not link to the entry before it;
 * - `gap`: entries are missing from the middle of the sequence;
 * - `truncated`: the log ends before a checkpoint (or a key) written outside the database says it reached;
 * - `rechained`: hashes were recomputed: an entry's hash does not verify with the audit key, an
 *   unkeyed entry stands where a key applies, or a checkpoint's hash differs from the entry at its seq;
 * - `key_mismatch`: an entry is signed with a key that is not the one the key file assigns to its seq
 *   (or with a key the key file does not hold);
 * - `anchor_invalid`: a checkpoint line outside the database is unreadable or its signature does not verify.
 */
export const AUDIT_FINDING_CODES = ['broken_link', 'gap', 'truncated', 'rechained', 'key_mismatch', 'anchor_invalid'] as const;
export type AuditFindingCode = (typeof AUDIT_FINDING_CODES)[number];

export const AuditFindingSchema = z.object({
  code: z.enum(AUDIT_FINDING_CODES),
  /** The first entry concerned (for `truncated`: the first missing one). */
  seq: z.number().int(),
  /** The last entry concerned when the finding covers a run of entries, else null. */
  lastSeq: z.number().int().nullable(),
  /** When the finding comes from a checkpoint: the time the checkpoint was written (ISO 8601). */
  anchorAt: z.string().nullable(),
  /** The key the finding is about, when it is about a key. */
  keyId: z.string().nullable(),
  /** What was found, in English (logs, CLI); the console words it from the code. */
  message: z.string(),
});
export type AuditFinding = z.infer<typeof AuditFindingSchema>;

export const AuditVerificationSchema = z.object({
  /** True when nothing was found. */
  ok: z.boolean(),
  /** Entries read and checked. */
  checked: z.number().int(),
  /** The seq of the first finding, and its message (kept for older clients). */
  firstBrokenSeq: z.number().int().nullable(),
  reason: z.string().nullable(),
  /** Everything found, in chain order (runs of entries collapsed; at most 100). */
  findings: z.array(AuditFindingSchema),
  /** The newest entry in the database. */
  head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
  /** Entries up to this seq predate the audit key and are chained with plain SM3 (null: none). */
  unkeyedUntil: z.number().int().nullable(),
  /** The keys in the key file, in order, each with the seq after which it signs. */
  keys: z.array(z.object({ id: z.string(), afterSeq: z.number().int(), createdAt: z.string() })),
  /** Checkpoints read from outside the database: how many verified, and the latest. */
  anchors: z.object({
    count: z.number().int(),
    latest: z.object({ seq: z.number().int(), at: z.string() }).nullable(),
  }),
});
export type AuditVerification = z.infer<typeof AuditVerificationSchema>;
