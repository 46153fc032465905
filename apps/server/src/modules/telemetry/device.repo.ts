import { and, count, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { escapeLike } from '../../db/like.js';
import type { OrgScope } from '../../platform/scope.js';
import { privateNetwork } from '../networks/network.table.js';
import { telemetryAlarm, telemetryDevice, telemetryRejection } from './telemetry.table.js';

export type DeviceRow = typeof telemetryDevice.$inferSelect;
export type NewDeviceRow = typeof telemetryDevice.$inferInsert;

/** A device with what the policy and the notices need from its network. */
export interface DeviceWithOwner {
  device: DeviceRow;
  networkName: string;
  districtId: string;
  enterpriseId: string;
  operatorId: string;
  inactive: boolean;
  rejected: number;
}

/** The read reach as SQL over the devices' networks. */
export function deviceScopeFilter(scope: OrgScope): SQL | undefined {
  if (scope.all) return undefined;
  if ('districtId' in scope) return eq(privateNetwork.districtId, scope.districtId);
  return or(eq(privateNetwork.enterpriseId, scope.orgId), eq(privateNetwork.operatorId, scope.orgId));
}

const openInactivity = sql<boolean>`exists (select 1 from ${telemetryAlarm} a where a.device_id = ${telemetryDevice.id} and a.type = 'inactivity' and a.cleared_at is null)`;
const rejectedTotal = sql<number>`coalesce((select sum(r.count) from ${telemetryRejection} r where r.device_id = ${telemetryDevice.id}), 0)::int`;

/** Devices: the only place with their SQL. */
export function createDeviceRepo(db: DbOrTx) {
  const withOwner = () =>
    db
      .select({
        device: telemetryDevice,
        networkName: privateNetwork.name,
        districtId: privateNetwork.districtId,
        enterpriseId: privateNetwork.enterpriseId,
        operatorId: privateNetwork.operatorId,
        inactive: openInactivity,
        rejected: rejectedTotal,
      })
      .from(telemetryDevice)
      .innerJoin(privateNetwork, eq(privateNetwork.id, telemetryDevice.networkId));

  return {
    /** The network devices are registered to, with its owners (the policy decides on them). */
    async network(networkId: string) {
      const [row] = await db
        .select({
          id: privateNetwork.id,
          name: privateNetwork.name,
          districtId: privateNetwork.districtId,
          enterpriseId: privateNetwork.enterpriseId,
          operatorId: privateNetwork.operatorId,
        })
        .from(privateNetwork)
        .where(eq(privateNetwork.id, networkId));
      return row;
    },

    async findById(id: string): Promise<DeviceWithOwner | undefined> {
      const [row] = await withOwner().where(eq(telemetryDevice.id, id));
      return row;
    },

    /** The device a credential names (connect, HTTP batch). */
    async findByKey(deviceKey: string): Promise<DeviceRow | undefined> {
      const [row] = await db.select().from(telemetryDevice).where(eq(telemetryDevice.deviceKey, deviceKey));
      return row;
    },

    /** The network the simulator feeds: the given one, else the first demo network in service. */
    async simulationNetwork(networkId?: string): Promise<{ id: string; name: string } | undefined> {
      const [row] = await db
        .select({ id: privateNetwork.id, name: privateNetwork.name })
        .from(privateNetwork)
        .where(networkId ? eq(privateNetwork.id, networkId) : and(eq(privateNetwork.isDemo, true), eq(privateNetwork.state, 'in_service')))
        .orderBy(privateNetwork.name)
        .limit(1);
      return row;
    },

    async keyTaken(deviceKey: string): Promise<boolean> {
      const [row] = await db.select({ id: telemetryDevice.id }).from(telemetryDevice).where(eq(telemetryDevice.deviceKey, deviceKey));
      return row !== undefined;
    },

    async findPage(networkId: string, query: { page: number; pageSize: number; q?: string }) {
      const where = and(
        eq(telemetryDevice.networkId, networkId),
        query.q
          ? or(ilike(telemetryDevice.name, `%${escapeLike(query.q)}%`), ilike(telemetryDevice.deviceKey, `%${escapeLike(query.q)}%`))
          : undefined,
      );
      const items = await withOwner()
        .where(where)
        .orderBy(telemetryDevice.name, telemetryDevice.id)
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize);
      const [total] = await db.select({ n: count() }).from(telemetryDevice).where(where);
      return { items, total: total?.n ?? 0 };
    },

    async insert(row: NewDeviceRow): Promise<DeviceRow> {
      const [created] = await db.insert(telemetryDevice).values(row).returning();
      if (!created) throw new Error('device insert returned nothing');
      return created;
    },

    async setSecretHash(id: string, secretHash: string, now: Date): Promise<void> {
      await db.update(telemetryDevice).set({ secretHash, updatedAt: now }).where(eq(telemetryDevice.id, id));
    },

    /** Devices whose silence is watched from start: every one that has ever sent data. */
    async watched(): Promise<Array<Pick<DeviceRow, 'id' | 'inactivitySeconds' | 'lastSeenAt'>>> {
      return db
        .select({ id: telemetryDevice.id, inactivitySeconds: telemetryDevice.inactivitySeconds, lastSeenAt: telemetryDevice.lastSeenAt })
        .from(telemetryDevice)
        .where(sql`${telemetryDevice.lastSeenAt} is not null`)
        .orderBy(desc(telemetryDevice.lastSeenAt));
    },
  };
}
