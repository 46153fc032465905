import type { AlarmListQuery } from '@suilian/contracts';
import { and, count, desc, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { OrgScope } from '../../platform/scope.js';
import { privateNetwork } from '../networks/network.table.js';
import { deviceScopeFilter } from './device.repo.js';
import { telemetryAlarm, telemetryDevice } from './telemetry.table.js';

export type AlarmRow = typeof telemetryAlarm.$inferSelect;

/** An alarm with its device, its network and the network's owners (policy, notices). */
export interface AlarmWithOwner {
  alarm: AlarmRow;
  deviceKey: string;
  deviceName: string;
  networkId: string;
  networkName: string;
  districtId: string;
  enterpriseId: string;
  operatorId: string;
}

function stateFilter(state: AlarmListQuery['state']): SQL | undefined {
  switch (state) {
    case 'open':
      return isNull(telemetryAlarm.clearedAt);
    case 'active':
      return and(isNull(telemetryAlarm.clearedAt), isNull(telemetryAlarm.acknowledgedAt));
    case 'acknowledged':
      return and(isNull(telemetryAlarm.clearedAt), isNotNull(telemetryAlarm.acknowledgedAt));
    case 'cleared':
      return isNotNull(telemetryAlarm.clearedAt);
    default:
      return undefined;
  }
}

/** Alarms: the only place with their SQL. */
export function createAlarmRepo(db: DbOrTx) {
  const withOwner = () =>
    db
      .select({
        alarm: telemetryAlarm,
        deviceKey: telemetryDevice.deviceKey,
        deviceName: telemetryDevice.name,
        networkId: privateNetwork.id,
        networkName: privateNetwork.name,
        districtId: privateNetwork.districtId,
        enterpriseId: privateNetwork.enterpriseId,
        operatorId: privateNetwork.operatorId,
      })
      .from(telemetryAlarm)
      .innerJoin(telemetryDevice, eq(telemetryDevice.id, telemetryAlarm.deviceId))
      .innerJoin(privateNetwork, eq(privateNetwork.id, telemetryDevice.networkId));

  return {
    async findById(id: string): Promise<AlarmWithOwner | undefined> {
      const [row] = await withOwner().where(eq(telemetryAlarm.id, id));
      return row;
    },

    async findPage(scope: OrgScope, query: AlarmListQuery) {
      const where = and(
        deviceScopeFilter(scope),
        stateFilter(query.state),
        query.networkId ? eq(privateNetwork.id, query.networkId) : undefined,
        query.deviceId ? eq(telemetryAlarm.deviceId, query.deviceId) : undefined,
      );
      const items = await withOwner()
        .where(where)
        .orderBy(desc(telemetryAlarm.raisedAt), telemetryAlarm.id)
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize);
      const [total] = await db
        .select({ n: count() })
        .from(telemetryAlarm)
        .innerJoin(telemetryDevice, eq(telemetryDevice.id, telemetryAlarm.deviceId))
        .innerJoin(privateNetwork, eq(privateNetwork.id, telemetryDevice.networkId))
        .where(where);
      return { items, total: total?.n ?? 0 };
    },

    /** Raises the alarm unless one of the type is already open for the device; the new row or null. */
    async raise(row: typeof telemetryAlarm.$inferInsert): Promise<AlarmRow | null> {
      const [created] = await db
        .insert(telemetryAlarm)
        .values(row)
        .onConflictDoNothing({
          target: [telemetryAlarm.type, telemetryAlarm.deviceId, telemetryAlarm.metric],
          where: sql`cleared_at IS NULL`,
        })
        .returning();
      return created ?? null;
    },

    /** Clears the open alarm of the type for the device (and metric; '' device-wide); the cleared row or null. */
    async clear(type: AlarmRow['type'], deviceId: string, metric: string, at: Date): Promise<AlarmRow | null> {
      const [cleared] = await db
        .update(telemetryAlarm)
        .set({ clearedAt: at })
        .where(
          and(
            eq(telemetryAlarm.type, type),
            eq(telemetryAlarm.deviceId, deviceId),
            eq(telemetryAlarm.metric, metric),
            isNull(telemetryAlarm.clearedAt),
          ),
        )
        .returning();
      return cleared ?? null;
    },

    async acknowledge(id: string, userId: string | null, at: Date): Promise<boolean> {
      const done = await db
        .update(telemetryAlarm)
        .set({ acknowledgedAt: at, acknowledgedBy: userId })
        .where(and(eq(telemetryAlarm.id, id), isNull(telemetryAlarm.acknowledgedAt), isNull(telemetryAlarm.clearedAt)))
        .returning({ id: telemetryAlarm.id });
      return done.length > 0;
    },

    /** Devices with an open alarm of the type (the inactivity watch starts from them). */
    async openDevices(type: AlarmRow['type']): Promise<string[]> {
      const rows = await db
        .select({ deviceId: telemetryAlarm.deviceId })
        .from(telemetryAlarm)
        .where(and(eq(telemetryAlarm.type, type), isNull(telemetryAlarm.clearedAt)));
      return rows.map((r) => r.deviceId);
    },
  };
}
