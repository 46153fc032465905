import { z } from 'zod';
import { ForecastSchema, ReachForecastSchema } from './indicator-logic.js';

/** The four groups of the national pilot-city guide the 2027 targets are organised in. */
export const INDICATOR_GROUPS = ['infrastructure', 'application', 'ecosystem', 'public_service'] as const;
export const INDICATOR_KINDS = ['cumulative', 'new_since_start', 'record_count', 'formula'] as const;
export const INDICATOR_SOURCES = ['records', 'data_elements', 'indicators'] as const;
export const INDICATOR_STATUSES = ['on_track', 'at_risk', 'behind', 'achieved', 'no_data'] as const;
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];

/** The plan's start and target date (穗工信函〔2025〕256号). */
export const PLAN_START = '2025-09-14';
export const PLAN_END = '2027-12-31';

export const IndicatorSchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  group: z.enum(INDICATOR_GROUPS),
  unit: z.string(),
  kind: z.enum(INDICATOR_KINDS),
  source: z.enum(INDICATOR_SOURCES),
  /** What the plan says of the target: "不少于" (at_least) or "达到"/plain (reach). */
  comparator: z.enum(['at_least', 'reach']),
  target: z.number(),
  targetDate: z.string(),
  baseline: z.number(),
  baselineDate: z.string(),
  /** Value as of `asOf` (today unless asked), city-wide or for the requested district; null when no data. */
  value: z.number().nullable(),
  asOf: z.string(),
  districtId: z.uuid().nullable(),
  /** value / target, 0–1+ (null without data). */
  progress: z.number().nullable(),
  /** Where the milestone path says the value should be by `asOf`. */
  expected: z.number(),
  status: z.enum(INDICATOR_STATUSES),
  /** What the value counts, in words, for the console's explanation and drill-down. */
  definition: z.string(),
  drillDown: z.string().nullable(),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const IndicatorQuerySchema = z
  .object({
    district: z.uuid().optional(),
    asOf: z.iso.date().optional(),
  })
  .strict();

export const IndicatorSeriesPointSchema = z.object({
  period: z.string(),
  date: z.string(),
  value: z.number().nullable(),
  expected: z.number(),
});
export const IndicatorSeriesSchema = z.object({
  code: z.string(),
  districtId: z.uuid().nullable(),
  points: z.array(IndicatorSeriesPointSchema),
  /** The value expected on the target date from the recent trend, with the method in words. */
  forecast: ForecastSchema,
  /** When the trend reaches the target (null if it does not), with the method in words. */
  reach: ReachForecastSchema,
});
export type IndicatorSeries = z.infer<typeof IndicatorSeriesSchema>;
export const IndicatorCodeParamsSchema = z
  .object({ code: z.string().regex(/^[A-Z][A-Z0-9-]{1,31}$/, 'code: an indicator code such as T-APP-2') })
  .strict();
