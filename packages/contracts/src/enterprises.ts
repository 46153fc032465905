import { z } from 'zod';
import { IsoDateSchema, ListQuerySchema, sortOf } from './common.js';
import { ConfirmationSchema } from './confirmations.js';
import { CreditCodeSchema, OrganisationSchema } from './organisations.js';

const PHONE = z.string().regex(/^[0-9+\-() ]{5,32}$/, 'phone: digits, spaces and + - ( ) only, 5 to 32 characters');
const DATE = IsoDateSchema;

export const ContactSchema = z
  .object({
    name: z.string().trim().min(1).max(64),
    title: z.string().trim().max(64).nullable().optional(),
    phone: PHONE.nullable().optional(),
    email: z.email().max(254).nullable().optional(),
  })
  .strict();
export type Contact = z.infer<typeof ContactSchema>;

export const HONOUR_LEVELS = ['national', 'provincial', 'municipal'] as const;

export const HonourSchema = z.object({
  id: z.uuid(),
  enterpriseId: z.uuid(),
  honourType: z.string(),
  level: z.enum(HONOUR_LEVELS),
  batch: z.string().nullable(),
  year: z.number().int(),
  certificateNo: z.string().nullable(),
  productName: z.string().nullable(),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  reReviewYear: z.number().int().nullable(),
  reReviewResult: z.enum(['pending', 'passed', 'failed']).nullable(),
  /** Declared by the enterprise, it counts toward T-ECO-1 once its district confirms it (issue #12 item 5). */
  confirmation: ConfirmationSchema,
  version: z.number().int(),
  createdAt: z.string(),
});
export type Honour = z.infer<typeof HonourSchema>;

export const HonourInputSchema = z
  .object({
    honourType: z.string().min(1).max(32),
    level: z.enum(HONOUR_LEVELS),
    batch: z.string().trim().max(32).nullable().optional(),
    year: z.number().int().min(2000).max(2100),
    certificateNo: z.string().trim().max(64).nullable().optional(),
    productName: z.string().trim().max(128).nullable().optional(),
    validFrom: DATE.nullable().optional(),
    validUntil: DATE.nullable().optional(),
    reReviewYear: z.number().int().min(2000).max(2100).nullable().optional(),
    reReviewResult: z.enum(['pending', 'passed', 'failed']).nullable().optional(),
  })
  .strict()
  .refine((h) => !h.validFrom || !h.validUntil || h.validFrom <= h.validUntil, {
    message: 'validUntil must not be before validFrom',
    path: ['validUntil'],
  });
export type HonourInput = z.infer<typeof HonourInputSchema>;

const profileFields = {
  industryCode: z.string().max(8).nullable().optional(),
  clusterCode: z.string().max(32).nullable().optional(),
  sizeClass: z.string().max(16).nullable().optional(),
  aboveScale: z.boolean().optional(),
  mainProducts: z.string().trim().max(500).nullable().optional(),
  description: z.string().trim().max(4000).nullable().optional(),
  contacts: z.array(ContactSchema).max(10).optional(),
  address: z.string().trim().max(256).nullable().optional(),
};

export const EnterpriseSchema = OrganisationSchema.extend({
  districtName: z.string(),
  industryCode: z.string().nullable(),
  clusterCode: z.string().nullable(),
  sizeClass: z.string().nullable(),
  aboveScale: z.boolean(),
  mainProducts: z.string().nullable(),
  description: z.string().nullable(),
  contacts: z.array(ContactSchema),
  honours: z.array(HonourSchema),
});
export type Enterprise = z.infer<typeof EnterpriseSchema>;

export const CreateEnterpriseSchema = z
  .object({
    name: z.string().trim().min(1).max(128),
    nameEn: z.string().trim().max(128).nullable().optional(),
    creditCode: CreditCodeSchema,
    districtId: z.uuid(),
    ...profileFields,
  })
  .strict();
export type CreateEnterprise = z.infer<typeof CreateEnterpriseSchema>;

export const UpdateEnterpriseSchema = z
  .object({
    version: z.number().int(),
    name: z.string().trim().min(1).max(128).optional(),
    nameEn: z.string().trim().max(128).nullable().optional(),
    ...profileFields,
  })
  .strict();
export type UpdateEnterprise = z.infer<typeof UpdateEnterpriseSchema>;

export const EnterpriseListQuerySchema = ListQuerySchema.extend({
  sort: sortOf(['name', 'createdAt', 'creditCode', 'updatedAt']),
  districtId: z.uuid().optional(),
  clusterCode: z.string().max(32).optional(),
  industryCode: z.string().max(8).optional(),
  sizeClass: z.string().max(16).optional(),
  aboveScale: z.enum(['true', 'false']).optional(),
  honourType: z.string().max(32).optional(),
}).strict();
export type EnterpriseListQuery = z.infer<typeof EnterpriseListQuerySchema>;

export const HonourParamsSchema = z.object({ id: z.uuid(), honourId: z.uuid() }).strict();
