import { z } from 'zod';

/** Every error code the API returns; the console localises messages by these codes. */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'VALIDATION_FAILED',
  'INVALID_JSON',
  'PAYLOAD_TOO_LARGE',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'RATE_LIMITED',
  'CSRF_TOKEN_INVALID',
  'PASSWORD_CHANGE_REQUIRED',
  'SECOND_FACTOR_REQUIRED',
  'TWO_FACTOR_ENROLMENT_REQUIRED',
  'INVALID_SECOND_FACTOR',
  'PASSWORD_POLICY',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'STALE_VERSION',
  'DUPLICATE',
  'INVALID_CREDIT_CODE',
  'INVALID_DIVISION_CODE',
  'ROLE_ORG_MISMATCH',
  'SERVICE_UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorEnvelopeSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelopeSchema>;

/** One field problem inside `details.issues` of VALIDATION_FAILED and similar errors. */
export const FieldIssueSchema = z.object({
  field: z.string(),
  rule: z.string(),
  message: z.string(),
  /** The problem as a code with parameters (RefusalReasonSchema), worded by the console instead of `message`. */
  get reason() {
    return RefusalReasonSchema.optional();
  },
});
export type FieldIssue = z.infer<typeof FieldIssueSchema>;

/**
 * Why a request was refused, as a code with parameters, inside `details.reason` of FORBIDDEN,
 * CONFLICT, BAD_REQUEST… answers. The console words it from its catalogue (`reasons.<code>`), so no
 * English sentence reaches a user; `message` stays the English sentence for logs and API clients.
 * Codes are dotted, domain first: `project.scenario_required`, `selection.score_not_assigned`.
 */
export const RefusalReasonSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
});
export type RefusalReason = z.infer<typeof RefusalReasonSchema>;
export type ReasonParams = NonNullable<RefusalReason['params']>;
