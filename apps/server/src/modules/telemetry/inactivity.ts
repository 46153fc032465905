import { EventEmitter } from 'node:events';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../platform/clock.js';
import type { AlarmService } from './alarm.service.js';
import { createDeviceRepo } from './device.repo.js';

/** A device as the watch needs it. */
export interface WatchedDevice {
  id: string;
  inactivitySeconds: number;
}

/**
 * Device inactivity (issue #14 item 4), checked precisely: one timer per device, re-armed by each
 * stored message, firing exactly when the device has been silent for its own timeout (no periodic
 * sweep, so no sweep-interval lag). Firing raises the inactivity alarm; the next data clears it.
 * Each device's raise/clear run one after the other, so a message racing the timer cannot leave an
 * alarm open. Emits `raised` and `cleared` (device id) for tests and metrics.
 */
export function createInactivityWatch(deps: { db: Db; clock: Clock; alarms: AlarmService; log: FastifyBaseLogger }) {
  const timers = new Map<string, NodeJS.Timeout>();
  const silent = new Set<string>();
  const chains = new Map<string, Promise<void>>();
  const events = new EventEmitter();
  let stopped = false;

  function inOrder(deviceId: string, step: () => Promise<void>) {
    const next = (chains.get(deviceId) ?? Promise.resolve())
      .then(step)
      .catch((error: unknown) => deps.log.error({ err: error, device: deviceId }, 'inactivity alarm update failed'));
    chains.set(deviceId, next);
    void next.finally(() => {
      if (chains.get(deviceId) === next) chains.delete(deviceId);
    });
  }

  function arm(device: WatchedDevice, delayMs: number) {
    clearTimeout(timers.get(device.id));
    const timer = setTimeout(() => fire(device), Math.max(0, delayMs));
    timer.unref();
    timers.set(device.id, timer);
  }

  function fire(device: WatchedDevice) {
    timers.delete(device.id);
    if (stopped || silent.has(device.id)) return;
    silent.add(device.id);
    inOrder(device.id, async () => {
      const alarm = await deps.alarms.raiseInactivity(device.id, device.inactivitySeconds);
      if (alarm) deps.log.info({ device: alarm.deviceKey, alarm: alarm.id }, 'device inactive: alarm raised');
      events.emit('raised', device.id);
    });
  }

  return {
    events,

    /** Data from the device was stored: re-arm its timer, clear its alarm if it was silent. */
    seen(device: WatchedDevice) {
      if (stopped) return;
      const timer = timers.get(device.id);
      if (timer) timer.refresh();
      else arm(device, device.inactivitySeconds * 1000);
      if (!silent.delete(device.id)) return;
      inOrder(device.id, async () => {
        if (await deps.alarms.clearInactivity(device.id)) deps.log.info({ device: device.id }, 'device active again: alarm cleared');
        events.emit('cleared', device.id);
      });
    },

    /** Arms a timer for every device that has sent data, from its last message; open alarms stay open until data. */
    async start() {
      stopped = false;
      for (const id of await deps.alarms.openInactivity()) silent.add(id);
      const now = deps.clock.now().getTime();
      for (const device of await createDeviceRepo(deps.db).watched()) {
        if (silent.has(device.id) || !device.lastSeenAt) continue;
        arm(device, device.lastSeenAt.getTime() + device.inactivitySeconds * 1000 - now);
      }
    },

    async stop() {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      await Promise.all([...chains.values()]);
    },
  };
}

export type InactivityWatch = ReturnType<typeof createInactivityWatch>;
