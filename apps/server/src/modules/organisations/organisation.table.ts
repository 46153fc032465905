import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** The organisation tree: 广州市 → districts → enterprises / providers; the expert pool and banks under the city. */
export const organisation = pgTable(
  'organisation',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    kind: text('kind', { enum: ['city', 'district', 'enterprise', 'provider', 'expert_pool', 'bank'] }).notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => organisation.id),
    /** The district an organisation belongs to (itself for a district); null for the city and expert pool. */
    districtId: uuid('district_id').references((): AnyPgColumn => organisation.id),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    divisionCode: text('division_code'),
    creditCode: text('credit_code'),
    providerType: text('provider_type', { enum: ['operator', 'service_provider'] }),
    address: text('address'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('organisation_parent_id_idx').on(t.parentId),
    index('organisation_district_id_idx').on(t.districtId),
    index('organisation_kind_idx').on(t.kind),
    uniqueIndex('organisation_credit_code_uq').on(t.creditCode),
    uniqueIndex('organisation_division_code_uq').on(t.divisionCode),
  ],
);
