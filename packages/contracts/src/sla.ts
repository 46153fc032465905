import { z } from 'zod';
import { IsoDateTimeSchema, ListQuerySchema } from './common.js';

/**
 * SLA validation of 5G private networks (专网验收, issue #14 item 3). The KPIs follow 3GPP TS 22.104
 * (end-to-end latency, jitter, survival time, communication service availability), TS 28.552 /
 * 28.554 (throughput, coverage by SS-RSRP / SS-SINR) and the GSMA NG.116 slice templates.
 */
export const SLA_METRICS = [
  'latency_p50_ms',
  'latency_p95_ms',
  'latency_p99_ms',
  /** Mean absolute difference of consecutive latencies (RFC 3550 style, without its 1/16 smoothing). */
  'jitter_ms',
  'loss_pct',
  /** The throughput 95 % of the measured intervals reach (the 5th percentile). */
  'uplink_p5_mbps',
  'uplink_p50_mbps',
  'downlink_p5_mbps',
  'downlink_p50_mbps',
  /** Communication service availability: an interruption counts only when it exceeds the survival time. */
  'availability_pct',
  /** Share of drive-test samples in coverage class 'good' or better. */
  'coverage_good_pct',
] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];

export const SLA_OPERATORS = ['lt', 'lte', 'gt', 'gte'] as const;
export type SlaOperator = (typeof SLA_OPERATORS)[number];

/** Metrics where less is better: their items must use `lt` / `lte`, the others `gt` / `gte`. */
export const LOWER_IS_BETTER: ReadonlySet<SlaMetric> = new Set([
  'latency_p50_ms',
  'latency_p95_ms',
  'latency_p99_ms',
  'jitter_ms',
  'loss_pct',
]);

/**
 * Coverage classes by SS-RSRP (dBm) and SS-SINR (dB): a sample is in the best class whose both
 * floors it reaches. The floors are the usual Chinese operators' drive-test grading (优/良/中/差).
 */
export const COVERAGE_CLASSES = [
  { class: 'excellent', minRsrpDbm: -85, minSinrDb: 20 },
  { class: 'good', minRsrpDbm: -95, minSinrDb: 10 },
  { class: 'fair', minRsrpDbm: -105, minSinrDb: 0 },
  { class: 'poor', minRsrpDbm: -Infinity, minSinrDb: -Infinity },
] as const;
export type CoverageClass = (typeof COVERAGE_CLASSES)[number]['class'];

/** One requirement of a profile: the metric, how it compares and the threshold; availability also needs its survival time. */
export const SlaItemSchema = z
  .object({
    metric: z.enum(SLA_METRICS),
    op: z.enum(SLA_OPERATORS),
    threshold: z.number().finite().min(0).max(1_000_000),
    /** Availability only: how long the application bridges a missing message (TS 22.104 survival time), in ms. */
    survivalTimeMs: z.number().int().min(0).max(3_600_000).nullable().optional(),
  })
  .strict()
  .superRefine((item, ctx) => {
    const lower = LOWER_IS_BETTER.has(item.metric);
    if (lower !== (item.op === 'lt' || item.op === 'lte'))
      ctx.addIssue({
        code: 'custom',
        path: ['op'],
        message: 'the comparison goes the wrong way for this metric',
        params: { rule: 'sla_direction' },
      });
    if (item.metric === 'availability_pct' && item.survivalTimeMs == null)
      ctx.addIssue({
        code: 'custom',
        path: ['survivalTimeMs'],
        message: 'availability needs a survival time',
        params: { rule: 'required' },
      });
    if (item.metric.endsWith('_pct') && item.threshold > 100)
      ctx.addIssue({ code: 'custom', path: ['threshold'], message: 'a percentage is at most 100', params: { rule: 'percentage' } });
  });
export type SlaItem = z.infer<typeof SlaItemSchema>;

const uniqueMetrics = (items: readonly SlaItem[]) => new Set(items.map((i) => i.metric)).size === items.length;
const itemsSchema = z
  .array(SlaItemSchema)
  .min(1)
  .max(SLA_METRICS.length)
  .refine(uniqueMetrics, { message: 'each metric once', params: { rule: 'duplicate_item' } });

export const SlaProfileSchema = z.object({
  id: z.uuid(),
  /** Stable key: `agv_motion`, `machine_vision`, `cloud_plc`, `coverage` for the presets. */
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  /** Seeded by the platform (the city may edit it, not delete it). */
  preset: z.boolean(),
  items: z.array(SlaItemSchema),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type SlaProfile = z.infer<typeof SlaProfileSchema>;

export const CreateSlaProfileSchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{1,39}$/),
    nameZh: z.string().trim().min(1).max(100),
    nameEn: z.string().trim().min(1).max(100),
    items: itemsSchema,
  })
  .strict();
export type CreateSlaProfile = z.infer<typeof CreateSlaProfileSchema>;

export const UpdateSlaProfileSchema = z
  .object({
    nameZh: z.string().trim().min(1).max(100).optional(),
    nameEn: z.string().trim().min(1).max(100).optional(),
    items: itemsSchema.optional(),
    version: z.number().int(),
  })
  .strict();
export type UpdateSlaProfile = z.infer<typeof UpdateSlaProfileSchema>;

/** The uploaded test formats: `iperf3 -J` JSON, Linux iputils `ping` output, drive-test CSV. */
export const SLA_UPLOAD_FORMATS = ['iperf3', 'ping', 'drive_test'] as const;
export type SlaUploadFormat = (typeof SLA_UPLOAD_FORMATS)[number];

export const UploadSlaMeasurementsQuerySchema = z
  .object({
    format: z.enum(SLA_UPLOAD_FORMATS),
    /** When the test began: needed for ping output without `-D` timestamps (one echo per second from then). */
    startedAt: IsoDateTimeSchema.optional(),
  })
  .strict();
export type UploadSlaMeasurementsQuery = z.infer<typeof UploadSlaMeasurementsQuerySchema>;

export const SlaSampleCountsSchema = z.object({
  latency: z.number().int(),
  lost: z.number().int(),
  uplink: z.number().int(),
  downlink: z.number().int(),
  coverage: z.number().int(),
});
export type SlaSampleCounts = z.infer<typeof SlaSampleCountsSchema>;

export const SlaMeasurementSetSchema = z.object({
  id: z.uuid(),
  networkId: z.uuid(),
  format: z.enum(SLA_UPLOAD_FORMATS),
  fileName: z.string(),
  sha256: z.string(),
  measuredFrom: z.string(),
  measuredTo: z.string(),
  counts: SlaSampleCountsSchema,
  uploadedAt: z.string(),
  uploadedByName: z.string(),
});
export type SlaMeasurementSet = z.infer<typeof SlaMeasurementSetSchema>;

const percentiles = z.object({ count: z.number().int(), p5: z.number(), p50: z.number(), p95: z.number(), p99: z.number() });
export const SlaStatsSchema = z.object({
  latency: percentiles.extend({ mean: z.number(), max: z.number() }).nullable(),
  jitterMs: z.number().nullable(),
  /** Echoes sent and lost (ping) → loss %. */
  lossPct: z.number().nullable(),
  uplink: percentiles.nullable(),
  downlink: percentiles.nullable(),
  coverage: z
    .object({ count: z.number().int(), shares: z.array(z.object({ class: z.string(), count: z.number().int(), pct: z.number() })) })
    .nullable(),
  /** The latency CDF at up to 50 points, for the chart: latency (ms) → share of samples at or below it. */
  latencyCdf: z.array(z.object({ ms: z.number(), share: z.number() })),
});
export type SlaStats = z.infer<typeof SlaStatsSchema>;

export const SlaItemResultSchema = z.object({
  metric: z.enum(SLA_METRICS),
  op: z.enum(SLA_OPERATORS),
  threshold: z.number(),
  survivalTimeMs: z.number().nullable(),
  /** null when nothing measured it: the item fails for want of evidence. */
  measured: z.number().nullable(),
  pass: z.boolean(),
  /** What the figure rests on: samples counted and, for availability, the outages counted. */
  evidence: z.object({
    samples: z.number().int(),
    sources: z.array(z.string()),
    outages: z.number().int().optional(),
    downtimeMs: z.number().optional(),
    spanMs: z.number().optional(),
  }),
});
export type SlaItemResult = z.infer<typeof SlaItemResultSchema>;

export const SLA_RESULT_STATES = ['awaiting_sign_off', 'accepted', 'rejected'] as const;
export type SlaResultState = (typeof SLA_RESULT_STATES)[number];

export const SlaSourceSchema = z.object({
  kind: z.enum(['upload', 'telemetry']),
  /** The upload's file name, or `telemetry` with the probes' device keys. */
  label: z.string(),
  sha256: z.string().nullable(),
  format: z.enum(SLA_UPLOAD_FORMATS).nullable(),
  samples: z.number().int(),
});

/** A month `YYYY-MM`: results are per network and month. */
export const SlaPeriodSchema = z.string().regex(/^20\d\d-(0[1-9]|1[0-2])$/);

export const SlaResultSchema = z.object({
  id: z.uuid(),
  networkId: z.uuid(),
  networkName: z.string(),
  period: z.string(),
  profile: z.object({ id: z.uuid(), code: z.string(), nameZh: z.string(), nameEn: z.string() }),
  verdict: z.enum(['pass', 'fail']),
  items: z.array(SlaItemResultSchema),
  stats: SlaStatsSchema,
  sources: z.array(SlaSourceSchema),
  computedAt: z.string(),
  computedByName: z.string(),
  state: z.enum(SLA_RESULT_STATES),
  signOff: z
    .object({ decision: z.enum(['accepted', 'rejected']), opinion: z.string(), signedAt: z.string(), signedByName: z.string() })
    .nullable(),
  /** What the caller may do: recompute (operator / enterprise, not once accepted), sign off (district / city). */
  allowed: z.array(z.enum(['compute', 'sign_off'])),
  version: z.number().int(),
});
export type SlaResult = z.infer<typeof SlaResultSchema>;

/** A network's SLA page: its profile, its uploaded tests and its results, newest first. */
export const NetworkSlaSchema = z.object({
  networkId: z.uuid(),
  profile: SlaProfileSchema.nullable(),
  measurementSets: z.array(SlaMeasurementSetSchema),
  results: z.array(SlaResultSchema),
  canTest: z.boolean(),
});
export type NetworkSla = z.infer<typeof NetworkSlaSchema>;

export const SetNetworkSlaProfileSchema = z.object({ profileId: z.uuid() }).strict();
export const ComputeSlaResultSchema = z.object({ period: SlaPeriodSchema }).strict();
export const SignOffSlaResultSchema = z
  .object({
    decision: z.enum(['accepted', 'rejected']),
    opinion: z.string().trim().min(1).max(2000),
    version: z.number().int(),
  })
  .strict();
export type SignOffSlaResult = z.infer<typeof SignOffSlaResultSchema>;

/** The results in the caller's reach (the SLA compliance list, the district's sign-off queue). */
export const SlaResultListQuerySchema = ListQuerySchema.extend({
  state: z.enum(SLA_RESULT_STATES).optional(),
  period: SlaPeriodSchema.optional(),
}).strict();
export type SlaResultListQuery = z.infer<typeof SlaResultListQuerySchema>;
