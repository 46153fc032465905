import { z } from 'zod';
import { IsoDateSchema } from './common.js';
import { INDICATOR_GROUPS, INDICATOR_STATUSES } from './indicators.js';
import { PROJECT_STATES } from './projects.js';
import { REGISTRATION_STATES } from './reporting.js';

/** An indicator code in a query (T-INF-1). */
const IndicatorCode = z.string().regex(/^[A-Z][A-Z0-9-]{1,31}$/, 'an indicator code such as T-INF-1');

/** `GET /api/dashboard` (驾驶舱): city users may pick a district; `mapIndicator` colours the map and the ranking. */
export const DashboardQuerySchema = z
  .object({
    district: z.uuid().optional(),
    asOf: IsoDateSchema.optional(),
    mapIndicator: IndicatorCode.optional(),
  })
  .strict();
export type DashboardQuery = z.infer<typeof DashboardQuerySchema>;

/** `GET /api/public/dashboard`: city-wide only, no district. */
export const PublicDashboardQuerySchema = DashboardQuerySchema.pick({ asOf: true, mapIndicator: true }).strict();

export const DashboardSparkPointSchema = z.object({ period: z.string(), value: z.number().nullable() });

/** One target card: the figures of GET /api/indicators plus the last 12 month-end values. */
export const DashboardIndicatorSchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  group: z.enum(INDICATOR_GROUPS),
  unit: z.string(),
  target: z.number(),
  targetDate: z.string(),
  value: z.number().nullable(),
  progress: z.number().nullable(),
  expected: z.number(),
  status: z.enum(INDICATOR_STATUSES),
  sparkline: z.array(DashboardSparkPointSchema),
});
export type DashboardIndicator = z.infer<typeof DashboardIndicatorSchema>;

export const DashboardGroupSchema = z.object({ group: z.enum(INDICATOR_GROUPS), indicators: z.array(DashboardIndicatorSchema) });

export const DashboardPipelineSchema = z.object({
  total: z.number().int(),
  byState: z.array(z.object({ state: z.enum(PROJECT_STATES), count: z.number().int() })),
});

/**
 * One district on the map and in the ranking: the chosen indicator's value, and overall progress —
 * the mean over the plan targets of (district value ÷ city target), each capped at 1.
 */
export const DashboardDistrictSchema = z.object({
  id: z.uuid(),
  divisionCode: z.string(),
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  value: z.number().nullable(),
  overallProgress: z.number(),
  /** 1 = highest value of the chosen indicator (ties share a rank); null without data. */
  rank: z.number().int().nullable(),
  /**
   * The chosen indicator judged against the district's allocation (目标分解, issue #12 item 5): its
   * allocated target (null when none) and status — `unallocated` (未分解) without an allocation.
   */
  target: z.number().nullable(),
  status: z.enum(INDICATOR_STATUSES),
});
export type DashboardDistrict = z.infer<typeof DashboardDistrictSchema>;

/** The district monthly report: the latest period due, by state, and completeness over the last 12 periods. */
export const DashboardReportsSchema = z.object({
  dataSet: z.string(),
  period: z.string(),
  districts: z.number().int(),
  byState: z.array(z.object({ state: z.enum(REGISTRATION_STATES), count: z.number().int() })),
  /** Forms completed (or further) ÷ forms due over `from`–`period`. */
  completeness: z.number(),
  from: z.string(),
});

const DashboardBaseSchema = z.object({
  asOf: z.string(),
  districtId: z.uuid().nullable(),
  groups: z.array(DashboardGroupSchema),
  pipeline: DashboardPipelineSchema,
  mapIndicator: z.string().nullable(),
  districts: z.array(DashboardDistrictSchema),
  reports: DashboardReportsSchema.nullable(),
});

/** The whole 驾驶舱 in one payload. `drillDown` is the console route listing what a figure counts. */
export const DashboardSchema = DashboardBaseSchema.extend({
  scope: z.enum(['city', 'district']),
  groups: z.array(
    DashboardGroupSchema.extend({
      indicators: z.array(DashboardIndicatorSchema.extend({ drillDown: z.string() })),
    }),
  ),
});
export type Dashboard = z.infer<typeof DashboardSchema>;

/** The anonymous version: aggregate figures only — no drill-down routes, no names of enterprises or projects. */
export const PublicDashboardSchema = DashboardBaseSchema.extend({ scope: z.literal('public') });
export type PublicDashboard = z.infer<typeof PublicDashboardSchema>;

/** The console route listing the records behind a figure (built by the indicators module's drill-down page). */
export function drillDownRoute(code: string, districtId: string | null, asOf: string): string {
  const q = new URLSearchParams();
  if (districtId) q.set('district', districtId);
  q.set('asOf', asOf);
  return `/indicators/${encodeURIComponent(code)}/records?${q.toString()}`;
}
