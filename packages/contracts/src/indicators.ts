import { z } from 'zod';
import { AllocationSchema } from './allocations.js';
import { IsoDateSchema } from './common.js';
import { CONFIRMATION_STATES } from './confirmations.js';
import {
  AGGREGATION_TYPES,
  ExpressionProblemSchema,
  ForecastSchema,
  PaceThresholdsSchema,
  ReachForecastSchema,
} from './indicator-logic.js';

/** The four groups of the national pilot-city guide the 2027 targets are organised in. */
export const INDICATOR_GROUPS = ['infrastructure', 'application', 'ecosystem', 'public_service'] as const;
export const INDICATOR_KINDS = ['cumulative', 'new_since_start', 'record_count', 'formula'] as const;
export const INDICATOR_SOURCES = ['records', 'data_elements', 'indicators'] as const;
/** `unallocated` (未分解): a district's figure on a target the city has not allocated to it (issue #12 item 5). */
export const INDICATOR_STATUSES = ['on_track', 'at_risk', 'behind', 'achieved', 'no_data', 'unallocated'] as const;
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
  definitionEn: z.string().optional(),
  /** Why the value is null when it is (a formula dividing by zero, a missing operand). */
  reason: z.string().nullable().optional(),
  isPlanTarget: z.boolean().optional(),
  /** Whether the public dashboard and open data show it. */
  isPublic: z.boolean().optional(),
  /** The console page listing the records behind the value: `/indicators/<code>/records[?district=…]`. */
  drillDown: z.string().nullable(),
  /**
   * For a district's figure: the allocation `target` is judged against (then `target` is the
   * district's), or null when none is set (status `unallocated`); absent for city-wide figures.
   */
  allocation: AllocationSchema.nullable().optional(),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const IndicatorQuerySchema = z
  .object({
    district: z.uuid().optional(),
    asOf: IsoDateSchema.optional(),
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
  /** For a district: the allocation the path and reach are judged against, null when none (未分解). */
  allocation: AllocationSchema.nullable().optional(),
});
export type IndicatorSeries = z.infer<typeof IndicatorSeriesSchema>;
export const INDICATOR_CODE_PATTERN = /^[A-Z][A-Z0-9-]{1,31}$/;
export const IndicatorCodeSchema = z.string().regex(INDICATOR_CODE_PATTERN, 'code: an indicator code such as T-APP-2');
export const IndicatorCodeParamsSchema = z.object({ code: IndicatorCodeSchema }).strict();

// ---- Administration (issue #4 item 1) ---------------------------------------------------------

/**
 * Fields of a plan target (T-*) that the plan itself fixes; edits to them are refused. Baseline,
 * milestones, thresholds, definitions and the sort order stay editable.
 */
export const PLAN_TARGET_PROTECTED_FIELDS = [
  'nameZh',
  'nameEn',
  'group',
  'unit',
  'kind',
  'source',
  'comparator',
  'target',
  'targetDate',
  'counter',
  'dataElement',
  'formula',
  'isPublic',
] as const;

const DATE = IsoDateSchema;

/**
 * What an administrator states about an indicator. Exactly one of `counter` (a named record count,
 * source records), `dataElement` (reported values, source data_elements) or `formula` (kind
 * formula) says where the value comes from; the service checks the combination and names the field.
 */
const IndicatorFieldsSchema = z.object({
  nameZh: z.string().trim().min(1).max(100),
  nameEn: z.string().trim().min(1).max(200),
  group: z.enum(INDICATOR_GROUPS),
  unit: z.string().trim().min(1).max(20),
  kind: z.enum(INDICATOR_KINDS),
  source: z.enum(INDICATOR_SOURCES),
  comparator: z.enum(['at_least', 'reach']),
  counter: z.string().max(60).nullable(),
  dataElement: z.string().max(60).nullable(),
  formula: z.string().max(2000).nullable(),
  target: z.number().finite(),
  targetDate: DATE,
  baseline: z.number().finite(),
  baselineDate: DATE,
  /** Date → value the milestone path passes through (e.g. one per year end); null: a straight path. */
  milestones: z.record(DATE, z.number().finite()).nullable(),
  thresholds: PaceThresholdsSchema,
  definitionZh: z.string().trim().min(1).max(1000),
  definitionEn: z.string().trim().max(1000),
  sortOrder: z.number().int().min(0).max(100_000),
  /**
   * Shown on the public dashboard and in open data (issue #12 item 7). The plan's targets are
   * public by the plan; an administrator's new indicator stays internal until marked public.
   */
  isPublic: z.boolean(),
});

export const IndicatorCreateSchema = IndicatorFieldsSchema.extend({
  code: IndicatorCodeSchema,
  counter: IndicatorFieldsSchema.shape.counter.default(null),
  dataElement: IndicatorFieldsSchema.shape.dataElement.default(null),
  formula: IndicatorFieldsSchema.shape.formula.default(null),
  comparator: IndicatorFieldsSchema.shape.comparator.default('reach'),
  baseline: IndicatorFieldsSchema.shape.baseline.default(0),
  baselineDate: DATE.default(PLAN_START),
  targetDate: DATE.default(PLAN_END),
  milestones: IndicatorFieldsSchema.shape.milestones.default(null),
  thresholds: PaceThresholdsSchema.default({ atRisk: 0.9, behind: 0.75 }),
  definitionEn: z.string().trim().max(1000).default(''),
  sortOrder: z.number().int().min(0).max(100_000).default(1000),
  isPublic: z.boolean().default(false),
}).strict();
export type IndicatorCreate = z.input<typeof IndicatorCreateSchema>;

export const IndicatorUpdateSchema = IndicatorFieldsSchema.partial()
  .extend({ version: z.number().int().min(1) })
  .strict();
export type IndicatorUpdate = z.input<typeof IndicatorUpdateSchema>;

export const IndicatorRetireSchema = z.object({ version: z.number().int().min(1), reason: z.string().trim().min(1).max(500) }).strict();
export const IndicatorRestoreSchema = z.object({ version: z.number().int().min(1) }).strict();

/** An indicator's stored definition, as the 指标管理 page edits it. */
export const IndicatorDefinitionSchema = IndicatorFieldsSchema.extend({
  code: z.string(),
  isPlanTarget: z.boolean(),
  /** Fields that cannot be changed (the plan's own, for T-*). */
  protectedFields: z.array(z.string()),
  retiredAt: z.string().nullable(),
  retiredReason: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type IndicatorDefinition = z.infer<typeof IndicatorDefinitionSchema>;

export const IndicatorDefinitionQuerySchema = z.object({ retired: z.enum(['include', 'only']).optional() }).strict();

/** What indicators can be built from: the named record counters and the reported data elements. */
export const IndicatorSourcesSchema = z.object({
  counters: z.array(z.string()),
  dataElements: z.array(
    z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), aggregation: z.enum(AGGREGATION_TYPES), unit: z.string() }),
  ),
  indicators: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), unit: z.string() })),
});
export type IndicatorSources = z.infer<typeof IndicatorSourcesSchema>;

/** Live check of a formula while it is typed: the same rules as saving it. */
export const FormulaCheckSchema = z.object({ formula: z.string().max(2000), code: IndicatorCodeSchema.optional() }).strict();
export const FormulaCheckResultSchema = z.object({
  ok: z.boolean(),
  problems: z.array(ExpressionProblemSchema),
  /** The indicators that would depend on each other in a loop, e.g. ['X-A', 'X-B', 'X-A']. */
  cycle: z.array(z.string()).nullable(),
  dataElements: z.array(z.string()),
  indicators: z.array(z.string()),
  /** City-wide value today, when the formula is valid (null when data is missing; `reason` says why). */
  value: z.number().nullable(),
  reason: z.string().nullable(),
});
export type FormulaCheckResult = z.infer<typeof FormulaCheckResultSchema>;

// ---- Drill-down (issue #4 item 6: every number drills down to the records it counts) ---------

export const IndicatorRecordsQuerySchema = z
  .object({
    district: z.uuid().optional(),
    asOf: IsoDateSchema.optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
  })
  .strict();

export const DRILL_RECORD_KINDS = [
  'project',
  'factory',
  'enterprise',
  'registry_record',
  'selection_application',
  'typical_case',
  'handle_stat',
  /** A 5G private network (T-INF-3, issue #14). */
  'private_network',
  /** An edge computing node of a private network (T-INF-2); `ref` is its network. */
  'edge_node',
  /**
   * A district's typed monthly figure, counted for the months before the network records took over
   * in that district (T-INF-2 / T-INF-3); `id` is `<period>:<district id>`, `ref` the element.
   */
  'reported_value',
  /** A cohort or event of the trainings module (T-PUB-2, T-PUB-3, issue #15 item 6). */
  'training_activity',
  /** A person who completed a training, counted once (T-PUB-4); `ref` is the activity of the first completion. */
  'trainee',
] as const;
export type DrillRecordKind = (typeof DRILL_RECORD_KINDS)[number];

export const IndicatorRecordSchema = z.object({
  kind: z.enum(DRILL_RECORD_KINDS),
  id: z.string(),
  title: z.string(),
  districtId: z.string().nullable(),
  districtName: z.string().nullable(),
  /** The record's state or kind where it has one (project state, registry kind, …). */
  state: z.string().nullable(),
  /** The date that made it count (project entered the state, tenth scenario went live, record date, …). */
  countedOn: z.string().nullable(),
  /** What the record adds to the value: 1, or e.g. the trainees who completed a training. */
  weight: z.number(),
  /** Console path of the record. */
  link: z.string().nullable(),
  /**
   * Where a self-declared record stands (issue #12 item 5): counted records are `confirmed`;
   * `declared` ones are listed apart and not counted; null for records without confirmation.
   */
  confirmation: z.enum(CONFIRMATION_STATES).nullable(),
});
export type IndicatorRecord = z.infer<typeof IndicatorRecordSchema>;

export const IndicatorDataValueSchema = z.object({
  districtId: z.string(),
  districtName: z.string(),
  period: z.string(),
  value: z.number(),
  /** Whether the city has accepted (and locked) the form this value was reported in. */
  accepted: z.boolean(),
});
export type IndicatorDataValue = z.infer<typeof IndicatorDataValueSchema>;

export const IndicatorOperandSchema = z.object({
  reference: z.string(),
  kind: z.enum(['dataElement', 'indicator']),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  aggregation: z.enum(AGGREGATION_TYPES).nullable(),
  value: z.number().nullable(),
  /** The operand's own drill-down (indicators) or null. */
  link: z.string().nullable(),
});
export type IndicatorOperand = z.infer<typeof IndicatorOperandSchema>;

export const DRILL_BASES = ['records', 'data_values', 'operands'] as const;

/**
 * The records behind an indicator's value. Exactly one list is filled, by `basis`; `sum` is what
 * all its items (not just this page) add up to, and equals `indicator.value`.
 */
export const IndicatorRecordsSchema = z.object({
  indicator: IndicatorSchema,
  basis: z.enum(DRILL_BASES),
  counter: z.string().nullable(),
  element: z
    .object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), aggregation: z.enum(AGGREGATION_TYPES), unit: z.string() })
    .nullable(),
  formula: z.string().nullable(),
  total: z.number().int(),
  sum: z.number().nullable(),
  page: z.number().int(),
  pageSize: z.number().int(),
  records: z.array(IndicatorRecordSchema),
  /**
   * Records declared by enterprises that would count but wait for their district's confirmation
   * (issue #12 item 5): not in `total` or `sum`; the first 50, latest first, and how many.
   */
  pending: z.array(IndicatorRecordSchema),
  pendingTotal: z.number().int(),
  dataValues: z.array(IndicatorDataValueSchema),
  operands: z.array(IndicatorOperandSchema),
});
export type IndicatorRecords = z.infer<typeof IndicatorRecordsSchema>;
