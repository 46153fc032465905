import { z } from 'zod';
import { IsoDateSchema, ListQuerySchema } from './common.js';
import { CreditCodeSchema } from './organisations.js';
import { checkResidentId, RESIDENT_ID_RULE } from './resident-id.js';

/**
 * Sanction register (取消资格, plan 三(五), issue #16 item 2): an entity, and the person responsible,
 * barred from applications, selections and fund claims for a period. The person's identity number
 * is never stored or returned: only a keyed digest (to recognise the person again) and a mask.
 */
export const SanctionStateSchema = z.enum(['active', 'scheduled', 'expired', 'lifted']);
export type SanctionState = z.infer<typeof SanctionStateSchema>;

export const ResidentIdSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((value) => checkResidentId(value) === null, { message: RESIDENT_ID_RULE, params: { rule: 'resident_id' } });

export const CreateSanctionSchema = z
  .object({
    creditCode: CreditCodeSchema,
    entityName: z.string().trim().min(1).max(200),
    personName: z.string().trim().min(1).max(64).optional(),
    personIdNumber: ResidentIdSchema.optional(),
    reason: z.string().trim().min(1).max(2000),
    /** The decision it rests on, e.g. 穗工信〔2026〕12号. */
    basis: z.string().trim().min(1).max(200),
    startsOn: IsoDateSchema,
    endsOn: IsoDateSchema,
  })
  .strict()
  .refine((s) => s.endsOn > s.startsOn, { path: ['endsOn'], message: 'the period ends after it starts', params: { rule: 'after_start' } })
  .refine((s) => (s.personName === undefined) === (s.personIdNumber === undefined), {
    path: ['personIdNumber'],
    message: 'a responsible person is named with the identity number, or neither is given',
    params: { rule: 'person_pair' },
  });
export type CreateSanction = z.infer<typeof CreateSanctionSchema>;

export const LiftSanctionSchema = z.object({ reason: z.string().trim().min(1).max(2000) }).strict();
export type LiftSanction = z.infer<typeof LiftSanctionSchema>;

export const SanctionSchema = z.object({
  id: z.uuid(),
  creditCode: z.string(),
  entityName: z.string(),
  /** The registered organisation with this credit code, when there is one. */
  organisationId: z.uuid().nullable(),
  personName: z.string().nullable(),
  personIdMasked: z.string().nullable(),
  reason: z.string(),
  basis: z.string(),
  startsOn: z.iso.date(),
  endsOn: z.iso.date(),
  state: SanctionStateSchema,
  liftedAt: z.iso.datetime({ offset: true }).nullable(),
  liftReason: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  createdByName: z.string().nullable(),
});
export type Sanction = z.infer<typeof SanctionSchema>;

export const SanctionListQuerySchema = ListQuerySchema.extend({
  state: SanctionStateSchema.optional(),
  organisationId: z.uuid().optional(),
  creditCode: CreditCodeSchema.optional(),
  /** Active on this day (default today) — with state=active. */
  on: IsoDateSchema.optional(),
}).strict();
export type SanctionListQuery = z.infer<typeof SanctionListQuerySchema>;

/**
 * A person looked up by identity number. A POST body, not a query string, so that the number never
 * lands in access logs or browser history; it is compared by keyed digest and not stored.
 */
export const SanctionLookupSchema = z.object({ personIdNumber: ResidentIdSchema }).strict();
export type SanctionLookup = z.infer<typeof SanctionLookupSchema>;
