import { z } from 'zod';

/**
 * Records that count toward a target and are declared by the enterprise itself (5G factories,
 * registry records) count only once their district confirms them (issue #12 item 5):
 * declared → confirmed (counted) or returned (back to the enterprise, with the reason). Records
 * entered by district or city users are confirmed at entry. An enterprise's edit of a record
 * declares it again.
 */
export const CONFIRMATION_STATES = ['declared', 'confirmed', 'returned'] as const;
export type ConfirmationState = (typeof CONFIRMATION_STATES)[number];

/** Where a record stands: who confirmed or returned it, when, why, and the evidence file. */
export const ConfirmationSchema = z.object({
  state: z.enum(CONFIRMATION_STATES),
  by: z.string().nullable(),
  at: z.string().nullable(),
  comment: z.string().nullable(),
  fileId: z.uuid().nullable(),
});
export type Confirmation = z.infer<typeof ConfirmationSchema>;

/** Confirming needs evidence: a comment (what was checked) and optionally a file. */
export const ConfirmRecordSchema = z
  .object({
    comment: z.string().trim().min(1).max(1000),
    fileId: z.uuid().optional(),
    /** The record's version as the confirmer saw it (stale → 409). */
    version: z.number().int(),
  })
  .strict();
export type ConfirmRecord = z.infer<typeof ConfirmRecordSchema>;

/** Returning needs the reason the enterprise reads. */
export const ReturnRecordSchema = z.object({ comment: z.string().trim().min(1).max(1000), version: z.number().int() }).strict();
export type ReturnRecord = z.infer<typeof ReturnRecordSchema>;

export const CONFIRMABLE_KINDS = ['factory', 'registry_record', 'honour'] as const;
export type ConfirmableKind = (typeof CONFIRMABLE_KINDS)[number];

/** A record waiting for its district's confirmation. */
export const PendingConfirmationSchema = z.object({
  kind: z.enum(CONFIRMABLE_KINDS),
  id: z.uuid(),
  /** The registry key of a registry record, the honour type code of an honour; null for factories. */
  registry: z.string().nullable(),
  title: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  districtId: z.uuid().nullable(),
  /** When it was declared (last changed by the enterprise). */
  declaredAt: z.string(),
  version: z.number().int(),
});
export type PendingConfirmation = z.infer<typeof PendingConfirmationSchema>;

export const PendingConfirmationsSchema = z.object({ items: z.array(PendingConfirmationSchema), total: z.number().int() });
export type PendingConfirmations = z.infer<typeof PendingConfirmationsSchema>;
