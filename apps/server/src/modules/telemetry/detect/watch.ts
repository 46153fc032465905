import type { AlarmType } from '@suilian/contracts';
import type { FastifyBaseLogger } from 'fastify';
import type { AlarmService } from '../alarm.service.js';
import type { Point } from '../point.repo.js';
import { createDetectionEngine, type DetectedType, type DetectionEvent, type DetectorOptions } from './engine.js';

const SEVERITY: Record<DetectedType, 'major' | 'minor' | 'warning'> = { anomaly: 'minor', flatline: 'minor', dropout: 'warning' };

/** What the Sparkplug host saw that concerns the network: a seq gap, a death, a (re)birth. */
export type NetworkSignal = { kind: 'seq_gap'; detail: string } | { kind: 'ndeath' } | { kind: 'birth' };

/**
 * Fault early warning on the ingest path (issue #14 item 4): stored points go through the
 * detection engine and its raise/clear changes become alarms; Sparkplug seq gaps and NDEATH raise a
 * network-fault alarm that the next NBIRTH clears. Alarm writes run after the points are durable and
 * off the acknowledgement path (a slow alarm write never delays a PUBACK); writes for one
 * originator run one after the other, so a clear cannot overtake its raise.
 */
export function createDetectionWatch(deps: { alarms: AlarmService; log: FastifyBaseLogger; options?: DetectorOptions }) {
  const engine = createDetectionEngine(deps.options);
  const chains = new Map<string, Promise<void>>();

  function inOrder(key: string, step: () => Promise<unknown>) {
    const next = (chains.get(key) ?? Promise.resolve())
      .then(step)
      .then(() => undefined)
      .catch((error: unknown) => deps.log.error({ err: error, alarm: key }, 'alarm update failed'));
    chains.set(key, next);
    void next.finally(() => {
      if (chains.get(key) === next) chains.delete(key);
    });
  }

  function apply(type: AlarmType, deviceId: string, metric: string | undefined, change: 'raise' | 'clear', raise: () => Promise<unknown>) {
    inOrder(`${type}\u0000${deviceId}\u0000${metric ?? ''}`, change === 'raise' ? raise : () => deps.alarms.clear(type, deviceId, metric));
  }

  function onEvent(e: DetectionEvent) {
    apply(e.type, e.deviceId, e.metric, e.change, () =>
      deps.alarms.raise({
        type: e.type,
        deviceId: e.deviceId,
        metric: e.metric,
        severity: SEVERITY[e.type],
        details: { ...e.details, value: e.value, at: new Date(e.at).toISOString() },
      }),
    );
  }

  return {
    /** Durable points of one device: detect, raise and clear. */
    observe(points: readonly Point[]) {
      // One message may carry several readings per metric: detectors want them in time order.
      const ordered = points.length > 1 ? [...points].sort((a, b) => a.ts - b.ts) : points;
      for (const p of ordered) for (const e of engine.observe(p.deviceId, p.metric, p.ts, p.value)) onEvent(e);
    },

    /** A Sparkplug edge node's network signal. */
    network(deviceId: string, signal: NetworkSignal) {
      if (signal.kind === 'birth') return apply('network_fault', deviceId, undefined, 'clear', async () => undefined);
      apply('network_fault', deviceId, undefined, 'raise', () =>
        deps.alarms.raise({
          type: 'network_fault',
          deviceId,
          severity: 'major',
          details: signal.kind === 'seq_gap' ? { cause: 'seq_gap', detail: signal.detail } : { cause: 'ndeath' },
        }),
      );
    },

    /** Waits for the alarm writes under way (shutdown, tests). */
    async settle() {
      await Promise.all([...chains.values()]);
    },

    get series() {
      return engine.size;
    },
  };
}

export type DetectionWatch = ReturnType<typeof createDetectionWatch>;
