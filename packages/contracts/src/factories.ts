import { z } from 'zod';
import { IsoDateSchema, ListQuerySchema, sortOf } from './common.js';
import { ConfirmationSchema } from './confirmations.js';
import { SCENARIO_CATEGORIES } from './projects.js';

/** 5G factory levels (5G全连接工厂): line, workshop, factory. */
export const FACTORY_LEVELS = ['line', 'workshop', 'factory'] as const;
/** T-APP-1 counts factories with at least this many live scenarios. */
export const FACTORY_SCENARIO_THRESHOLD = 10;

export const FactoryScenarioSchema = z
  .object({
    code: z.string().max(32).nullable(),
    customName: z.string().trim().min(1).max(64).nullable().optional(),
    category: z.enum(SCENARIO_CATEGORIES),
    goLiveDate: IsoDateSchema.nullable().optional(),
  })
  .strict()
  .refine((s) => (s.code === null) !== (s.customName == null), { message: 'give either a scenario code or a custom name', path: ['code'] });

const editable = {
  name: z.string().trim().min(1).max(200),
  address: z.string().trim().max(256).nullable().optional(),
  districtId: z.uuid().optional(),
  level: z.enum(FACTORY_LEVELS),
  nationalListYear: z.number().int().min(2019).max(2100).nullable().optional(),
  starRating: z.number().int().min(1).max(5).nullable().optional(),
  scenarios: z.array(FactoryScenarioSchema).max(60).optional(),
  projectIds: z.array(z.uuid()).max(50).optional(),
};

export const CreateFactorySchema = z.object({ enterpriseId: z.uuid().optional(), ...editable }).strict();
export type CreateFactory = z.infer<typeof CreateFactorySchema>;

export const UpdateFactorySchema = z
  .object({ version: z.number().int(), ...editable, name: editable.name.optional(), level: editable.level.optional() })
  .strict();
export type UpdateFactory = z.infer<typeof UpdateFactorySchema>;

export const FactorySchema = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  districtId: z.uuid(),
  districtName: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  level: z.enum(FACTORY_LEVELS),
  nationalListYear: z.number().int().nullable(),
  starRating: z.number().int().nullable(),
  scenarios: z.array(
    z.object({
      code: z.string().nullable(),
      customName: z.string().nullable(),
      name: z.string(),
      category: z.enum(SCENARIO_CATEGORIES),
      goLiveDate: z.string().nullable(),
    }),
  ),
  /** Scenarios whose go-live date has passed (today, server time). */
  liveScenarioCount: z.number().int(),
  /** Whether the factory counts toward T-APP-1 (≥ 10 live scenarios). */
  countsTowardTarget: z.boolean(),
  projectIds: z.array(z.uuid()),
  /** Counted toward T-APP-1 only once confirmed by its district (issue #12 item 5). */
  confirmation: ConfirmationSchema,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Factory = z.infer<typeof FactorySchema>;

export const FactoryListQuerySchema = ListQuerySchema.extend({
  sort: sortOf(['name', 'createdAt', 'level', 'nationalListYear']),
  districtId: z.uuid().optional(),
  enterpriseId: z.uuid().optional(),
  level: z.enum(FACTORY_LEVELS).optional(),
  /** Only factories with at least this many live scenarios (10 = the T-APP-1 set). */
  minLiveScenarios: z.coerce.number().int().min(0).max(100).optional(),
}).strict();
export type FactoryListQuery = z.infer<typeof FactoryListQuerySchema>;
