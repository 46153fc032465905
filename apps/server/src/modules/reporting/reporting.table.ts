import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisation } from '../organisations/organisation.table.js';

/** A data element (数据项): one figure districts report, with how it aggregates over time (issue #4 item 4). */
export const dataElement = pgTable('data_element', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  valueType: text('value_type', { enum: ['integer', 'number', 'percentage', 'boolean', 'text'] }).notNull(),
  /** LAST: a stock (the latest value counts); SUM: a flow (periods add up). */
  aggregation: text('aggregation', { enum: ['LAST', 'SUM'] }).notNull(),
  unit: text('unit').notNull(),
  description: text('description'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** A data set (报表): the form districts fill per period, its period type and entry window. */
export const dataSet = pgTable('data_set', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  periodType: text('period_type', { enum: ['monthly', 'quarterly', 'yearly'] }).notNull(),
  openFuturePeriods: integer('open_future_periods').notNull().default(0),
  /** Days after the period ends during which entry stays open (0 = no expiry). */
  expiryDays: integer('expiry_days').notNull().default(0),
  /** Optional window relative to the period: open from/to day offsets after the period ends. */
  inputWindow: jsonb('input_window').$type<{ openAfterDays: number; closeAfterDays: number } | null>(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export const dataSetElement = pgTable(
  'data_set_element',
  {
    dataSetCode: text('data_set_code')
      .notNull()
      .references(() => dataSet.code),
    dataElementCode: text('data_element_code')
      .notNull()
      .references(() => dataElement.code),
    position: integer('position').notNull(),
    section: text('section').notNull(),
  },
  (t) => [primaryKey({ columns: [t.dataSetCode, t.dataElementCode] }), index('data_set_element_element_idx').on(t.dataElementCode)],
);

/** One reported value: element × period × organisation unit (a district). */
export const dataValue = pgTable(
  'data_value',
  {
    dataElementCode: text('data_element_code')
      .notNull()
      .references(() => dataElement.code),
    period: text('period').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisation.id),
    value: text('value').notNull(),
    comment: text('comment'),
    storedBy: text('stored_by').notNull(),
    /** Entered by the city on behalf of a district (代填): the flag, and the district it acted for. */
    onBehalf: boolean('on_behalf').notNull().default(false),
    onBehalfOf: uuid('on_behalf_of').references(() => organisation.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.dataElementCode, t.period, t.orgId] }), index('data_value_org_period_idx').on(t.orgId, t.period)],
);

/** Completion → district approval → city acceptance of one form (data set × period × district). */
export const dataRegistration = pgTable(
  'data_registration',
  {
    dataSetCode: text('data_set_code')
      .notNull()
      .references(() => dataSet.code),
    period: text('period').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisation.id),
    state: text('state', { enum: ['completed', 'approved', 'accepted'] }).notNull(),
    completedBy: text('completed_by'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /** Completed by the city on behalf of a district (代填): the flag, and the district it acted for. */
    completedOnBehalf: boolean('completed_on_behalf').notNull().default(false),
    completedOnBehalfOf: uuid('completed_on_behalf_of').references(() => organisation.id),
    approvedBy: text('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    acceptedBy: text('accepted_by'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    comment: text('comment'),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.dataSetCode, t.period, t.orgId] }), index('data_registration_org_idx').on(t.orgId)],
);

/** A city administrator reopening an expired or locked form for a while, with a reason. */
export const lockException = pgTable(
  'lock_exception',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    dataSetCode: text('data_set_code')
      .notNull()
      .references(() => dataSet.code),
    period: text('period').notNull(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisation.id),
    reason: text('reason').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('lock_exception_lookup_idx').on(t.dataSetCode, t.period, t.orgId)],
);

/** `left OP right` with DHIS2's operators and missing-value strategies. */
export const validationRule = pgTable(
  'validation_rule',
  {
    code: text('code').primaryKey(),
    dataSetCode: text('data_set_code')
      .notNull()
      .references(() => dataSet.code),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    left: text('left').notNull(),
    operator: text('operator').notNull(),
    right: text('right').notNull(),
    strategy: text('strategy').notNull(),
    /** DHIS2's importance: how loudly a violation is shown (high first in batch results). */
    importance: text('importance', { enum: ['high', 'medium', 'low'] })
      .notNull()
      .default('medium'),
    description: text('description'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('validation_rule_data_set_idx').on(t.dataSetCode)],
);
