import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { confirmationColumns } from '../../platform/confirmation/confirmation.js';
import { organisation } from '../organisations/organisation.table.js';
import { project } from '../projects/project.table.js';

/** A 5G factory: one enterprise site at line, workshop or factory level (issue #3 item 3). */
export const factory = pgTable(
  'factory',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => organisation.id),
    districtId: uuid('district_id')
      .notNull()
      .references(() => organisation.id),
    name: text('name').notNull(),
    address: text('address'),
    level: text('level', { enum: ['line', 'workshop', 'factory'] }).notNull(),
    nationalListYear: integer('national_list_year'),
    starRating: integer('star_rating'),
    isDemo: boolean('is_demo').notNull().default(false),
    ...confirmationColumns(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('factory_enterprise_id_idx').on(t.enterpriseId),
    index('factory_district_id_idx').on(t.districtId),
    index('factory_confirmation_idx').on(t.confirmationState, t.districtId),
    index('factory_confirmation_file_id_idx').on(t.confirmationFileId),
  ],
);

export const factoryScenario = pgTable(
  'factory_scenario',
  {
    factoryId: uuid('factory_id')
      .notNull()
      .references(() => factory.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    scenarioCode: text('scenario_code'),
    customName: text('custom_name'),
    category: text('category', { enum: ['auxiliary', 'main_production'] }).notNull(),
    goLiveDate: date('go_live_date'),
  },
  (t) => [primaryKey({ columns: [t.factoryId, t.position] }), index('factory_scenario_live_idx').on(t.factoryId, t.goLiveDate)],
);

export const factoryProject = pgTable(
  'factory_project',
  {
    factoryId: uuid('factory_id')
      .notNull()
      .references(() => factory.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id),
  },
  (t) => [primaryKey({ columns: [t.factoryId, t.projectId] }), index('factory_project_project_id_idx').on(t.projectId)],
);
