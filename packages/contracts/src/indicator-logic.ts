import { z } from 'zod';
import { IsoDateSchema } from './common.js';
import { RefusalReasonSchema } from './errors.js';

/**
 * Shapes shared by the pure indicator and reporting logic (issue #4): periods, data set timing,
 * validation rules, pace and forecast. The rules themselves live in the server's `logic/` folders;
 * these schemas are what the API and the console exchange about them.
 */

const DATE = z.iso.date();

// ---- Periods (DHIS2 period ids) -------------------------------------------------------------

export const PERIOD_TYPES = ['monthly', 'quarterly', 'yearly'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

/** `202611` (monthly), `2026Q4` (quarterly), `2026` (yearly). */
export const PeriodIdSchema = z
  .string()
  .regex(/^[1-9]\d{3}(0[1-9]|1[0-2]|Q[1-4])?$/, 'period: 202611 (month), 2026Q4 (quarter) or 2026 (year)');

// ---- Data elements and data sets ------------------------------------------------------------

/** How a data element's values add up over time: the latest figure (stocks) or the total (flows). */
export const AGGREGATION_TYPES = ['LAST', 'SUM'] as const;
export type AggregationType = (typeof AGGREGATION_TYPES)[number];

/**
 * Entry opens on (period end + openAfterDays) and closes after (period end + closeAfterDays), both
 * counted in days from the period's last day: 1 is the day after it ends, -4 four days before.
 */
export const InputWindowSchema = z
  .object({ openAfterDays: z.number().int(), closeAfterDays: z.number().int() })
  .strict()
  .refine((w) => w.openAfterDays <= w.closeAfterDays, { message: 'inputWindow: openAfterDays must not be after closeAfterDays' });
export type InputWindow = z.infer<typeof InputWindowSchema>;

/** When a data set's forms may be filled (DHIS2 semantics; expiryDays 0 = never expires). */
export const DataSetTimingSchema = z
  .object({
    code: z.string().min(1),
    periodType: z.enum(PERIOD_TYPES),
    openFuturePeriods: z.number().int().min(0).max(12),
    expiryDays: z.number().int().min(0),
    inputWindow: InputWindowSchema.nullable().optional(),
  })
  .strict();
export type DataSetTiming = z.infer<typeof DataSetTimingSchema>;

/** A city admin's grant reopening one expired period for one organisation, through expiresOn (inclusive). */
export const LockExceptionSchema = z
  .object({ dataSet: z.string().min(1), period: PeriodIdSchema, orgUnit: z.string().min(1), expiresOn: IsoDateSchema })
  .strict();
export type LockException = z.infer<typeof LockExceptionSchema>;

export const APPROVAL_LEVELS = ['approved', 'accepted'] as const;
export type ApprovalLevel = (typeof APPROVAL_LEVELS)[number];

export const ENTRY_LOCK_REASONS = ['not_started', 'future', 'expired', 'approved', 'accepted'] as const;
export type EntryLockReason = (typeof ENTRY_LOCK_REASONS)[number];

/**
 * Whether a form may be edited, and if not why. `until` is the first day the form opens;
 * `since` the first day it was locked; `deadline` the last day an open form can be edited.
 */
export const EntryStateSchema = z.discriminatedUnion('open', [
  z.object({ open: z.literal(true), deadline: DATE.optional(), byException: z.boolean().optional() }),
  z.object({ open: z.literal(false), reason: z.enum(ENTRY_LOCK_REASONS), until: DATE.optional(), since: DATE.optional() }),
]);
export type EntryState = z.infer<typeof EntryStateSchema>;

// ---- Validation rules (DHIS2's operators and missing-value strategies) ----------------------

export const VALIDATION_OPERATORS = [
  'equal_to',
  'not_equal_to',
  'greater_than',
  'greater_than_or_equal_to',
  'less_than',
  'less_than_or_equal_to',
  'compulsory_pair',
  'exclusive_pair',
] as const;
export type ValidationOperator = (typeof VALIDATION_OPERATORS)[number];

export const MISSING_VALUE_STRATEGIES = ['SKIP_IF_ANY_VALUE_MISSING', 'SKIP_IF_ALL_VALUES_MISSING', 'NEVER_SKIP'] as const;
export type MissingValueStrategy = (typeof MISSING_VALUE_STRATEGIES)[number];

/** One side of a rule: an expression, and what to do when its values are missing (DHIS2 default: skip if all missing). */
export const ValidationRuleSideSchema = z
  .object({
    expression: z.string().min(1).max(2000),
    description: z.string().max(200).optional(),
    missingValueStrategy: z.enum(MISSING_VALUE_STRATEGIES).default('SKIP_IF_ALL_VALUES_MISSING'),
  })
  .strict();
export type ValidationRuleSide = z.input<typeof ValidationRuleSideSchema>;

export const ValidationRuleSchema = z
  .object({
    code: z.string().min(1).max(40),
    name: z.string().min(1).max(200),
    left: ValidationRuleSideSchema,
    operator: z.enum(VALIDATION_OPERATORS),
    right: ValidationRuleSideSchema,
  })
  .strict();
export type ValidationRule = z.input<typeof ValidationRuleSchema>;

export const RULE_STATUSES = ['passed', 'failed', 'skipped'] as const;
export type RuleStatus = (typeof RULE_STATUSES)[number];

export const RuleResultSchema = z.object({
  rule: z.string(),
  status: z.enum(RULE_STATUSES),
  left: z.number().nullable(),
  right: z.number().nullable(),
  message: z.string(),
  /** The outcome as a code with parameters (rule, name, operator, both sides), worded by the console (#12 item 3). */
  reason: RefusalReasonSchema.optional(),
});
export type RuleResult = z.infer<typeof RuleResultSchema>;

// ---- Expressions -----------------------------------------------------------------------------

export const EXPRESSION_ERROR_KINDS = [
  'syntax',
  'unknown_function',
  'arity',
  'type',
  'unknown_reference',
  'division_by_zero',
  'not_finite',
] as const;
export type ExpressionErrorKind = (typeof EXPRESSION_ERROR_KINDS)[number];

/** `position` is the 0-based character offset in the expression the error points at. */
export const ExpressionProblemSchema = z.object({
  kind: z.enum(EXPRESSION_ERROR_KINDS),
  position: z.number().int(),
  message: z.string(),
  /** The problem as a code with parameters (what was expected, what was found), worded by the console (#12 item 3). */
  reason: RefusalReasonSchema.optional(),
});
export type ExpressionProblem = z.infer<typeof ExpressionProblemSchema>;

// ---- Pace and forecast -------------------------------------------------------------------------

export const PACE_STATUSES = ['on_track', 'at_risk', 'behind'] as const;
export type PaceStatus = (typeof PACE_STATUSES)[number];

export const DatedValueSchema = z.object({ date: IsoDateSchema, value: z.number() }).strict();
export type DatedValue = z.infer<typeof DatedValueSchema>;

/** Shares of the expected gain below which an indicator is at risk / behind (0.9 and 0.75 by default). */
export const PaceThresholdsSchema = z
  .object({ atRisk: z.number().gt(0).max(1), behind: z.number().gt(0).max(1) })
  .strict()
  .refine((t) => t.behind < t.atRisk, { message: 'thresholds: behind must be below atRisk' });
export type PaceThresholds = z.infer<typeof PaceThresholdsSchema>;

export const IndicatorPlanSchema = z
  .object({
    baseline: DatedValueSchema,
    target: DatedValueSchema,
    /** Date → value the path passes through; without them the path is a straight line from baseline to target. */
    milestones: z.record(IsoDateSchema, z.number()).nullable().optional(),
    thresholds: PaceThresholdsSchema.optional(),
    cumulative: z.boolean().optional(),
  })
  .strict();
export type IndicatorPlan = z.infer<typeof IndicatorPlanSchema>;

export const PaceSchema = z.object({
  date: DATE,
  value: z.number(),
  expected: z.number(),
  progress: z.number(),
  expectedProgress: z.number(),
  ofTarget: z.number().nullable(),
  paceRatio: z.number(),
  status: z.enum(PACE_STATUSES),
});
export type Pace = z.infer<typeof PaceSchema>;

/**
 * How a forecast or reach date was made, as a stable code for consoles to say in their language:
 * `linear_trend` (least-squares line over the last `points` monthly values, `months` asked for),
 * `held_at_latest` (that line, held at the latest value: a cumulative figure cannot fall),
 * `reached` (a value on `date` already meets the target), `away_from_target` (flat or wrong-way trend),
 * `too_slow` (would not reach it before 9999), `insufficient_data` (fewer than 2 values: `points`),
 * `same_date` (the values share one date).
 */
export const FORECAST_METHODS = [
  'linear_trend',
  'held_at_latest',
  'reached',
  'away_from_target',
  'too_slow',
  'insufficient_data',
  'same_date',
] as const;
export type ForecastMethod = (typeof FORECAST_METHODS)[number];
export const ForecastBasisSchema = z.object({
  method: z.enum(FORECAST_METHODS),
  /** The trend window asked for, in months. */
  months: z.number().int().optional(),
  /** How many monthly values the trend was fitted to (or were available). */
  points: z.number().int().optional(),
  /** For `reached`: the date of the first value meeting the target. */
  date: DATE.optional(),
});
export type ForecastBasis = z.infer<typeof ForecastBasisSchema>;

export const ForecastSchema = z.object({
  date: DATE,
  value: z.number().nullable(),
  /** The method as an English sentence (kept for API compatibility; consoles use `basis`). */
  method: z.string(),
  basis: ForecastBasisSchema,
});
export type Forecast = z.infer<typeof ForecastSchema>;

export const ReachForecastSchema = z.object({
  date: DATE.nullable(),
  /** The method as an English sentence (kept for API compatibility; consoles use `basis`). */
  method: z.string(),
  basis: ForecastBasisSchema,
});
export type ReachForecast = z.infer<typeof ReachForecastSchema>;

// ---- Status and forecast agree (issue #12 item 5) ------------------------------------------------

/**
 * The pace status once the reach forecast is heard: a target the trend reaches only after its
 * target date — or never (flat or wrong-way trend, or beyond 9999) — is not 正常 (on_track) but
 * 预警 (at_risk), whatever the gain so far. A forecast without enough data (fewer than two values,
 * one date) says nothing and leaves the status as it is; at_risk and behind are never raised.
 * docs/adr/0016-indicator-status-and-contribution.md states the rule.
 */
export function statusWithForecast(status: PaceStatus, reach: Pick<ReachForecast, 'date' | 'basis'>, targetDate: string): PaceStatus {
  if (status !== 'on_track') return status;
  const method = reach.basis.method;
  if (method === 'insufficient_data' || method === 'same_date') return status;
  if (reach.date === null || reach.date > targetDate) return 'at_risk';
  return status;
}
