import { z } from 'zod';
import { IsoDateSchema } from './common.js';

/**
 * Industrial identifiers (标识解析, issue #6, requirement S1-3): Handle-compatible registration and
 * resolution. Two families of endpoints share these schemas.
 *
 * Handle.Net v9 JSON REST API (manual ch. 14) — wire-compatible, bodies are NOT the platform error
 * envelope but `{ responseCode, handle?, message?, ... }`; CORS open for reads (no cookies).
 * Auth for writes: `Authorization: Bearer slt_…` (platform API token) or Handle's Basic form
 * `Basic base64("300%3A<prefix>/<token name>:<token secret>")` (docs/adr/0008-handle-compatibility.md).
 * Cookie sessions are NOT read on these routes.
 *   GET    /api/handles/{handle}?index=&type=&publicOnly=&redirect   resolve (HandleResolution)
 *   PUT    /api/handles/{handle}?overwrite=&mintNewSuffix=&index=     create / replace (HandleWriteResponse)
 *   DELETE /api/handles/{handle}?index=                               delete handle or some values
 *   GET    /api/handles?prefix=&page=&pageSize=                       list handles of a prefix (HandleList; auth)
 *   GET    /api/prefixes?page=&pageSize=                              prefixes served here (PrefixList)
 *   {handle} is the whole rest of the path; `/` inside it may be sent as is or as %2F.
 *
 * Platform API (session cookie + CSRF, or Bearer token; platform error envelope; console uses these):
 *   GET    /api/identifiers/prefixes?q=&page=&pageSize=               HandlePrefixSchema page (scoped)
 *   POST   /api/identifiers/prefixes                                  delegate a derived prefix (handle:delegate)
 *   PATCH  /api/identifiers/prefixes/{prefix}                         admin group, status, description
 *   GET    /api/identifiers/prefixes/{prefix}/templates               every version (HandleTemplateSchema[])
 *   POST   /api/identifiers/prefixes/{prefix}/templates               new version of the template of an industry class
 *   GET    /api/identifiers/records?prefix=&q=&page=&pageSize=        HandleRecordSummary page (scoped)
 *   GET    /api/identifiers/records/{handle}                          full record incl. non-public values (HandleRecordDetail)
 *   POST   /api/identifiers/records                                   create from a template (HandleRegistrationItem) → HandleRecordDetail
 *   PUT    /api/identifiers/records/{handle}                          replace attributes / values (HandleRegistrationItem without handle)
 *   DELETE /api/identifiers/records/{handle}                          delete
 *   POST   /api/identifiers/batches                                   ≤ 2,000 items (HandleBatchRequest → HandleBatchResult)
 *   POST   /api/identifiers/batches/upload?prefix=&industryCode=       multipart CSV/XLSX (columns: see HANDLE_BATCH_COLUMNS) → HandleBatchResult
 *   GET    /api/identifiers/batches/template?prefix=&industryCode=     XLSX template with one column per template item
 *   GET    /api/identifiers/reverse?value=&type=&prefix=&page=&pageSize=      reverse lookup, logged in (sees non-public values in scope)
 *   GET    /api/identifiers/public/reverse?value=&type=&prefix=&page=&pageSize= reverse lookup, anonymous (public-read values only)
 *   GET    /api/identifiers/public/records/{handle}                   public view for the resolve page (PublicHandleView)
 *   GET    /api/identifiers/stats?from=&to=&prefix=                   HandleStats (scoped: city / district / own enterprise)
 */

/** Handle.Net response codes used here, with the HTTP status the REST API answers with. */
export const HANDLE_RESPONSE_CODES = {
  SUCCESS: 1,
  ERROR: 2,
  SERVER_TOO_BUSY: 3,
  HANDLE_NOT_FOUND: 100,
  HANDLE_ALREADY_EXISTS: 101,
  INVALID_HANDLE: 102,
  VALUES_NOT_FOUND: 200,
  VALUE_ALREADY_EXISTS: 201,
  INVALID_VALUE: 202,
  SERVER_NOT_RESP: 301,
  INVALID_ADMIN: 400,
  INSUFFICIENT_PERMISSIONS: 401,
  AUTHEN_NEEDED: 402,
  AUTHENTICATION_FAILED: 403,
} as const;
export type HandleResponseCode = (typeof HANDLE_RESPONSE_CODES)[keyof typeof HANDLE_RESPONSE_CODES];

/** Handle syntax limits (RFC 3650 sets none; these keep keys indexable and QR codes scannable). */
export const HANDLE_LIMITS = { prefixBytes: 128, suffixBytes: 255, handleBytes: 384, types: 64 } as const;
/** Largest batch one request may carry. */
export const MAX_HANDLE_BATCH = 2000;
/** Index of the template version value (IDIS) and the first attribute index. */
export const TEMPLATE_VERSION_INDEX = 1001;
export const TEMPLATE_VERSION_TYPE = 'IDIS_TEMPLATE';
export const FIRST_ATTRIBUTE_INDEX = 2000;
export const HS_ADMIN_INDEX = 100;
/** Four permission bits: admin read, admin write, public read, public write (RFC 3651 §3.1). */
export const DEFAULT_VALUE_PERMISSIONS = '1110';
export const DEFAULT_VALUE_TTL = 86400;

// ---------------------------------------------------------------- Handle.Net JSON shapes

/** Twelve HS_ADMIN permission bits (RFC 3651 §3.2.2), e.g. `011111110011`. */
export const AdminPermissionsSchema = z.string().regex(/^[01]{12}$/, 'twelve bits, 0 or 1');
export const ValuePermissionsSchema = z.string().regex(/^[01]{4}$/, 'four bits: admin read, admin write, public read, public write');

/**
 * An index as clients send it: a number, or its decimal digits as a string (PYHANDLE sends the
 * HS_ADMIN index as `"200"`; Handle.Net accepts both). Always a number once parsed.
 */
export const HandleIndexSchema = z.union([
  z.number().int().min(0),
  z
    .string()
    .regex(/^\d{1,10}$/, 'a whole number')
    .transform(Number),
]);

export const HandleAdminDataSchema = z.object({
  handle: z.string().min(1),
  index: HandleIndexSchema,
  permissions: AdminPermissionsSchema,
});
export type HandleAdminData = z.infer<typeof HandleAdminDataSchema>;

export const HandleValueDataSchema = z.discriminatedUnion('format', [
  z.object({ format: z.literal('string'), value: z.string() }),
  z.object({ format: z.literal('base64'), value: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64') }),
  z.object({ format: z.literal('hex'), value: z.string().regex(/^(?:[0-9A-Fa-f]{2})*$/, 'an even number of hex digits') }),
  z.object({ format: z.literal('admin'), value: HandleAdminDataSchema }),
]);
export type HandleValueData = z.infer<typeof HandleValueDataSchema>;

/**
 * A value as resolution returns it. `permissions` appears only when it differs from the default
 * `1110` (as the Handle.Net proxy does); `ttl` is seconds.
 */
export const HandleValueSchema = z.object({
  index: z.number().int(),
  type: z.string(),
  data: HandleValueDataSchema,
  ttl: z.number().int(),
  timestamp: z.string(),
  permissions: ValuePermissionsSchema.optional(),
});
export type HandleValue = z.infer<typeof HandleValueSchema>;

/**
 * A value as a client sends it (PUT): index 1…2^31−1, type ≤ 64 chars, data as an object or a bare
 * string (format string); ttl and permissions default to 86400 and 1110; timestamp is set by the server.
 */
export const HandleValueInputSchema = z.object({
  index: z
    .union([
      z.number(),
      z
        .string()
        .regex(/^\d{1,10}$/, 'a whole number')
        .transform(Number),
    ])
    .pipe(z.number().int().min(1).max(2_147_483_647)),
  type: z.string().min(1).max(HANDLE_LIMITS.types),
  data: z.union([z.string(), HandleValueDataSchema]),
  ttl: z.number().int().min(0).max(2_147_483_647).optional(),
  permissions: ValuePermissionsSchema.optional(),
  timestamp: z.string().optional(),
});
export type HandleValueInput = z.infer<typeof HandleValueInputSchema>;

/** PUT body: an array of values, `{ values: [...] }` (a `handle` there must name the URL's handle; other fields ignored), or one value. */
export const HandlePutBodySchema = z.union([
  z.array(HandleValueInputSchema),
  z.object({ handle: z.string().optional(), values: z.array(HandleValueInputSchema) }).loose(),
  HandleValueInputSchema,
]);
export type HandlePutBody = z.infer<typeof HandlePutBodySchema>;

/** GET /api/handles/{handle} success (responseCode 1) or values-not-found (200, HTTP 200, no values). */
export const HandleResolutionSchema = z.object({
  responseCode: z.number().int(),
  handle: z.string(),
  values: z.array(HandleValueSchema).optional(),
  message: z.string().optional(),
});
export type HandleResolution = z.infer<typeof HandleResolutionSchema>;

/** Every error body of the Handle-compatible routes. */
export const HandleErrorSchema = z.object({
  responseCode: z.number().int(),
  handle: z.string().optional(),
  message: z.string().optional(),
});
export type HandleError = z.infer<typeof HandleErrorSchema>;

/** PUT (201 created / 200 replaced) and DELETE (200) answers. */
export const HandleWriteResponseSchema = z.object({ responseCode: z.literal(1), handle: z.string() });

/** GET /api/handles?prefix= (page is 0-based as in the manual; totalCount is a string there too). */
export const HandleListSchema = z.object({
  responseCode: z.literal(1),
  prefix: z.string(),
  totalCount: z.string(),
  page: z.number().int().optional(),
  pageSize: z.number().int().optional(),
  handles: z.array(z.string()),
});
export type HandleList = z.infer<typeof HandleListSchema>;

/** GET /api/prefixes */
export const PrefixListSchema = z.object({
  responseCode: z.literal(1),
  totalCount: z.string(),
  page: z.number().int().optional(),
  pageSize: z.number().int().optional(),
  prefixes: z.array(z.string()),
});
export type PrefixList = z.infer<typeof PrefixListSchema>;

// ---------------------------------------------------------------- prefixes (platform API)

export const PREFIX_STATUSES = ['active', 'suspended'] as const;
export type PrefixStatus = (typeof PREFIX_STATUSES)[number];

/** A prefix the platform serves (`served`, owned by the city) or one delegated to an enterprise. */
export const HandlePrefixSchema = z.object({
  prefix: z.string(),
  parent: z.string().nullable(),
  served: z.boolean(),
  ownerOrgId: z.uuid(),
  ownerOrgName: z.string(),
  /** District of the owner (null for city-owned root prefixes). */
  districtId: z.uuid().nullable(),
  /** Organisations whose users and tokens may administer handles under the prefix (owner included). */
  adminOrgIds: z.array(z.uuid()),
  adminOrgNames: z.array(z.string()),
  status: z.enum(PREFIX_STATUSES),
  description: z.string().nullable(),
  handleCount: z.number().int(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type HandlePrefix = z.infer<typeof HandlePrefixSchema>;

/** A prefix in a path: `/api/identifiers/prefixes/88.118.8`. */
export const PrefixParamsSchema = z.object({ prefix: z.string().min(1).max(HANDLE_LIMITS.prefixBytes) }).strict();

export const PrefixListQuerySchema = z
  .object({
    q: z.string().max(128).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
  })
  .strict();
export type PrefixListQuery = z.infer<typeof PrefixListQuerySchema>;

/** Delegate `parent + '.' + segment` to an enterprise (segment: no '/', no '.'). */
export const DelegatePrefixSchema = z
  .object({
    parent: z.string().min(1).max(HANDLE_LIMITS.prefixBytes),
    segment: z.string().min(1).max(64),
    ownerOrgId: z.uuid(),
    /** Extra organisations in the admin group (e.g. a service provider registering for the owner). */
    adminOrgIds: z.array(z.uuid()).max(20).default([]),
    description: z.string().max(500).nullable().optional(),
  })
  .strict();
export type DelegatePrefix = z.infer<typeof DelegatePrefixSchema>;

export const UpdatePrefixSchema = z
  .object({
    adminOrgIds: z.array(z.uuid()).max(20).optional(),
    status: z.enum(PREFIX_STATUSES).optional(),
    description: z.string().max(500).nullable().optional(),
    version: z.number().int(),
  })
  .strict();
export type UpdatePrefix = z.infer<typeof UpdatePrefixSchema>;

// ---------------------------------------------------------------- templates

export const TEMPLATE_ITEM_TYPES = ['string', 'number', 'date', 'url', 'enum'] as const;
export type TemplateItemType = (typeof TEMPLATE_ITEM_TYPES)[number];

/** One metadata item; `name` becomes the value type of its attribute (index ≥ 2000). */
export const TemplateItemSchema = z
  .object({
    name: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'a letter, then letters, digits or _ (at most 64)')
      .refine((n) => n.toUpperCase() !== 'URL' && !n.toUpperCase().startsWith('HS_'), 'URL and HS_* are reserved'),
    /** Label for people (zh), e.g. 产品名称. */
    label: z.string().min(1).max(64),
    type: z.enum(TEMPLATE_ITEM_TYPES),
    required: z.boolean().default(false),
    /** string/url: length bounds. */
    minLength: z.number().int().min(0).max(4096).optional(),
    maxLength: z.number().int().min(1).max(4096).optional(),
    /** number: value bounds; date: ISO dates as strings in minDate/maxDate. */
    min: z.number().optional(),
    max: z.number().optional(),
    minDate: IsoDateSchema.optional(),
    maxDate: IsoDateSchema.optional(),
    /** string: a regular expression the whole value must match. */
    pattern: z.string().max(200).optional(),
    /** enum: allowed values. */
    options: z.array(z.string().min(1).max(128)).min(1).max(200).optional(),
  })
  .strict();
export type TemplateItem = z.infer<typeof TemplateItemSchema>;

/** GB/T 4754-2017 class: a section letter and 2–4 digits (e.g. C38, C3831). */
export const IndustryClassSchema = z.string().regex(/^[A-T]\d{2,4}$/, 'a GB/T 4754-2017 code: section letter and 2–4 digits, e.g. C3831');

export const CreateTemplateSchema = z
  .object({
    industryCode: IndustryClassSchema,
    name: z.string().min(1).max(128),
    items: z.array(TemplateItemSchema).min(1).max(100),
  })
  .strict();
export type CreateTemplate = z.infer<typeof CreateTemplateSchema>;

export const HandleTemplateSchema = z.object({
  id: z.uuid(),
  prefix: z.string(),
  industryCode: z.string(),
  name: z.string(),
  version: z.number().int(),
  items: z.array(TemplateItemSchema),
  /** The newest version of its industry class: new records use it. */
  current: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type HandleTemplate = z.infer<typeof HandleTemplateSchema>;
