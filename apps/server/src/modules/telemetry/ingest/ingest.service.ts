import { createHash, timingSafeEqual } from 'node:crypto';
import type { IngestResult } from '@suilian/contracts';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../../db/client.js';
import type { Clock } from '../../../platform/clock.js';
import type { NetworkSignal } from '../detect/watch.js';
import { createDeviceRepo, type DeviceRow } from '../device.repo.js';
import { createPointRepo, type Point } from '../point.repo.js';
import type { IngestQueue } from './queue.js';
import { createSparkplugHost, rebirthRequest, type SparkplugTopic, sparkplugTopicOf } from './sparkplug.js';
import { jsonMessageOf, type Parsed, readingsOf } from './values.js';

/** The device's credential as stored: SHA-256 of the secret, hex. */
export function secretHashOf(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** The topic of the plain JSON format. */
export const jsonTopicOf = (deviceKey: string) => `suilian/v1/${deviceKey}/telemetry`;

export interface IngestDeps {
  db: Db;
  clock: Clock;
  log: FastifyBaseLogger;
  queue: IngestQueue;
  /** Called for every device whose data was stored (the inactivity timers listen). */
  onData(device: DeviceRow): void;
  /** Called with a device's points once they are durable (the fault detectors listen). */
  onPoints?(device: DeviceRow, points: readonly Point[]): void;
  /** Called with what the Sparkplug session says about the network (seq gap, death, birth). */
  onNetwork?(device: DeviceRow, signal: NetworkSignal): void;
  /** Publishes a command to devices (the broker's NCMD). */
  publish?(topic: string, payload: Buffer): void;
  maxMessageBytes: number;
}

/** What a publish on a topic is, for a given authenticated device. */
export type TopicKind =
  | { kind: 'json' }
  | { kind: 'sparkplug'; topic: SparkplugTopic }
  | { kind: 'refused'; reason: 'foreign_topic' | 'unknown_topic' };

/**
 * Telemetry ingestion (issue #14 item 2): checks device credentials, turns MQTT messages (plain JSON,
 * Sparkplug B) and HTTP batches into points, counts and logs bad input per device with its reason,
 * and hands the points to the bounded queue — each message's promise settles once its points are
 * durable. Bad input never throws: one device's garbage costs it a counter, nobody else anything.
 */
export function createIngestService(deps: IngestDeps) {
  const sparkplug = createSparkplugHost();

  function count(device: DeviceRow, parsed: Pick<Parsed, 'refused'>) {
    const at = deps.clock.now();
    for (const r of parsed.refused) {
      deps.queue.reject(device.id, r.reason, r.detail, at);
      deps.log.warn({ device: device.deviceKey, reason: r.reason, detail: r.detail }, 'telemetry refused');
    }
  }

  async function store(device: DeviceRow, parsed: Parsed, wait: 'push' | 'offer'): Promise<boolean> {
    count(device, parsed);
    if (parsed.points.length === 0) return true;
    const accepted = wait === 'push' ? deps.queue.push(parsed.points) : deps.queue.offer(parsed.points);
    if (!accepted) return false;
    await accepted;
    deps.onData(device);
    deps.onPoints?.(device, parsed.points);
    return true;
  }

  return {
    /** The device the key names when the secret matches; null otherwise (refused at connect). */
    async authenticate(deviceKey: string | undefined, secret: string | undefined): Promise<DeviceRow | null> {
      if (!deviceKey || !secret || deviceKey.length > 64 || secret.length > 200) return null;
      const device = await createDeviceRepo(deps.db).findByKey(deviceKey);
      const given = Buffer.from(secretHashOf(secret), 'hex');
      const stored = Buffer.from(device?.secretHash ?? '00'.repeat(32), 'hex');
      const matches = stored.length === given.length && timingSafeEqual(stored, given);
      return device && matches ? device : null;
    },

    /** Which of the device's own topics this is (a device publishes only about itself). */
    classify(device: DeviceRow, topic: string): TopicKind {
      if (topic === jsonTopicOf(device.deviceKey)) return { kind: 'json' };
      const sp = sparkplugTopicOf(topic);
      if (sp && sp.edgeNode === device.deviceKey && sp.type !== 'NCMD' && sp.type !== 'DCMD') return { kind: 'sparkplug', topic: sp };
      if (sp || topic.startsWith('suilian/') || topic.startsWith('spBv1.0/')) return { kind: 'refused', reason: 'foreign_topic' };
      return { kind: 'refused', reason: 'unknown_topic' };
    },

    /** Counts a refused topic (the broker then drops the connection). */
    refuseTopic(device: DeviceRow, reason: 'foreign_topic' | 'unknown_topic', topic: string) {
      count(device, { refused: [{ reason, detail: topic.slice(0, 120) }] });
    },

    /**
     * Handles one MQTT message on a device's own topic; resolves once its points are durable
     * (waiting for room in the queue first), so the broker acknowledges QoS 1 only then.
     */
    async mqttMessage(device: DeviceRow, kind: Exclude<TopicKind, { kind: 'refused' }>, payload: Buffer): Promise<void> {
      const now = deps.clock.now().getTime();
      if (payload.length > deps.maxMessageBytes) {
        count(device, { refused: [{ reason: 'oversized', detail: `${payload.length} bytes` }] });
        return;
      }
      if (kind.kind === 'json') {
        await store(device, jsonMessageOf(device.id, payload, now), 'push');
        return;
      }
      const outcome = sparkplug.handle(device.id, kind.topic, payload, now);
      if (outcome.rebirth && deps.publish) {
        const request = rebirthRequest(kind.topic.group, kind.topic.edgeNode, now);
        deps.publish(request.topic, request.payload);
      }
      if (outcome.stale) await createPointRepo(deps.db).markStale(device.id, outcome.stale.device);
      const gap = outcome.refused.find((r) => r.reason === 'seq_gap');
      if (gap) deps.onNetwork?.(device, { kind: 'seq_gap', detail: gap.detail });
      else if (kind.topic.type === 'NDEATH' && outcome.stale) deps.onNetwork?.(device, { kind: 'ndeath' });
      else if (kind.topic.type === 'NBIRTH') deps.onNetwork?.(device, { kind: 'birth' });
      await store(device, outcome, 'push');
    },

    /** An edge node disconnected: its Sparkplug session ends (it must be born again). */
    disconnected(device: DeviceRow) {
      sparkplug.forget(device.id);
    },

    /** An HTTP batch: refused (null) when the queue is full, else what was stored and refused. */
    async httpBatch(device: DeviceRow, body: unknown): Promise<IngestResult | null> {
      const parsed = readingsOf(device.id, body, deps.clock.now().getTime());
      if (!(await store(device, parsed, 'offer'))) return null;
      return { accepted: parsed.points.length, rejected: parsed.refused.map((r) => ({ reason: r.reason, detail: r.detail })) };
    },
  };
}

export type IngestService = ReturnType<typeof createIngestService>;
