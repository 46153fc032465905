import { z } from 'zod';

export const UuidSchema = z.uuid();

/**
 * The calendar dates any input may name (issue #11 item 2): wide enough for every date of the
 * programme's records (founding dates, patents, standards, plans to 2035), narrow enough that no
 * calculation or column meets a year 0001 or 9999. Outputs computed by the server (a forecast
 * may say 9999) keep plain `z.iso.date()`.
 */
export const DATE_RANGE = { min: '1900-01-01', max: '2199-12-31' } as const;

const inDateRange = (date: string) => date >= DATE_RANGE.min && date <= DATE_RANGE.max;
const dateRangeIssue = {
  message: `a date from ${DATE_RANGE.min} to ${DATE_RANGE.max}`,
  params: { rule: 'date_range' },
} as const;

/** An input date `YYYY-MM-DD` within DATE_RANGE (rule `date_range` when outside). */
export const IsoDateSchema = z.iso.date().refine(inDateRange, dateRangeIssue);

/** An input timestamp (ISO 8601 with offset) whose date part is within DATE_RANGE (rule `date_range`). */
export const IsoDateTimeSchema = z.iso.datetime({ offset: true }).refine((value) => inDateRange(value.slice(0, 10)), dateRangeIssue);
export const IdParamsSchema = z.object({ id: z.uuid() }).strict();

/**
 * `?page=&pageSize=&q=`, plus `sort` for the lists that order by a choice of fields: those replace it
 * with `sortOf([...])`. A list with one fixed order refuses any `sort` (400 naming it) rather than
 * ignoring it silently (issue #11 item 7).
 */
export const ListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  sort: z.undefined({ error: 'this list has one fixed order and takes no sort' }).optional(),
  q: z.string().max(200).optional(),
});
export type ListQuery = z.infer<typeof ListQuerySchema>;

/**
 * `?sort=` of a list that orders by these fields: `field` or `-field` (descending). An unknown key is
 * refused (400 naming `sort`) instead of silently ignored (issue #11 item 7).
 */
export function sortOf<const K extends string>(keys: readonly [K, ...K[]]) {
  const values = [...keys, ...keys.map((k) => `-${k}` as const)] as [K | `-${K}`, ...(K | `-${K}`)[]];
  return z.enum(values).optional();
}

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

export const OkSchema = z.object({ ok: z.literal(true) });
