import { z } from 'zod';
import { IsoDateSchema } from './common.js';
import {
  HANDLE_LIMITS,
  HandleValueInputSchema,
  HandleValueSchema,
  IndustryClassSchema,
  MAX_HANDLE_BATCH,
  TemplateItemSchema,
  ValuePermissionsSchema,
} from './handles.js';

/**
 * Registration, records, reverse lookup and statistics of the identifier service (issue #6); the
 * endpoint list is in the header of handles.ts.
 */

// ---------------------------------------------------------------- registration (platform API)

/**
 * One record to register. Either `handle` or `mintNewSuffix` (with the batch's / the body's prefix).
 * With a template (industryCode; version = current unless given): attributes by item name go to
 * indexes 2000+ in template order and index 1001 holds `<industryCode>@<version>`; `url` goes to
 * index 1; `values` adds or overrides raw Handle values (indexes 1–999 and 1002–1999).
 */
export const HandleRegistrationItemSchema = z
  .object({
    handle: z.string().min(1).max(1024).optional(),
    mintNewSuffix: z.boolean().optional(),
    industryCode: IndustryClassSchema.optional(),
    templateVersion: z.number().int().min(1).optional(),
    url: z.string().max(2048).optional(),
    attributes: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    values: z.array(HandleValueInputSchema).max(200).optional(),
  })
  .strict();
export type HandleRegistrationItem = z.infer<typeof HandleRegistrationItemSchema>;

export const CreateHandleRecordSchema = HandleRegistrationItemSchema.extend({
  /** Needed with mintNewSuffix. */
  prefix: z.string().max(HANDLE_LIMITS.prefixBytes).optional(),
}).strict();
export type CreateHandleRecord = z.infer<typeof CreateHandleRecordSchema>;

export const UpdateHandleRecordSchema = HandleRegistrationItemSchema.omit({ handle: true, mintNewSuffix: true })
  .extend({ version: z.number().int() })
  .strict();
export type UpdateHandleRecord = z.infer<typeof UpdateHandleRecordSchema>;

export const BATCH_ITEM_STATUSES = ['success', 'already_exists', 'invalid', 'forbidden', 'error'] as const;
export type BatchItemStatus = (typeof BATCH_ITEM_STATUSES)[number];

export const HandleBatchRequestSchema = z
  .object({
    /** Default prefix for items with mintNewSuffix or a bare suffix. */
    prefix: z.string().max(HANDLE_LIMITS.prefixBytes).optional(),
    /** Default template for every item. */
    industryCode: IndustryClassSchema.optional(),
    items: z.array(HandleRegistrationItemSchema).min(1).max(MAX_HANDLE_BATCH),
  })
  .strict();
export type HandleBatchRequest = z.infer<typeof HandleBatchRequestSchema>;

/**
 * Why an item was refused: its field (`attributes.batchNo`, `values[2].index`, `handle`) and rule;
 * for a template item also its label as the template names it (生产批次) and the rule's numbers
 * (`max`, `min`, `allowed` …), so the console words it without the server's English (issue #12 item 3).
 */
export const HandleIssueSchema = z.object({
  field: z.string(),
  rule: z.string(),
  message: z.string(),
  label: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type HandleIssue = z.infer<typeof HandleIssueSchema>;

/**
 * Per item, in request order. `already_exists` with identical content is reported as `success`
 * with `unchanged: true` (a retried batch is safe); with different content it stays `already_exists`.
 */
export const HandleBatchItemResultSchema = z.object({
  position: z.number().int(),
  handle: z.string().nullable(),
  status: z.enum(BATCH_ITEM_STATUSES),
  responseCode: z.number().int(),
  unchanged: z.boolean().optional(),
  message: z.string().optional(),
  issues: z.array(HandleIssueSchema).optional(),
});
export type HandleBatchItemResult = z.infer<typeof HandleBatchItemResultSchema>;

export const HandleBatchResultSchema = z.object({
  total: z.number().int(),
  succeeded: z.number().int(),
  failed: z.number().int(),
  results: z.array(HandleBatchItemResultSchema),
});
export type HandleBatchResult = z.infer<typeof HandleBatchResultSchema>;

/** Fixed columns of the CSV/XLSX batch sheet; one more column per template item, headed by its name or label. */
export const HANDLE_BATCH_COLUMNS = { handle: '标识', suffix: '后缀', url: 'URL' } as const;

export const HandleUploadQuerySchema = z
  .object({ prefix: z.string().min(1).max(HANDLE_LIMITS.prefixBytes), industryCode: IndustryClassSchema.optional() })
  .strict();
export type HandleUploadQuery = z.infer<typeof HandleUploadQuerySchema>;

// ---------------------------------------------------------------- records (platform API)

/**
 * A handle as the rest of a path (`/api/identifiers/records/88.118.8/JXDY2106023`): its slashes stay
 * path separators (`pathOf` keeps them). The server takes the handle from the raw URL, percent-decoded
 * as UTF-8 (`/` and `%2F` alike); this schema types the clients.
 */
export const HandlePathParamsSchema = z.object({ '*': z.string() });
export type HandlePathParams = z.infer<typeof HandlePathParamsSchema>;

export const HandleRecordListQuerySchema = z
  .object({
    prefix: z.string().max(HANDLE_LIMITS.prefixBytes).optional(),
    /** Handle starts with (case-insensitive). */
    q: z.string().max(256).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
  })
  .strict();
export type HandleRecordListQuery = z.infer<typeof HandleRecordListQuerySchema>;

export const HandleRecordSummarySchema = z.object({
  handle: z.string(),
  prefix: z.string(),
  industryCode: z.string().nullable(),
  templateVersion: z.number().int().nullable(),
  url: z.string().nullable(),
  valueCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type HandleRecordSummary = z.infer<typeof HandleRecordSummarySchema>;

export const HandleRecordDetailSchema = HandleRecordSummarySchema.extend({
  ownerOrgId: z.uuid(),
  ownerOrgName: z.string(),
  /** Every value, permissions always present. */
  values: z.array(HandleValueSchema.extend({ permissions: ValuePermissionsSchema })),
  /** Attributes by template item name (from indexes ≥ 2000). */
  attributes: z.record(z.string(), z.string()),
  version: z.number().int(),
  canWrite: z.boolean(),
});
export type HandleRecordDetail = z.infer<typeof HandleRecordDetailSchema>;

/** The resolve page: public values only, with the template's labels when the record has one. */
export const PublicHandleViewSchema = z.object({
  handle: z.string(),
  prefix: z.string(),
  ownerOrgName: z.string(),
  template: z
    .object({ industryCode: z.string(), name: z.string(), version: z.number().int(), items: z.array(TemplateItemSchema) })
    .nullable(),
  values: z.array(HandleValueSchema),
  url: z.string().nullable(),
});
export type PublicHandleView = z.infer<typeof PublicHandleViewSchema>;

// ---------------------------------------------------------------- reverse lookup

export const ReverseLookupQuerySchema = z
  .object({
    /** Exact value data (string values, e.g. a URL or a serial number). */
    value: z.string().min(1).max(2048),
    /** Only values of this type (a type ending in '.' matches its subtypes). */
    type: z.string().min(1).max(HANDLE_LIMITS.types).optional(),
    prefix: z.string().max(HANDLE_LIMITS.prefixBytes).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
  })
  .strict();
export type ReverseLookupQuery = z.infer<typeof ReverseLookupQuerySchema>;

export const ReverseLookupResultSchema = z.object({
  items: z.array(z.object({ handle: z.string(), index: z.number().int(), type: z.string() })),
  /** More matches exist beyond this page. */
  hasMore: z.boolean(),
});
export type ReverseLookupResult = z.infer<typeof ReverseLookupResultSchema>;

// ---------------------------------------------------------------- statistics

export const HandleStatsQuerySchema = z
  .object({
    from: IsoDateSchema,
    to: IsoDateSchema,
    prefix: z.string().max(HANDLE_LIMITS.prefixBytes).optional(),
  })
  .strict();
export type HandleStatsQuery = z.infer<typeof HandleStatsQuerySchema>;

export const HandleStatsSchema = z.object({
  from: z.string(),
  to: z.string(),
  totals: z.object({ registrations: z.number().int(), resolutions: z.number().int(), handles: z.number().int() }),
  /** Every day in range (zeros included), China Standard Time days. */
  days: z.array(z.object({ day: z.string(), registrations: z.number().int(), resolutions: z.number().int() })),
  byPrefix: z.array(
    z.object({
      prefix: z.string(),
      ownerOrgId: z.uuid(),
      ownerOrgName: z.string(),
      districtId: z.uuid().nullable(),
      registrations: z.number().int(),
      resolutions: z.number().int(),
    }),
  ),
});
export type HandleStats = z.infer<typeof HandleStatsSchema>;
