import { z } from 'zod';
import { EntryStateSchema, PeriodIdSchema, RuleResultSchema } from './indicator-logic.js';

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
    expiresOn: z.iso.date(),
  })
  .strict();

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
