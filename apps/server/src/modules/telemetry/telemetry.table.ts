import { ALARM_TYPES } from '@suilian/contracts';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { appUser } from '../accounts/account.table.js';
import { privateNetwork } from '../networks/network.table.js';

/**
 * A device (or Sparkplug edge node / gateway) registered to a private network (issue #14 item 2).
 * Its key is its MQTT username and topic level; its secret is stored only as a SHA-256 digest
 * (the secret is 32 random bytes, so a slow password hash adds nothing but connect latency).
 */
export const telemetryDevice = pgTable(
  'telemetry_device',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    networkId: uuid('network_id')
      .notNull()
      .references(() => privateNetwork.id),
    deviceKey: text('device_key').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['sensor', 'gateway', 'plc', 'agv', 'camera', 'probe'] }).notNull(),
    secretHash: text('secret_hash').notNull(),
    inactivitySeconds: integer('inactivity_seconds').notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('telemetry_device_key_idx').on(t.deviceKey), index('telemetry_device_network_id_idx').on(t.networkId)],
);

/**
 * Data points, one row per device, metric and instant. The key makes a replayed QoS 1 message
 * (at-least-once) land once. Not yet partitioned by time (issue #14 item 2 asks for it later).
 */
export const telemetryPoint = pgTable(
  'telemetry_point',
  {
    deviceId: uuid('device_id')
      .notNull()
      .references(() => telemetryDevice.id, { onDelete: 'cascade' }),
    metric: text('metric').notNull(),
    ts: timestamp('ts', { withTimezone: true }).notNull(),
    value: doublePrecision('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.deviceId, t.metric, t.ts] })],
);

/** The latest value per device and metric; stale once the Sparkplug node or device died. */
export const telemetryLatest = pgTable(
  'telemetry_latest',
  {
    deviceId: uuid('device_id')
      .notNull()
      .references(() => telemetryDevice.id, { onDelete: 'cascade' }),
    metric: text('metric').notNull(),
    ts: timestamp('ts', { withTimezone: true }).notNull(),
    value: doublePrecision('value').notNull(),
    stale: boolean('stale').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.deviceId, t.metric] })],
);

/** Bad input counted per device and reason, with the last occurrence (issue #14 item 6). */
export const telemetryRejection = pgTable(
  'telemetry_rejection',
  {
    deviceId: uuid('device_id')
      .notNull()
      .references(() => telemetryDevice.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    count: bigint('count', { mode: 'number' }).notNull(),
    lastAt: timestamp('last_at', { withTimezone: true }).notNull(),
    lastDetail: text('last_detail'),
  },
  (t) => [primaryKey({ columns: [t.deviceId, t.reason] })],
);

/**
 * Alarms (issue #14 item 4): a type and an originator — the device, or one of its metrics for the
 * detectors' alarms (`metric`, '' for device-wide ones so the index can compare it) — at most one
 * not cleared per pair (the partial unique index), acknowledged by a person, cleared when the cause ends.
 */
export const telemetryAlarm = pgTable(
  'telemetry_alarm',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    type: text('type', { enum: ALARM_TYPES }).notNull(),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => telemetryDevice.id, { onDelete: 'cascade' }),
    metric: text('metric').notNull().default(''),
    severity: text('severity', { enum: ['critical', 'major', 'minor', 'warning'] }).notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by').references(() => appUser.id),
    clearedAt: timestamp('cleared_at', { withTimezone: true }),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    uniqueIndex('telemetry_alarm_open_idx').on(t.type, t.deviceId, t.metric).where(sql`cleared_at IS NULL`),
    index('telemetry_alarm_device_id_idx').on(t.deviceId, t.raisedAt),
  ],
);
