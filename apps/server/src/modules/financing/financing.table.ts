import { COLLATERAL_KINDS, FINANCING_ROUTE_STATES, FINANCING_STATES } from '@suilian/contracts';
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from '../accounts/account.table.js';
import { organisation } from '../organisations/organisation.table.js';
import { project } from '../projects/project.table.js';

/**
 * An enterprise's financing request for one of its projects (产融合作, issue #15 item 5). `bank_ids`
 * are the banks it chose; submitting routes it to each of them (financing_route), and only then do
 * their users see it.
 */
export const financingRequest = pgTable(
  'financing_request',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    code: text('code').notNull(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => organisation.id),
    districtId: uuid('district_id')
      .notNull()
      .references(() => organisation.id),
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id),
    amount: numeric('amount', { precision: 16, scale: 2 }).notNull(),
    termMonths: integer('term_months').notNull(),
    purpose: text('purpose').notNull(),
    collateralKind: text('collateral_kind', { enum: COLLATERAL_KINDS }).notNull(),
    collateralNote: text('collateral_note'),
    bankIds: uuid('bank_ids').array().notNull(),
    state: text('state', { enum: FINANCING_STATES }).notNull().default('draft'),
    acceptedOfferId: uuid('accepted_offer_id'),
    isDemo: boolean('is_demo').notNull().default(false),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('financing_request_code_uq').on(t.code),
    index('financing_request_enterprise_idx').on(t.enterpriseId),
    index('financing_request_district_state_idx').on(t.districtId, t.state),
  ],
);

/** A submitted request as one bank sees it: pending until the bank offers or declines (with a reason). */
export const financingRoute = pgTable(
  'financing_route',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => financingRequest.id, { onDelete: 'cascade' }),
    bankId: uuid('bank_id')
      .notNull()
      .references(() => organisation.id),
    state: text('state', { enum: FINANCING_ROUTE_STATES }).notNull().default('pending'),
    declineReason: text('decline_reason'),
    decidedBy: uuid('decided_by').references(() => appUser.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    routedAt: timestamp('routed_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.bankId] }), index('financing_route_bank_state_idx').on(t.bankId, t.state)],
);

/** A bank's offer: one per bank and request (the bank's answer is given once). */
export const financingOffer = pgTable(
  'financing_offer',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    requestId: uuid('request_id')
      .notNull()
      .references(() => financingRequest.id, { onDelete: 'cascade' }),
    bankId: uuid('bank_id')
      .notNull()
      .references(() => organisation.id),
    amount: numeric('amount', { precision: 16, scale: 2 }).notNull(),
    /** Percent a year, e.g. 3.4500. */
    annualRate: numeric('annual_rate', { precision: 6, scale: 4 }).notNull(),
    termMonths: integer('term_months').notNull(),
    conditions: text('conditions'),
    validUntil: date('valid_until').notNull(),
    offeredBy: uuid('offered_by').references(() => appUser.id),
    offeredByName: text('offered_by_name').notNull(),
    offeredAt: timestamp('offered_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('financing_offer_request_bank_uq').on(t.requestId, t.bankId)],
);
