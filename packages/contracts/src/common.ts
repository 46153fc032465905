import { z } from 'zod';

export const UuidSchema = z.uuid();
export const IdParamsSchema = z.object({ id: z.uuid() }).strict();

/** `?page=&pageSize=&sort=&q=`: sort is `field` or `-field` (descending). */
export const ListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  sort: z
    .string()
    .regex(/^-?[a-zA-Z]+$/, 'sort is a field name, prefixed with - for descending')
    .optional(),
  q: z.string().max(200).optional(),
});
export type ListQuery = z.infer<typeof ListQuerySchema>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

export const OkSchema = z.object({ ok: z.literal(true) });
