import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Database } from '../../db/client.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import type { NotificationService } from '../notifications/index.js';
import { createAlarmService } from './alarm.service.js';
import { createDetectionWatch } from './detect/watch.js';
import { createDeviceService } from './device.service.js';
import { createInactivityWatch } from './inactivity.js';
import { createTelemetryBroker } from './ingest/broker.js';
import { createIngestService } from './ingest/ingest.service.js';
import { createIngestQueue } from './ingest/queue.js';
import { writeBatch } from './point.repo.js';
import { registerTelemetryRoutes } from './telemetry.routes.js';

export type { TelemetryBroker } from './ingest/broker.js';
export { jsonTopicOf, secretHashOf } from './ingest/ingest.service.js';
export { SPARKPLUG_NAMESPACE } from './ingest/sparkplug.js';

export interface TelemetrySettings {
  /** Most points waiting for the database at once (back-pressure beyond). */
  queueCapacity: number;
  batchSize: number;
  flushMs: number;
  maxMessageBytes: number;
}

/**
 * Telemetry of the private networks (issue #14 items 2 and 4): devices and their credentials, the
 * embedded MQTT broker (plain JSON and Sparkplug B), the HTTP batch endpoint, the bounded batching
 * writer, the 1-minute rollup on read, inactivity alarms with a timer per device, and fault early
 * warning (streaming detectors per metric, Sparkplug network faults) raising alarms.
 */
export function createTelemetryModule(deps: {
  database: Database;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
  notifications: Pick<NotificationService, 'notify'>;
  log: FastifyBaseLogger;
  settings: TelemetrySettings;
}) {
  const { db, pool } = deps.database;
  const devices = createDeviceService({ db, clock: deps.clock, audit: deps.audit });
  const alarms = createAlarmService({ db, clock: deps.clock, audit: deps.audit, notifications: deps.notifications });
  const inactivity = createInactivityWatch({ db, clock: deps.clock, alarms, log: deps.log });
  const detection = createDetectionWatch({ alarms, log: deps.log });
  const queue = createIngestQueue({
    capacity: deps.settings.queueCapacity,
    batchSize: deps.settings.batchSize,
    flushMs: deps.settings.flushMs,
    write: (points, rejections) => writeBatch(pool, points, rejections, deps.clock.now()),
    onError: (error) => deps.log.error({ err: error }, 'telemetry batch write failed'),
  });
  let publish: ((topic: string, payload: Buffer) => void) | undefined;
  const ingest = createIngestService({
    db,
    clock: deps.clock,
    log: deps.log,
    queue,
    maxMessageBytes: deps.settings.maxMessageBytes,
    onData: (device) => inactivity.seen(device),
    onPoints: (_device, points) => detection.observe(points),
    onNetwork: (device, signal) => detection.network(device.id, signal),
    publish: (topic, payload) => publish?.(topic, payload),
  });
  const broker = createTelemetryBroker({ ingest, log: deps.log });
  publish = broker.publish;

  return {
    devices,
    alarms,
    inactivity,
    detection,
    broker,
    queue,
    registerRoutes: (app: FastifyInstance) => registerTelemetryRoutes(app, devices, alarms, ingest),
    start: () => inactivity.start(),
    /** Stops the broker first (no new messages), then writes what is queued, then the timers. */
    async stop() {
      await broker.close();
      await queue.close();
      await inactivity.stop();
      await detection.settle();
    },
  };
}
export { provisionSimulatedDevices } from './simulator/provision.js';
export { simulateDevices } from './simulator/simulate.js';
