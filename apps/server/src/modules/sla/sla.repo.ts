import type { SlaResultListQuery } from '@suilian/contracts';
import { and, asc, count, desc, eq, gte, inArray, lt, min, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import type { OrgScope } from '../../platform/scope.js';
import { appUser } from '../accounts/account.table.js';
import { privateNetwork } from '../networks/network.table.js';
import { telemetryDevice, telemetryPoint } from '../telemetry/telemetry.table.js';
import { slaMeasurementSet, slaNetworkProfile, slaProfile, slaResult } from './sla.table.js';

export type ProfileRow = typeof slaProfile.$inferSelect;
export type MeasurementSetRow = typeof slaMeasurementSet.$inferSelect;
export type ResultRow = typeof slaResult.$inferSelect;
export interface NetworkRef {
  id: string;
  name: string;
  districtId: string;
  enterpriseId: string;
  operatorId: string;
}

const NETWORK_REF = {
  id: privateNetwork.id,
  name: privateNetwork.name,
  districtId: privateNetwork.districtId,
  enterpriseId: privateNetwork.enterpriseId,
  operatorId: privateNetwork.operatorId,
};
const computer = alias(appUser, 'computer');
const signer = alias(appUser, 'signer');

/** The probe metrics read from telemetry (docs/sla.md): what a probe agent publishes. */
export const PROBE_METRICS = ['latency_ms', 'ul_mbps', 'dl_mbps', 'ss_rsrp_dbm', 'ss_sinr_db'] as const;

/** A reach as SQL on the network: its district, or the organisation that uses or runs it. */
function resultScope(scope: OrgScope): SQL | undefined {
  if (scope.all) return undefined;
  if ('districtId' in scope) return eq(privateNetwork.districtId, scope.districtId);
  return or(eq(privateNetwork.enterpriseId, scope.orgId), eq(privateNetwork.operatorId, scope.orgId));
}

/** SLA profiles, tests and results: the only place with their SQL. */
export function createSlaRepo(db: DbOrTx) {
  const resultQuery = () =>
    db
      .select({
        result: slaResult,
        network: NETWORK_REF,
        networkName: privateNetwork.name,
        computedByName: computer.displayName,
        signedByName: signer.displayName,
      })
      .from(slaResult)
      .innerJoin(privateNetwork, eq(privateNetwork.id, slaResult.networkId))
      .leftJoin(computer, eq(computer.id, slaResult.computedBy))
      .leftJoin(signer, eq(signer.id, slaResult.signedBy));
  return {
    async network(id: string): Promise<NetworkRef | undefined> {
      const [row] = await db.select(NETWORK_REF).from(privateNetwork).where(eq(privateNetwork.id, id));
      return row;
    },

    profiles: () => db.select().from(slaProfile).orderBy(desc(slaProfile.preset), asc(slaProfile.code)),
    async profile(id: string) {
      const [row] = await db.select().from(slaProfile).where(eq(slaProfile.id, id));
      return row;
    },
    async profileByCode(code: string) {
      const [row] = await db.select().from(slaProfile).where(eq(slaProfile.code, code));
      return row;
    },
    async insertProfile(row: typeof slaProfile.$inferInsert) {
      const [created] = await db.insert(slaProfile).values(row).onConflictDoNothing({ target: slaProfile.code }).returning();
      return created;
    },
    async updateProfile(id: string, version: number, fields: Partial<typeof slaProfile.$inferInsert>) {
      const [row] = await db
        .update(slaProfile)
        .set({ ...fields, version: version + 1 })
        .where(and(eq(slaProfile.id, id), eq(slaProfile.version, version)))
        .returning();
      return row;
    },

    async networkProfile(networkId: string) {
      const [row] = await db
        .select({ profile: slaProfile })
        .from(slaNetworkProfile)
        .innerJoin(slaProfile, eq(slaProfile.id, slaNetworkProfile.profileId))
        .where(eq(slaNetworkProfile.networkId, networkId));
      return row?.profile;
    },
    async setNetworkProfile(networkId: string, profileId: string, userId: string | null, at: Date) {
      await db
        .insert(slaNetworkProfile)
        .values({ networkId, profileId, setBy: userId, setAt: at })
        .onConflictDoUpdate({ target: slaNetworkProfile.networkId, set: { profileId, setBy: userId, setAt: at } });
    },

    async insertSet(row: typeof slaMeasurementSet.$inferInsert) {
      const [created] = await db.insert(slaMeasurementSet).values(row).returning({ id: slaMeasurementSet.id });
      return created as { id: string };
    },
    /** A network's tests without their samples (the list), newest first. */
    setsOf: (networkId: string) =>
      db
        .select({
          id: slaMeasurementSet.id,
          networkId: slaMeasurementSet.networkId,
          format: slaMeasurementSet.format,
          fileName: slaMeasurementSet.fileName,
          sha256: slaMeasurementSet.sha256,
          measuredFrom: slaMeasurementSet.measuredFrom,
          measuredTo: slaMeasurementSet.measuredTo,
          counts: slaMeasurementSet.counts,
          uploadedAt: slaMeasurementSet.uploadedAt,
          uploadedByName: appUser.displayName,
        })
        .from(slaMeasurementSet)
        .leftJoin(appUser, eq(appUser.id, slaMeasurementSet.uploadedBy))
        .where(eq(slaMeasurementSet.networkId, networkId))
        .orderBy(desc(slaMeasurementSet.measuredFrom)),
    async set(id: string) {
      const [row] = await db.select().from(slaMeasurementSet).where(eq(slaMeasurementSet.id, id));
      return row;
    },
    /** The tests that began within [from, to), with their samples. */
    setsWithin: (networkId: string, from: Date, to: Date) =>
      db
        .select()
        .from(slaMeasurementSet)
        .where(
          and(
            eq(slaMeasurementSet.networkId, networkId),
            gte(slaMeasurementSet.measuredFrom, from),
            lt(slaMeasurementSet.measuredFrom, to),
          ),
        )
        .orderBy(asc(slaMeasurementSet.measuredFrom)),
    deleteSet: (id: string) => db.delete(slaMeasurementSet).where(eq(slaMeasurementSet.id, id)),

    /** The probe devices' points of the network within [from, to), per device in time order. */
    probePoints: (networkId: string, from: Date, to: Date) =>
      db
        .select({ deviceKey: telemetryDevice.deviceKey, metric: telemetryPoint.metric, ts: telemetryPoint.ts, value: telemetryPoint.value })
        .from(telemetryPoint)
        .innerJoin(telemetryDevice, eq(telemetryDevice.id, telemetryPoint.deviceId))
        .where(
          and(
            eq(telemetryDevice.networkId, networkId),
            eq(telemetryDevice.kind, 'probe'),
            inArray(telemetryPoint.metric, [...PROBE_METRICS]),
            gte(telemetryPoint.ts, from),
            lt(telemetryPoint.ts, to),
          ),
        )
        .orderBy(asc(telemetryDevice.deviceKey), asc(telemetryPoint.ts)),

    async result(id: string) {
      const [row] = await resultQuery().where(eq(slaResult.id, id));
      return row;
    },
    /** A page of results in reach, newest period first. */
    async resultPage(scope: OrgScope, query: SlaResultListQuery) {
      const where = and(
        resultScope(scope),
        query.state ? eq(slaResult.state, query.state) : undefined,
        query.period ? eq(slaResult.period, query.period) : undefined,
      );
      const [items, [total]] = await Promise.all([
        resultQuery()
          .where(where)
          .orderBy(desc(slaResult.period), asc(privateNetwork.name))
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize),
        db.select({ n: count() }).from(slaResult).innerJoin(privateNetwork, eq(privateNetwork.id, slaResult.networkId)).where(where),
      ]);
      return { items, total: total?.n ?? 0 };
    },
    resultsOf: (networkId: string) => resultQuery().where(eq(slaResult.networkId, networkId)).orderBy(desc(slaResult.period)),
    async resultFor(networkId: string, period: string) {
      const [row] = await db
        .select()
        .from(slaResult)
        .where(and(eq(slaResult.networkId, networkId), eq(slaResult.period, period)));
      return row;
    },
    async upsertResult(row: typeof slaResult.$inferInsert) {
      const [saved] = await db
        .insert(slaResult)
        .values(row)
        .onConflictDoUpdate({
          target: [slaResult.networkId, slaResult.period],
          set: {
            profile: row.profile,
            verdict: row.verdict,
            items: row.items,
            stats: row.stats,
            sources: row.sources,
            computedBy: row.computedBy,
            computedAt: row.computedAt,
            state: 'awaiting_sign_off',
            decision: null,
            opinion: null,
            signedBy: null,
            signedAt: null,
            version: row.version,
          },
        })
        .returning({ id: slaResult.id });
      return saved as { id: string };
    },
    async signOff(id: string, version: number, fields: Pick<ResultRow, 'state' | 'decision' | 'opinion' | 'signedBy' | 'signedAt'>) {
      const [row] = await db
        .update(slaResult)
        .set({ ...fields, version: version + 1 })
        .where(and(eq(slaResult.id, id), eq(slaResult.version, version)))
        .returning({ id: slaResult.id });
      return row;
    },
    /** Results awaiting sign-off in reach, and since when the oldest waits (the 工作台). */
    async tallyAwaiting(scope: OrgScope) {
      const [row] = await db
        .select({ count: count(), oldest: min(slaResult.computedAt) })
        .from(slaResult)
        .innerJoin(privateNetwork, eq(privateNetwork.id, slaResult.networkId))
        .where(and(eq(slaResult.state, 'awaiting_sign_off'), resultScope(scope)));
      return { count: row?.count ?? 0, oldest: row?.oldest ?? null };
    },
  };
}

export type SlaRepo = ReturnType<typeof createSlaRepo>;
