import { z } from 'zod';

/** Code lists the platform knows; their items are data (versioned, editable by city admins). */
export const CODE_LIST_KEYS = ['industry', 'cluster', 'size_class', 'honour_type', 'scenario'] as const;
export type CodeListKey = (typeof CODE_LIST_KEYS)[number];

export const CodeItemSchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  sortOrder: z.number().int(),
  attrs: z.record(z.string(), z.unknown()),
  active: z.boolean(),
  /** The list version in which this item appeared, and in which it was retired (null while active). */
  sinceVersion: z.number().int(),
  retiredVersion: z.number().int().nullable(),
});
export type CodeItem = z.infer<typeof CodeItemSchema>;

export const CodeListSchema = z.object({
  key: z.enum(CODE_LIST_KEYS),
  nameZh: z.string(),
  nameEn: z.string(),
  version: z.number().int(),
  items: z.array(CodeItemSchema),
});
export type CodeList = z.infer<typeof CodeListSchema>;

/** A list without its items (the index of lists). */
export const CodeListSummarySchema = CodeListSchema.omit({ items: true });
export type CodeListSummary = z.infer<typeof CodeListSummarySchema>;

/** `?includeRetired=true` also returns retired items (records may still carry them). */
export const CodeListQuerySchema = z.object({ includeRetired: z.enum(['true', 'false']).optional() }).strict();

export const CodeListParamsSchema = z.object({ key: z.enum(CODE_LIST_KEYS) }).strict();
export const CodeItemParamsSchema = z
  .object({ key: z.enum(CODE_LIST_KEYS), code: z.string().regex(/^[A-Za-z0-9_]{1,32}$/, 'code: 1 to 32 letters, digits or _') })
  .strict();

export const UpsertCodeItemSchema = z
  .object({
    nameZh: z.string().trim().min(1).max(64),
    nameEn: z.string().trim().min(1).max(128),
    sortOrder: z.number().int().min(0).max(100_000).optional(),
    attrs: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  })
  .strict();
export type UpsertCodeItem = z.infer<typeof UpsertCodeItemSchema>;
