import { z } from 'zod';
import { ListQuerySchema } from './common.js';

/**
 * Telemetry of the 5G private networks (issue #14 items 2 and 4): devices registered to a network,
 * their data points (MQTT JSON, Sparkplug B, HTTP batches), the 1-minute rollup the console charts,
 * the bad input counted per device, and alarms (device inactivity first).
 */

export const DEVICE_KINDS = ['sensor', 'gateway', 'plc', 'agv', 'camera', 'probe'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** Device keys are MQTT usernames and topic levels: no `/`, `+`, `#` or spaces. */
export const DEVICE_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/;

/** Why an incoming message (or part of one) was not stored; counted per device. */
export const TELEMETRY_REJECTIONS = [
  'malformed_json',
  'malformed_protobuf',
  'invalid_shape',
  'not_a_number',
  'out_of_range',
  'clock_skew',
  'unknown_alias',
  'no_birth',
  'seq_gap',
  'oversized',
  'foreign_topic',
  'unknown_topic',
] as const;
export type TelemetryRejection = (typeof TELEMETRY_REJECTIONS)[number];

/**
 * Alarm types: a silent device (inactivity, a timer per device), a metric's anomaly (EWMA chart,
 * robust MAD z-score, hour-of-week baseline), a stuck value (flatline), a metric gone missing
 * (dropout), and a Sparkplug network fault (seq gap, NDEATH).
 */
export const ALARM_TYPES = ['inactivity', 'anomaly', 'flatline', 'dropout', 'network_fault'] as const;
export type AlarmType = (typeof ALARM_TYPES)[number];
export const ALARM_SEVERITIES = ['critical', 'major', 'minor', 'warning'] as const;
export const ALARM_STATES = ['active', 'acknowledged', 'cleared'] as const;
export type AlarmState = (typeof ALARM_STATES)[number];

/** Longest inactivity timeout a device may have: one day. */
export const MAX_INACTIVITY_SECONDS = 86_400;

export const RegisterDeviceSchema = z
  .object({
    deviceKey: z.string().trim().regex(DEVICE_KEY_PATTERN),
    name: z.string().trim().min(1).max(120),
    kind: z.enum(DEVICE_KINDS),
    /** Silence longer than this raises an inactivity alarm. */
    inactivitySeconds: z.number().int().min(1).max(MAX_INACTIVITY_SECONDS).default(300),
  })
  .strict();
export type RegisterDevice = z.input<typeof RegisterDeviceSchema>;
export type RegisterDeviceParsed = z.output<typeof RegisterDeviceSchema>;

export const DeviceSchema = z.object({
  id: z.uuid(),
  networkId: z.uuid(),
  deviceKey: z.string(),
  name: z.string(),
  kind: z.enum(DEVICE_KINDS),
  inactivitySeconds: z.number().int(),
  lastSeenAt: z.string().nullable(),
  /** Whether an inactivity alarm is active (not cleared) for the device. */
  inactive: z.boolean(),
  /** Messages or values refused so far, all reasons together. */
  rejected: z.number().int(),
  createdAt: z.string(),
});
export type Device = z.infer<typeof DeviceSchema>;

/** The answer to a registration or a new secret: the only time the secret is ever shown. */
export const DeviceWithSecretSchema = z.object({ device: DeviceSchema, secret: z.string() });
export type DeviceWithSecret = z.infer<typeof DeviceWithSecretSchema>;

export const DeviceListQuerySchema = ListQuerySchema.extend({}).strict();
export type DeviceListQuery = z.infer<typeof DeviceListQuerySchema>;

export const NetworkDeviceParamsSchema = z.object({ id: z.uuid() }).strict();

export const LatestValueSchema = z.object({ metric: z.string(), ts: z.string(), value: z.number(), stale: z.boolean() });
export const RejectionCountSchema = z.object({
  reason: z.enum(TELEMETRY_REJECTIONS),
  count: z.number().int(),
  lastAt: z.string(),
  lastDetail: z.string().nullable(),
});
/** A device's current state: latest value per metric and the bad input counted per reason. */
export const DeviceTelemetrySchema = z.object({
  device: DeviceSchema,
  latest: z.array(LatestValueSchema),
  rejections: z.array(RejectionCountSchema),
});
export type DeviceTelemetry = z.infer<typeof DeviceTelemetrySchema>;

export const SeriesQuerySchema = z
  .object({
    metric: z.string().min(1).max(200).optional(),
    /** How far back, in minutes (the console shows the last hour). */
    minutes: z.coerce.number().int().min(1).max(1440).default(60),
  })
  .strict();
export type SeriesQuery = z.infer<typeof SeriesQuerySchema>;

export const RollupPointSchema = z.object({
  t: z.string(),
  avg: z.number(),
  min: z.number(),
  max: z.number(),
  count: z.number().int(),
});
/** The 1-minute rollup of each metric over the window. */
export const DeviceSeriesSchema = z.object({
  from: z.string(),
  to: z.string(),
  series: z.array(z.object({ metric: z.string(), points: z.array(RollupPointSchema) })),
});
export type DeviceSeries = z.infer<typeof DeviceSeriesSchema>;

/** One reading as devices send it: `{ts?, values: {metric: number}}` (ts in ms or ISO 8601). */
export const TelemetryReadingSchema = z.object({
  ts: z.union([z.number(), z.string()]).optional(),
  values: z.record(z.string(), z.unknown()),
});
export const TelemetryBatchSchema = z.union([TelemetryReadingSchema, z.array(TelemetryReadingSchema).max(1000)]);
export type TelemetryBatch = z.infer<typeof TelemetryBatchSchema>;

export const IngestResultSchema = z.object({
  accepted: z.number().int(),
  rejected: z.array(z.object({ reason: z.enum(TELEMETRY_REJECTIONS), detail: z.string().nullable() })),
});
export type IngestResult = z.infer<typeof IngestResultSchema>;

export const AlarmSchema = z.object({
  id: z.uuid(),
  type: z.enum(ALARM_TYPES),
  severity: z.enum(ALARM_SEVERITIES),
  state: z.enum(ALARM_STATES),
  deviceId: z.uuid(),
  deviceKey: z.string(),
  deviceName: z.string(),
  /** The metric an anomaly, flatline or dropout alarm is about; null for device-wide alarms. */
  metric: z.string().nullable(),
  networkId: z.uuid(),
  networkName: z.string(),
  raisedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  clearedAt: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type Alarm = z.infer<typeof AlarmSchema>;

export const AlarmListQuerySchema = ListQuerySchema.extend({
  state: z.enum(['open', ...ALARM_STATES]).optional(),
  networkId: z.uuid().optional(),
  deviceId: z.uuid().optional(),
}).strict();
export type AlarmListQuery = z.infer<typeof AlarmListQuerySchema>;
