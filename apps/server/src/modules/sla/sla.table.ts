import type { SlaItem, SlaItemResult, SlaSampleCounts, SlaStats } from '@suilian/contracts';
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from '../accounts/account.table.js';
import { privateNetwork } from '../networks/network.table.js';
import type { Samples } from './logic/samples.js';

/**
 * An SLA profile (issue #14 item 3): the items a scenario's network is accepted against. Items are
 * JSON typed by SlaItemSchema (validated on every write); results copy them, so editing a profile
 * never changes a result already computed or signed.
 */
export const slaProfile = pgTable('sla_profile', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  code: text('code').notNull().unique(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  preset: boolean('preset').notNull().default(false),
  items: jsonb('items').$type<SlaItem[]>().notNull(),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** The profile a network is tested against, chosen by its operator or enterprise. */
export const slaNetworkProfile = pgTable('sla_network_profile', {
  networkId: uuid('network_id')
    .primaryKey()
    .references(() => privateNetwork.id, { onDelete: 'cascade' }),
  profileId: uuid('profile_id')
    .notNull()
    .references(() => slaProfile.id),
  setBy: uuid('set_by').references(() => appUser.id),
  setAt: timestamp('set_at', { withTimezone: true }).notNull(),
});

/**
 * One uploaded test (iperf3 / ping / drive test): the file's name and SHA-256 as evidence, the
 * instants it covers, and its samples as parsed (the statistics are recomputed from them).
 */
export const slaMeasurementSet = pgTable(
  'sla_measurement_set',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    networkId: uuid('network_id')
      .notNull()
      .references(() => privateNetwork.id, { onDelete: 'cascade' }),
    format: text('format', { enum: ['iperf3', 'ping', 'drive_test'] }).notNull(),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    measuredFrom: timestamp('measured_from', { withTimezone: true }).notNull(),
    measuredTo: timestamp('measured_to', { withTimezone: true }).notNull(),
    counts: jsonb('counts').$type<SlaSampleCounts>().notNull(),
    samples: jsonb('samples').$type<Samples>().notNull(),
    uploadedBy: uuid('uploaded_by').references(() => appUser.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sla_measurement_set_network_idx').on(t.networkId, t.measuredFrom)],
);

/** The profile as a result keeps it. */
export interface ProfileSnapshot {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  items: SlaItem[];
}

/** Where a result's samples came from (uploads by name and hash, the probes' telemetry). */
export interface SourceRecord {
  kind: 'upload' | 'telemetry';
  label: string;
  sha256: string | null;
  format: 'iperf3' | 'ping' | 'drive_test' | null;
  samples: number;
}

/**
 * A network's result for one month: per-item pass/fail with the evidence, the figures, the sources,
 * and the sign-off (who, when, accepted or rejected, the opinion). Recomputing replaces it until
 * it is accepted.
 */
export const slaResult = pgTable(
  'sla_result',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    networkId: uuid('network_id')
      .notNull()
      .references(() => privateNetwork.id, { onDelete: 'cascade' }),
    period: text('period').notNull(),
    profile: jsonb('profile').$type<ProfileSnapshot>().notNull(),
    verdict: text('verdict', { enum: ['pass', 'fail'] }).notNull(),
    items: jsonb('items').$type<SlaItemResult[]>().notNull(),
    stats: jsonb('stats').$type<SlaStats>().notNull(),
    sources: jsonb('sources').$type<SourceRecord[]>().notNull(),
    computedBy: uuid('computed_by').references(() => appUser.id),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
    state: text('state', { enum: ['awaiting_sign_off', 'accepted', 'rejected'] }).notNull(),
    decision: text('decision', { enum: ['accepted', 'rejected'] }),
    opinion: text('opinion'),
    signedBy: uuid('signed_by').references(() => appUser.id),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('sla_result_network_period_idx').on(t.networkId, t.period), index('sla_result_state_idx').on(t.state)],
);
