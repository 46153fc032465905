import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { confirmationColumns } from '../../platform/confirmation/confirmation.js';
import { organisation } from '../organisations/organisation.table.js';

/** What the programme records about an enterprise beyond its organisation row (issue #3 item 1). */
export const enterpriseProfile = pgTable(
  'enterprise_profile',
  {
    orgId: uuid('org_id')
      .primaryKey()
      .references(() => organisation.id),
    industryCode: text('industry_code'),
    clusterCode: text('cluster_code'),
    sizeClass: text('size_class'),
    aboveScale: boolean('above_scale').notNull().default(false),
    mainProducts: text('main_products'),
    description: text('description'),
    contacts: jsonb('contacts')
      .$type<Array<{ name: string; title?: string | null; phone?: string | null; email?: string | null }>>()
      .notNull()
      .default([]),
  },
  (t) => [index('enterprise_profile_cluster_idx').on(t.clusterCode), index('enterprise_profile_industry_idx').on(t.industryCode)],
);

/** The gradient-cultivation honours timeline (创新型中小企业 → 专精特新 → 小巨人 → 单项冠军). */
export const enterpriseHonour = pgTable(
  'enterprise_honour',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisation.id),
    honourType: text('honour_type').notNull(),
    level: text('level', { enum: ['national', 'provincial', 'municipal'] }).notNull(),
    batch: text('batch'),
    year: integer('year').notNull(),
    certificateNo: text('certificate_no'),
    productName: text('product_name'),
    validFrom: date('valid_from'),
    validUntil: date('valid_until'),
    reReviewYear: integer('re_review_year'),
    reReviewResult: text('re_review_result', { enum: ['pending', 'passed', 'failed'] }),
    /** Honours count toward T-ECO-1 only once confirmed by the district (issue #12 item 5). */
    ...confirmationColumns(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('enterprise_honour_org_id_idx').on(t.orgId),
    index('enterprise_honour_type_year_idx').on(t.honourType, t.year),
    index('enterprise_honour_confirmation_idx').on(t.confirmationState),
    index('enterprise_honour_confirmation_file_id_idx').on(t.confirmationFileId),
  ],
);
