import { randomBytes } from 'node:crypto';
import type {
  Device,
  DeviceListQuery,
  DeviceSeries,
  DeviceTelemetry,
  DeviceWithSecret,
  RegisterDeviceParsed,
  SeriesQuery,
  TelemetryRejection,
} from '@suilian/contracts';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { notFound, refusal } from '../../platform/errors.js';
import { createDeviceRepo, type DeviceWithOwner } from './device.repo.js';
import { secretHashOf } from './ingest/ingest.service.js';
import { createPointRepo } from './point.repo.js';
import { devicePolicy } from './telemetry.policy.js';

export interface DeviceServiceDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
}

function present(row: DeviceWithOwner): Device {
  const { device } = row;
  return {
    id: device.id,
    networkId: device.networkId,
    deviceKey: device.deviceKey,
    name: device.name,
    kind: device.kind,
    inactivitySeconds: device.inactivitySeconds,
    lastSeenAt: device.lastSeenAt?.toISOString() ?? null,
    inactive: row.inactive,
    rejected: Number(row.rejected),
    createdAt: device.createdAt.toISOString(),
  };
}

/** A new device secret: 32 random bytes, base64url (43 characters). */
const newSecret = () => randomBytes(32).toString('base64url');

/**
 * Devices of the private networks (issue #14 item 2): registered by the network's operator or its
 * enterprise, each with its own secret — shown once in the answer, kept only as a digest; read by
 * whoever reads the network (series from the 1-minute rollup, latest values, bad input counted).
 */
export function createDeviceService(deps: DeviceServiceDeps) {
  async function visible(actor: Actor, action: 'read' | 'write', id: string): Promise<DeviceWithOwner> {
    devicePolicy.authorize(actor, action);
    const row = await createDeviceRepo(deps.db).findById(id);
    if (!row) throw notFound('device');
    devicePolicy.authorize(actor, action, row);
    return row;
  }

  return {
    async list(actor: Actor, networkId: string, query: DeviceListQuery) {
      devicePolicy.authorize(actor, 'read');
      const network = await createDeviceRepo(deps.db).network(networkId);
      if (!network) throw notFound('network');
      devicePolicy.authorize(actor, 'read', network);
      const page = await createDeviceRepo(deps.db).findPage(networkId, query);
      return { items: page.items.map(present), total: page.total };
    },

    async register(actor: Actor, networkId: string, input: RegisterDeviceParsed): Promise<DeviceWithSecret> {
      devicePolicy.authorize(actor, 'write');
      return deps.db.transaction(async (tx) => {
        const network = await createDeviceRepo(tx).network(networkId);
        if (!network || !devicePolicy.can(actor, 'read', network)) throw notFound('network');
        devicePolicy.authorize(actor, 'write', network);
        if (await createDeviceRepo(tx).keyTaken(input.deviceKey))
          throw refusal('CONFLICT', 'device.key_taken', 'another device already has this key', { deviceKey: input.deviceKey });
        const secret = newSecret();
        const now = deps.clock.now();
        const created = await createDeviceRepo(tx).insert({
          networkId,
          deviceKey: input.deviceKey,
          name: input.name,
          kind: input.kind,
          inactivitySeconds: input.inactivitySeconds,
          secretHash: secretHashOf(secret),
          createdAt: now,
          updatedAt: now,
        });
        const row = await createDeviceRepo(tx).findById(created.id);
        if (!row) throw notFound('device');
        const device = present(row);
        await deps.audit.append(tx, actor, { action: 'device.register', entityType: 'device', entityId: created.id, after: device });
        return { device, secret };
      });
    },

    /** A new secret for the device; the old one stops working at once (connected clients stay until they reconnect). */
    async renewSecret(actor: Actor, id: string): Promise<DeviceWithSecret> {
      const row = await visible(actor, 'write', id);
      const secret = newSecret();
      await deps.db.transaction(async (tx) => {
        await createDeviceRepo(tx).setSecretHash(id, secretHashOf(secret), deps.clock.now());
        await deps.audit.append(tx, actor, { action: 'device.secret_renew', entityType: 'device', entityId: id });
      });
      return { device: present(row), secret };
    },

    async telemetry(actor: Actor, id: string): Promise<DeviceTelemetry> {
      const row = await visible(actor, 'read', id);
      const points = createPointRepo(deps.db);
      const [latest, rejections] = await Promise.all([points.latest(id), points.rejections(id)]);
      return {
        device: present(row),
        latest: latest.map((l) => ({ metric: l.metric, ts: l.ts.toISOString(), value: l.value, stale: l.stale })),
        rejections: rejections.map((r) => ({
          reason: r.reason as TelemetryRejection,
          count: Number(r.count),
          lastAt: r.lastAt.toISOString(),
          lastDetail: r.lastDetail,
        })),
      };
    },

    /** The 1-minute rollup over the last `minutes` (computed by SQL from the points on read). */
    async series(actor: Actor, id: string, query: SeriesQuery): Promise<DeviceSeries> {
      await visible(actor, 'read', id);
      const to = deps.clock.now();
      const from = new Date(to.getTime() - query.minutes * 60_000);
      const rows = await createPointRepo(deps.db).rollup(id, from, to, query.metric);
      const byMetric = new Map<string, DeviceSeries['series'][number]['points']>();
      for (const r of rows) {
        const points = byMetric.get(r.metric) ?? [];
        points.push({ t: new Date(r.t).toISOString(), avg: Number(r.avg), min: Number(r.min), max: Number(r.max), count: Number(r.count) });
        byMetric.set(r.metric, points);
      }
      return {
        from: from.toISOString(),
        to: to.toISOString(),
        series: [...byMetric].map(([metric, points]) => ({ metric, points })),
      };
    },
  };
}

export type DeviceService = ReturnType<typeof createDeviceService>;
