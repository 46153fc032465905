import { z } from 'zod';
import { IsoDateSchema, ListQuerySchema, sortOf } from './common.js';
import { ConfirmationSchema } from './confirmations.js';
import { PATENT_NUMBER_RULE, parsePatentNumber } from './patent-number.js';

/**
 * Ecosystem registries (issue #3 item 5): each is a record type with its own fields; the indicators
 * of T-ECO-* and T-PUB-* count them. The key is also the API path: /api/<key>.
 */
export const REGISTRY_KEYS = [
  'standards',
  'patents',
  'pilot-projects',
  'carriers',
  'platforms',
  'events',
  'trainings',
  'research',
  'products',
  'test-platforms',
  'test-records',
] as const;
export type RegistryKey = (typeof REGISTRY_KEYS)[number];

const DATE = IsoDateSchema;
const text = (max: number) => z.string().trim().min(1).max(max);

export const PatentNumberSchema = z
  .string()
  .max(40)
  .transform((value, ctx) => {
    const parsed = parsePatentNumber(value);
    if (typeof parsed === 'string') {
      ctx.addIssue({ code: 'custom', message: `${PATENT_NUMBER_RULE} (${parsed.replace('_', ' ')} is wrong)` });
      return z.NEVER;
    }
    return parsed.number;
  });

export const TraineeSchema = z
  .object({ name: text(64), organisation: z.string().trim().max(128).nullable().optional(), completed: z.boolean() })
  .strict();

/** The fields of each registry; `kind` (where present) is the field lists filter by. */
export const REGISTRY_DATA_SCHEMAS = {
  standards: z
    .object({
      level: z.enum(['international', 'national', 'industry', 'group']),
      role: z.enum(['led', 'participated']),
      number: z.string().trim().max(64).nullable().optional(),
      status: z.enum(['drafting', 'approved', 'published']),
    })
    .strict(),
  patents: z
    .object({
      number: PatentNumberSchema,
      kind: z.enum(['invention', 'utility_model', 'design']),
      applicationDate: DATE,
      grantDate: DATE.nullable().optional(),
      owner: text(128),
    })
    .strict()
    .superRefine((p, ctx) => {
      const digits = p.number.replace('.', '');
      const typeDigit = digits.length === 13 ? digits[4] : digits[2];
      const kind = { '1': 'invention', '2': 'utility_model', '3': 'design', '8': 'invention', '9': 'utility_model' }[typeDigit ?? ''];
      if (kind && kind !== p.kind)
        ctx.addIssue({ code: 'custom', path: ['kind'], message: `the number is a ${kind} application, not ${p.kind}` });
      if (p.grantDate && p.grantDate < p.applicationDate)
        ctx.addIssue({ code: 'custom', path: ['grantDate'], message: 'grantDate must not be before applicationDate' });
    }),
  'pilot-projects': z
    .object({ listName: text(200), level: z.enum(['national', 'provincial']), year: z.number().int().min(2015).max(2100) })
    .strict(),
  carriers: z
    .object({ kind: z.enum(['industry_college', 'school_enterprise_base', 'training_base', 'other']), partnerSchool: text(128) })
    .strict(),
  platforms: z.object({ operator: text(128), sector: text(64), launchDate: DATE }).strict(),
  events: z
    .object({
      kind: z.enum(['exchange_meeting', 'training', 'case_release', 'hundred_cities']),
      organiser: text(128),
      attendance: z.number().int().min(0).max(1_000_000),
    })
    .strict(),
  trainings: z.object({ organiser: text(128), endDate: DATE.nullable().optional(), trainees: z.array(TraineeSchema).max(5000) }).strict(),
  research: z
    .object({
      topic: z.enum(['slicing', 'detnet', '5g_tsn', 'cloud_plc', 'redcap', 'passive_iot', 'isac', '6g', 'other']),
      leadOrganisation: text(128),
      endDate: DATE.nullable().optional(),
    })
    .strict(),
  products: z
    .object({
      category: z.enum(['module', 'terminal', 'router', 'agv', 'camera', 'robot', 'chip', 'other']),
      model: text(64),
      vendor: text(128),
    })
    .strict(),
  'test-platforms': z.object({ operator: text(128), scope: text(500) }).strict(),
  'test-records': z
    .object({
      platformId: z.uuid(),
      subject: text(200),
      result: z.enum(['passed', 'failed', 'conditional']),
    })
    .strict(),
} satisfies Record<RegistryKey, z.ZodType>;

/** Which data field is the record's kind (for filters and indicators), per registry. */
export const REGISTRY_KIND_FIELD: Partial<Record<RegistryKey, string>> = {
  standards: 'level',
  patents: 'kind',
  'pilot-projects': 'level',
  carriers: 'kind',
  events: 'kind',
  research: 'topic',
  products: 'category',
  'test-records': 'result',
};

export function createRecordSchemaFor(key: RegistryKey) {
  return z
    .object({
      orgId: z.uuid().optional(),
      title: text(300),
      date: DATE,
      data: REGISTRY_DATA_SCHEMAS[key],
      attachments: z.array(z.uuid()).max(20).optional(),
    })
    .strict();
}

export function updateRecordSchemaFor(key: RegistryKey) {
  return z
    .object({
      version: z.number().int(),
      title: text(300).optional(),
      date: DATE.optional(),
      data: REGISTRY_DATA_SCHEMAS[key].optional(),
      attachments: z.array(z.uuid()).max(20).optional(),
    })
    .strict();
}

export const RegistryRecordSchema = z.object({
  id: z.uuid(),
  registry: z.enum(REGISTRY_KEYS),
  orgId: z.uuid(),
  orgName: z.string(),
  districtId: z.uuid().nullable(),
  title: z.string(),
  date: z.string(),
  kind: z.string().nullable(),
  /** Attendance of an event, completed trainees of a training; null elsewhere. */
  quantity: z.number().int().nullable(),
  data: z.record(z.string(), z.unknown()),
  attachments: z.array(z.object({ fileId: z.uuid(), name: z.string(), mediaType: z.string(), size: z.number().int() })),
  isDemo: z.boolean(),
  /** Counted toward targets only once confirmed by its district (issue #12 item 5). */
  confirmation: ConfirmationSchema,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RegistryRecord = z.infer<typeof RegistryRecordSchema>;

export const RegistryListQuerySchema = ListQuerySchema.extend({
  sort: sortOf(['date', 'title', 'createdAt', 'quantity']),
  orgId: z.uuid().optional(),
  districtId: z.uuid().optional(),
  kind: z.string().max(32).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
}).strict();
export type RegistryListQuery = z.infer<typeof RegistryListQuerySchema>;

export type CreateRecord = {
  orgId?: string | undefined;
  title: string;
  date: string;
  data: Record<string, unknown>;
  attachments?: string[] | undefined;
};
export type UpdateRecord = {
  version: number;
  title?: string | undefined;
  date?: string | undefined;
  data?: Record<string, unknown> | undefined;
  attachments?: string[] | undefined;
};
