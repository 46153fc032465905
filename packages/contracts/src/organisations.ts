import { z } from 'zod';
import { ListQuerySchema, sortOf } from './common.js';
import { CREDIT_CODE_RULE, checkCreditCode } from './credit-code.js';
import { ORG_KINDS } from './roles.js';

export const PROVIDER_TYPES = ['operator', 'service_provider'] as const;
export type ProviderType = (typeof PROVIDER_TYPES)[number];

/** A credit code field: upper-cased and trimmed, then checked against GB 32100-2015. */
export const CreditCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((value) => checkCreditCode(value) === null, { message: CREDIT_CODE_RULE });

/** GB/T 2260 county-level code under Guangzhou (4401xx). */
export const DivisionCodeSchema = z.string().regex(/^4401\d{2}$/, 'GB/T 2260 division code under Guangzhou: 4401 followed by two digits');

export const OrganisationSchema = z.object({
  id: z.uuid(),
  kind: z.enum(ORG_KINDS),
  parentId: z.uuid().nullable(),
  districtId: z.uuid().nullable(),
  name: z.string(),
  nameEn: z.string().nullable(),
  divisionCode: z.string().nullable(),
  creditCode: z.string().nullable(),
  providerType: z.enum(PROVIDER_TYPES).nullable(),
  address: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  isDemo: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Organisation = z.infer<typeof OrganisationSchema>;

export type OrganisationNode = Organisation & { children: OrganisationNode[] };
export const OrganisationNodeSchema: z.ZodType<OrganisationNode> = OrganisationSchema.extend({
  children: z.lazy(() => z.array(OrganisationNodeSchema)),
});

const editableFields = {
  name: z.string().trim().min(1).max(128),
  nameEn: z.string().trim().max(128).nullable().optional(),
  address: z.string().trim().max(256).nullable().optional(),
  contactName: z.string().trim().max(64).nullable().optional(),
  contactPhone: z
    .string()
    .regex(/^[0-9+\-() ]{5,32}$/, 'phone: digits, spaces and + - ( ) only, 5 to 32 characters')
    .nullable()
    .optional(),
};

export const CreateOrganisationSchema = z
  .object({
    kind: z.enum(['district', 'enterprise', 'provider', 'expert_pool', 'bank']),
    /** The district an enterprise or provider belongs to; ignored for other kinds (their parent is the city). */
    districtId: z.uuid().optional(),
    divisionCode: DivisionCodeSchema.optional(),
    creditCode: CreditCodeSchema.optional(),
    providerType: z.enum(PROVIDER_TYPES).optional(),
    ...editableFields,
  })
  .strict();
export type CreateOrganisation = z.infer<typeof CreateOrganisationSchema>;

export const UpdateOrganisationSchema = z
  .object({
    version: z.number().int(),
    creditCode: CreditCodeSchema.optional(),
    providerType: z.enum(PROVIDER_TYPES).optional(),
    ...editableFields,
    name: editableFields.name.optional(),
  })
  .strict();
export type UpdateOrganisation = z.infer<typeof UpdateOrganisationSchema>;

export const OrganisationListQuerySchema = ListQuerySchema.extend({
  sort: sortOf(['name', 'kind', 'createdAt', 'updatedAt', 'creditCode']),
  kind: z.enum(ORG_KINDS).optional(),
  districtId: z.uuid().optional(),
}).strict();
export type OrganisationListQuery = z.infer<typeof OrganisationListQuerySchema>;

/** The directory of operators and service providers, for pickers (e.g. a project's network operator). */
export const ProviderEntrySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  providerType: z.enum(PROVIDER_TYPES).nullable(),
  districtName: z.string().nullable(),
});
export type ProviderEntry = z.infer<typeof ProviderEntrySchema>;
