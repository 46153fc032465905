import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { appUser } from '../accounts/account.table.js';
import { organisation } from '../organisations/organisation.table.js';

/**
 * The sanction register (取消资格, issue #16 item 2). A row is never deleted: lifting one early records
 * who, when and why. The responsible person's identity number is not stored: `person_digest` is a
 * keyed HMAC-SM3 digest (`<key id>:<hex>`) that recognises the same number again, and
 * `person_id_masked` is what people see.
 */
export const sanction = pgTable(
  'sanction',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    creditCode: text('credit_code').notNull(),
    entityName: text('entity_name').notNull(),
    organisationId: uuid('organisation_id').references(() => organisation.id),
    personName: text('person_name'),
    personDigest: text('person_digest'),
    personIdMasked: text('person_id_masked'),
    reason: text('reason').notNull(),
    basis: text('basis').notNull(),
    startsOn: date('starts_on').notNull(),
    /** The last day of the period (inclusive). */
    endsOn: date('ends_on').notNull(),
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
    liftReason: text('lift_reason'),
    liftedBy: uuid('lifted_by').references(() => appUser.id),
    createdBy: uuid('created_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('sanction_credit_code_idx').on(t.creditCode),
    index('sanction_organisation_id_idx').on(t.organisationId),
    index('sanction_person_digest_idx').on(t.personDigest),
  ],
);
