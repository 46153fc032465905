import { z } from 'zod';
import { IsoDateSchema } from './common.js';
import { RefusalReasonSchema } from './errors.js';
import {
  AGGREGATION_TYPES,
  EntryStateSchema,
  InputWindowSchema,
  MISSING_VALUE_STRATEGIES,
  PERIOD_TYPES,
  PeriodIdSchema,
  RuleResultSchema,
  VALIDATION_OPERATORS,
} from './indicator-logic.js';

/** Periodic reporting forms (定期报送, issue #4 item 4). */
export const REGISTRATION_STATES = ['open', 'completed', 'approved', 'accepted'] as const;
export type RegistrationState = (typeof REGISTRATION_STATES)[number];

export const FormParamsSchema = z
  .object({ dataSet: z.string().regex(/^[A-Z][A-Z0-9_]{1,40}$/, 'dataSet: a data set code'), period: PeriodIdSchema })
  .strict();
export const FormQuerySchema = z.object({ orgUnit: z.uuid().optional() }).strict();

export const FormCellSchema = z.object({
  element: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  section: z.string(),
  valueType: z.enum(['integer', 'number', 'percentage', 'boolean', 'text']),
  aggregation: z.enum(['LAST', 'SUM']),
  unit: z.string(),
  value: z.string().nullable(),
  comment: z.string().nullable(),
  /** The last 12 periods' values before this one, oldest first (null where nothing was reported). */
  history: z.array(z.object({ period: z.string(), value: z.string().nullable() })),
  /** The value was entered by the city on behalf of the district (代填). */
  onBehalf: z.boolean(),
  /**
   * The figure comes from records kept elsewhere for this district and period (issue #14: new
   * private networks and edge nodes from the network records): the form does not ask for it and
   * refuses a typed value; `value` is what the records count. Null: the district types it.
   */
  recorded: z.object({ value: z.number(), source: z.enum(['networks']) }).nullable(),
});

export const FormSchema = z.object({
  dataSet: z.string(),
  dataSetName: z.string(),
  period: z.string(),
  orgUnit: z.uuid(),
  orgUnitName: z.string(),
  state: z.enum(REGISTRATION_STATES),
  entry: EntryStateSchema,
  cells: z.array(FormCellSchema),
  completedBy: z.string().nullable(),
  /** The form was completed by the city on behalf of the district (代填), recorded as such. */
  completedOnBehalf: z.boolean(),
  approvedBy: z.string().nullable(),
  acceptedBy: z.string().nullable(),
  comment: z.string().nullable(),
  version: z.number().int(),
});
export type Form = z.infer<typeof FormSchema>;

export const SaveValuesSchema = z
  .object({
    orgUnit: z.uuid().optional(),
    values: z
      .array(
        z
          .object({
            element: z.string().min(1).max(40),
            value: z.string().max(1000).nullable(),
            comment: z.string().trim().max(1000).nullable().optional(),
          })
          .strict(),
      )
      .min(1)
      .max(500),
    /** City users enter a district's values only on behalf of the district, saying so (recorded as 代填). */
    onBehalf: z.boolean().optional(),
  })
  .strict();
export type SaveValues = z.infer<typeof SaveValuesSchema>;

export const FORM_ACTIONS = ['complete', 'uncomplete', 'approve', 'unapprove', 'accept', 'unaccept'] as const;
export type FormAction = (typeof FORM_ACTIONS)[number];
export const FormActionSchema = z
  .object({
    orgUnit: z.uuid().optional(),
    action: z.enum(FORM_ACTIONS),
    version: z.number().int(),
    comment: z.string().trim().max(2000).optional(),
    /** City users complete (or reopen) a district's form only on behalf of the district, saying so. */
    onBehalf: z.boolean().optional(),
  })
  .strict();
export type FormActionInput = z.infer<typeof FormActionSchema>;

export const FormActionResultSchema = z.object({ form: FormSchema, validation: z.array(RuleResultSchema) });

export const CreateLockExceptionSchema = z
  .object({
    dataSet: z.string(),
    period: PeriodIdSchema,
    orgUnit: z.uuid(),
    reason: z.string().trim().min(1).max(1000),
    expiresOn: IsoDateSchema,
  })
  .strict();

/** A lock exception the city granted: the request as stored, with its id. */
export const GrantedLockExceptionSchema = z.object({
  id: z.uuid(),
  dataSet: z.string(),
  period: z.string(),
  orgUnit: z.uuid(),
  reason: z.string(),
  expiresOn: z.string(),
});

/** What one run of the reporting reminders sent: one entry per (data set, period, district, kind) reminded. */
export const ReminderRunResultSchema = z.object({
  today: z.string(),
  sent: z.array(
    z.object({
      dataSet: z.string(),
      period: z.string(),
      orgId: z.uuid(),
      kind: z.enum(['due', 'overdue']),
      deadline: z.string(),
      recipients: z.number().int(),
    }),
  ),
});

export const DataSetSchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  periodType: z.enum(['monthly', 'quarterly', 'yearly']),
  openFuturePeriods: z.number().int(),
  expiryDays: z.number().int(),
  elements: z.array(z.object({ code: z.string(), nameZh: z.string(), section: z.string() })),
});

export const CompletenessQuerySchema = z
  .object({ dataSet: z.string().regex(/^[A-Z][A-Z0-9_]{1,40}$/), from: PeriodIdSchema, to: PeriodIdSchema })
  .strict();
export const CompletenessRowSchema = z.object({
  orgUnit: z.uuid(),
  orgUnitName: z.string(),
  expected: z.number().int(),
  /** Forms completed (or further along: approved, accepted). */
  completed: z.number().int(),
  /** Of those, completed by the period's deadline (period end + expiry days). */
  onTime: z.number().int(),
  completeness: z.number(),
  timeliness: z.number(),
});
export type CompletenessRow = z.infer<typeof CompletenessRowSchema>;

// ---- Configuration (报送配置): data elements, data sets, validation rules ---------------------

const CODE = z.string().regex(/^[A-Z][A-Z0-9_]{1,39}$/, 'code: 2–40 capital letters, digits or _, starting with a letter');
const NAME = z.string().trim().min(1).max(200);
export const VALUE_TYPES = ['integer', 'number', 'percentage', 'boolean', 'text'] as const;
export const RULE_IMPORTANCES = ['high', 'medium', 'low'] as const;
export type RuleImportance = (typeof RULE_IMPORTANCES)[number];

export const DataElementInputSchema = z
  .object({
    code: CODE,
    nameZh: NAME,
    nameEn: NAME,
    valueType: z.enum(VALUE_TYPES),
    aggregation: z.enum(AGGREGATION_TYPES),
    unit: z.string().trim().max(20),
    description: z.string().trim().max(1000).nullable().optional(),
  })
  .strict();
export type DataElementInput = z.infer<typeof DataElementInputSchema>;
/** The code is the key values are stored under: it cannot change. */
export const DataElementUpdateSchema = DataElementInputSchema.omit({ code: true });
export type DataElementUpdate = z.infer<typeof DataElementUpdateSchema>;

export const DataElementSchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  valueType: z.enum(VALUE_TYPES),
  aggregation: z.enum(AGGREGATION_TYPES),
  unit: z.string(),
  description: z.string().nullable(),
  /** Stored values under this element (delete and type changes are refused while any exist). */
  valueCount: z.number().int(),
  dataSets: z.array(z.string()),
  updatedAt: z.string(),
});
export type DataElement = z.infer<typeof DataElementSchema>;

export const DataSetInputSchema = z
  .object({
    code: CODE,
    nameZh: NAME,
    nameEn: NAME,
    periodType: z.enum(PERIOD_TYPES),
    openFuturePeriods: z.number().int().min(0).max(12),
    expiryDays: z.number().int().min(0).max(3660),
    inputWindow: InputWindowSchema.nullable().optional(),
    sections: z
      .array(z.object({ name: z.string().trim().min(1).max(100), elements: z.array(CODE).min(1).max(200) }).strict())
      .min(1)
      .max(50),
  })
  .strict();
export type DataSetInput = z.infer<typeof DataSetInputSchema>;
export const DataSetUpdateSchema = DataSetInputSchema.omit({ code: true });
export type DataSetUpdate = z.infer<typeof DataSetUpdateSchema>;

export const DataSetConfigSchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  periodType: z.enum(PERIOD_TYPES),
  openFuturePeriods: z.number().int(),
  expiryDays: z.number().int(),
  inputWindow: z.object({ openAfterDays: z.number().int(), closeAfterDays: z.number().int() }).nullable(),
  sections: z.array(z.object({ name: z.string(), elements: z.array(z.string()) })),
  ruleCount: z.number().int(),
  /** Forms with values or a workflow state: the data set cannot be deleted while any exist. */
  formCount: z.number().int(),
  updatedAt: z.string(),
});
export type DataSetConfig = z.infer<typeof DataSetConfigSchema>;

export const ValidationRuleInputSchema = z
  .object({
    code: CODE,
    dataSet: CODE,
    nameZh: NAME,
    nameEn: NAME,
    description: z.string().trim().max(1000).nullable().optional(),
    left: z.string().trim().min(1).max(2000),
    operator: z.enum(VALIDATION_OPERATORS),
    right: z.string().trim().min(1).max(2000),
    strategy: z.enum(MISSING_VALUE_STRATEGIES),
    importance: z.enum(RULE_IMPORTANCES),
  })
  .strict();
export type ValidationRuleInput = z.infer<typeof ValidationRuleInputSchema>;
export const ValidationRuleUpdateSchema = ValidationRuleInputSchema.omit({ code: true });
export type ValidationRuleUpdate = z.infer<typeof ValidationRuleUpdateSchema>;

export const ValidationRuleConfigSchema = z.object({
  code: z.string(),
  dataSet: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  description: z.string().nullable(),
  left: z.string(),
  operator: z.enum(VALIDATION_OPERATORS),
  right: z.string(),
  strategy: z.enum(MISSING_VALUE_STRATEGIES),
  importance: z.enum(RULE_IMPORTANCES),
  updatedAt: z.string(),
});
export type ValidationRuleConfig = z.infer<typeof ValidationRuleConfigSchema>;
export const RuleListQuerySchema = z.object({ dataSet: CODE.optional() }).strict();
export const CodeParamsSchema = z.object({ code: CODE }).strict();

// ---- Batch validation (批量校验) ---------------------------------------------------------------

export const BatchValidationQuerySchema = z
  .object({ dataSet: CODE, from: PeriodIdSchema, to: PeriodIdSchema, orgUnit: z.uuid().optional() })
  .strict();
export type BatchValidationQuery = z.infer<typeof BatchValidationQuerySchema>;
export const ViolationSchema = z.object({
  rule: z.string(),
  ruleNameZh: z.string(),
  ruleNameEn: z.string(),
  importance: z.enum(RULE_IMPORTANCES),
  operator: z.enum(VALIDATION_OPERATORS),
  orgUnit: z.uuid(),
  orgUnitName: z.string(),
  period: z.string(),
  left: z.number().nullable(),
  right: z.number().nullable(),
  message: z.string(),
});
export type Violation = z.infer<typeof ViolationSchema>;
export const BatchValidationResultSchema = z.object({
  dataSet: z.string(),
  periods: z.array(z.string()),
  orgUnits: z.number().int(),
  rules: z.number().int(),
  /** Rule × district × period evaluations run (skipped ones included). */
  evaluations: z.number().int(),
  skipped: z.number().int(),
  violations: z.array(ViolationSchema),
});
export type BatchValidationResult = z.infer<typeof BatchValidationResultSchema>;

// ---- Excel template and DHIS2 CSV (issue #4 item 5) --------------------------------------------

export const TemplateQuerySchema = z.object({ orgUnit: z.uuid().optional() }).strict();
export const DataValueExportQuerySchema = z
  .object({ dataSet: CODE, from: PeriodIdSchema, to: PeriodIdSchema, orgUnit: z.uuid().optional() })
  .strict();
export type DataValueExportQuery = z.infer<typeof DataValueExportQuerySchema>;
/** `period` and `orgUnit`: the form the console is showing; a file for another form is refused. */
export const DataValueImportQuerySchema = z
  .object({ dataSet: CODE, period: PeriodIdSchema.optional(), orgUnit: z.uuid().optional() })
  .strict();

/** What an upload did: all of it written, or (when anything was rejected) nothing. */
export const DataValueImportResultSchema = z.object({
  format: z.enum(['xlsx', 'csv']),
  rows: z.number().int(),
  /** Values written or cleared; 0 when anything was rejected. */
  written: z.number().int(),
  forms: z.array(z.object({ period: z.string(), orgUnit: z.uuid(), orgUnitName: z.string() })),
  rejected: z.array(
    z.object({
      row: z.number().int(),
      column: z.string().nullable(),
      element: z.string().nullable(),
      rule: z.string(),
      /** English, for logs and API clients; the console words `reason` (`transfer.<rule>`). */
      message: z.string(),
      reason: RefusalReasonSchema.optional(),
    }),
  ),
});
export type DataValueImportResult = z.infer<typeof DataValueImportResultSchema>;

export const DataElementListSchema = z.array(DataElementSchema);
export const DataSetConfigListSchema = z.array(DataSetConfigSchema);
export const ValidationRuleConfigListSchema = z.array(ValidationRuleConfigSchema);

/** The districts' forms of one data set and period (the city's 待验收 queue, #12 item 7); `state` narrows it. */
export const FormQueueQuerySchema = z
  .object({
    dataSet: z.string().regex(/^[A-Z][A-Z0-9_]{1,40}$/, 'dataSet: a data set code'),
    period: PeriodIdSchema,
    state: z.enum(REGISTRATION_STATES).optional(),
  })
  .strict();
export type FormQueueQuery = z.infer<typeof FormQueueQuerySchema>;

/** One district's form in the queue: its state and version (a batch action names the version it saw). */
export const FormQueueRowSchema = z.object({
  orgUnit: z.uuid(),
  orgUnitName: z.string(),
  state: z.enum(REGISTRATION_STATES),
  version: z.number().int(),
  completedBy: z.string().nullable(),
  completedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  comment: z.string().nullable(),
});
export type FormQueueRow = z.infer<typeof FormQueueRowSchema>;

/** The city's steps on many districts' forms at once: accept, or return (unapprove) with a comment. */
export const FORM_BATCH_ACTIONS = ['accept', 'unapprove'] as const;

/**
 * One step on the selected districts' forms of a data set and period (#12 item 7): each form goes
 * through the single action (permission, state, four eyes, its own transaction); the per-row result
 * is keyed by the district (`id` = orgUnit). Returning needs the comment.
 */
export const FormBatchActionSchema = z
  .object({
    dataSet: z.string().regex(/^[A-Z][A-Z0-9_]{1,40}$/, 'dataSet: a data set code'),
    period: PeriodIdSchema,
    action: z.enum(FORM_BATCH_ACTIONS),
    comment: z.string().trim().max(2000).optional(),
    rows: z.object({ orgUnit: z.uuid(), version: z.number().int() }).strict().array().min(1).max(200),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.action === 'unapprove' && !input.comment?.trim())
      ctx.addIssue({ code: 'custom', path: ['comment'], message: 'returning forms needs a comment', params: { rule: 'required' } });
  });
export type FormBatchAction = z.infer<typeof FormBatchActionSchema>;
