import { DEFAULT_SLA_DAYS, type FindingListQuery, type VulnGrade } from '@suilian/contracts';
import { and, asc, count, desc, eq, gte, ilike, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../../db/client.js';
import type { OrgScope } from '../../../platform/scope.js';
import { organisation } from '../../organisations/organisation.table.js';
import { vulnerability } from '../advisory.table.js';
import { vulnAsset, vulnMatch } from '../asset.table.js';
import { vulnFinding, vulnFindingEvent, vulnSla } from '../finding.table.js';
import { OPEN_STATES } from './lifecycle.js';

export type FindingRow = typeof vulnFinding.$inferSelect;
export type FindingEventInsert = typeof vulnFindingEvent.$inferInsert;

/** Scope as a condition on a table with enterprise_id and district_id columns. */
export function scopeCondition(scope: OrgScope, t: { enterpriseId: AnyPgColumn; districtId: AnyPgColumn }): SQL | undefined {
  if (scope.all) return undefined;
  if ('districtId' in scope) return eq(t.districtId, scope.districtId);
  return eq(t.enterpriseId, scope.orgId);
}

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Findings, their history and the SLA settings: the only SQL for them. */
export function createFindingRepo(db: DbOrTx) {
  const listed = () =>
    db
      .select({
        finding: vulnFinding,
        asset: {
          vendor: vulnAsset.vendor,
          product: vulnAsset.product,
          model: vulnAsset.model,
          firmwareVersion: vulnAsset.firmwareVersion,
          host: vulnAsset.host,
        },
        enterpriseName: organisation.name,
        vulnerabilityKey: vulnerability.key,
        vulnerabilityTitle: sql<string>`coalesce(${vulnerability.titleZh}, ${vulnerability.title})`,
      })
      .from(vulnFinding)
      .innerJoin(vulnAsset, eq(vulnAsset.id, vulnFinding.assetId))
      .innerJoin(organisation, eq(organisation.id, vulnFinding.enterpriseId))
      .innerJoin(vulnerability, eq(vulnerability.id, vulnFinding.vulnerabilityId));

  return {
    async slaDays(): Promise<Record<VulnGrade, number>> {
      const rows = await db.select().from(vulnSla);
      const days = { ...DEFAULT_SLA_DAYS };
      for (const r of rows) days[r.grade] = r.days;
      return days;
    },
    async setSlaDays(days: Record<VulnGrade, number>, now: Date): Promise<void> {
      for (const [grade, d] of Object.entries(days) as [VulnGrade, number][])
        await db
          .insert(vulnSla)
          .values({ grade, days: d, updatedAt: now })
          .onConflictDoUpdate({ target: vulnSla.grade, set: { days: d, updatedAt: now } });
    },
    async findByPairs(pairs: Array<{ assetId: string; vulnerabilityId: string }>): Promise<FindingRow[]> {
      if (pairs.length === 0) return [];
      const out: FindingRow[] = [];
      for (let i = 0; i < pairs.length; i += 500) {
        const chunk = pairs.slice(i, i + 500);
        out.push(
          ...(await db
            .select()
            .from(vulnFinding)
            .where(or(...chunk.map((p) => and(eq(vulnFinding.assetId, p.assetId), eq(vulnFinding.vulnerabilityId, p.vulnerabilityId)))))),
        );
      }
      return out;
    },
    async insertFindings(rows: (typeof vulnFinding.$inferInsert)[]): Promise<FindingRow[]> {
      const out: FindingRow[] = [];
      for (let i = 0; i < rows.length; i += 500)
        out.push(
          ...(await db
            .insert(vulnFinding)
            .values(rows.slice(i, i + 500))
            .returning()),
        );
      return out;
    },
    async update(id: string, version: number, values: Partial<typeof vulnFinding.$inferInsert>): Promise<FindingRow | null> {
      const [row] = await db
        .update(vulnFinding)
        .set({ ...values, version: version + 1 })
        .where(and(eq(vulnFinding.id, id), eq(vulnFinding.version, version)))
        .returning();
      return row ?? null;
    },
    async touch(ids: string[], at: Date, scanKey?: string): Promise<void> {
      for (let i = 0; i < ids.length; i += 1000)
        await db
          .update(vulnFinding)
          .set({ lastSeenAt: at, ...(scanKey ? { scanKey } : {}) })
          .where(inArray(vulnFinding.id, ids.slice(i, i + 1000)));
    },
    async insertEvents(rows: FindingEventInsert[]): Promise<void> {
      for (let i = 0; i < rows.length; i += 1000) await db.insert(vulnFindingEvent).values(rows.slice(i, i + 1000));
    },
    async events(findingId: string) {
      return db.select().from(vulnFindingEvent).where(eq(vulnFindingEvent.findingId, findingId)).orderBy(asc(vulnFindingEvent.at));
    },
    async findById(id: string) {
      const [row] = await listed().where(eq(vulnFinding.id, id));
      return row ?? null;
    },
    async findPage(scope: OrgScope, q: FindingListQuery, now: Date) {
      const where = and(
        scopeCondition(scope, vulnFinding),
        q.state ? eq(vulnFinding.state, q.state) : undefined,
        q.open === 'true' ? inArray(vulnFinding.state, [...OPEN_STATES]) : undefined,
        q.open === 'false'
          ? sql`${vulnFinding.state} not in ('new','confirmed','remediating','fixed_awaiting_verification','reopened')`
          : undefined,
        q.grade ? eq(vulnFinding.grade, q.grade) : undefined,
        q.enterpriseId ? eq(vulnFinding.enterpriseId, q.enterpriseId) : undefined,
        q.districtId ? eq(vulnFinding.districtId, q.districtId) : undefined,
        q.vulnerabilityId ? eq(vulnFinding.vulnerabilityId, q.vulnerabilityId) : undefined,
        q.assetId ? eq(vulnFinding.assetId, q.assetId) : undefined,
        q.overdue === 'true' ? and(inArray(vulnFinding.state, [...OPEN_STATES]), lt(vulnFinding.slaDueAt, now)) : undefined,
        q.q
          ? or(
              ilike(vulnerability.key, like(q.q)),
              ilike(vulnAsset.product, like(q.q)),
              ilike(vulnAsset.host, like(q.q)),
              ilike(organisation.name, like(q.q)),
            )
          : undefined,
      );
      const items = await listed()
        .where(where)
        .orderBy(asc(vulnFinding.slaDueAt), desc(vulnFinding.createdAt))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize);
      const [total] = await db
        .select({ n: count() })
        .from(vulnFinding)
        .innerJoin(vulnAsset, eq(vulnAsset.id, vulnFinding.assetId))
        .innerJoin(organisation, eq(organisation.id, vulnFinding.enterpriseId))
        .innerJoin(vulnerability, eq(vulnerability.id, vulnFinding.vulnerabilityId))
        .where(where);
      return { items, total: total?.n ?? 0 };
    },
    async reasonsOf(assetId: string, vulnerabilityId: string) {
      const [m] = await db
        .select({ reasons: vulnMatch.reasons })
        .from(vulnMatch)
        .where(and(eq(vulnMatch.assetId, assetId), eq(vulnMatch.vulnerabilityId, vulnerabilityId)));
      return m?.reasons ?? [];
    },
    /** Open findings past their SLA that were not yet escalated for that due date. */
    async overdueUnescalated(now: Date, limit: number): Promise<FindingRow[]> {
      return db
        .select()
        .from(vulnFinding)
        .where(
          and(
            inArray(vulnFinding.state, [...OPEN_STATES]),
            lt(vulnFinding.slaDueAt, now),
            or(isNull(vulnFinding.escalatedFor), sql`${vulnFinding.escalatedFor} <> ${vulnFinding.slaDueAt}`),
          ),
        )
        .orderBy(asc(vulnFinding.slaDueAt))
        .limit(limit);
    },
    /** Open findings whose SLA deadline falls in [from, to), soonest first (the due-soon reminders). */
    async dueBetween(from: Date, to: Date, limit: number): Promise<FindingRow[]> {
      return db
        .select()
        .from(vulnFinding)
        .where(and(inArray(vulnFinding.state, [...OPEN_STATES]), gte(vulnFinding.slaDueAt, from), lt(vulnFinding.slaDueAt, to)))
        .orderBy(asc(vulnFinding.slaDueAt))
        .limit(limit);
    },
    async markEscalated(ids: string[]): Promise<void> {
      if (ids.length)
        await db
          .update(vulnFinding)
          .set({ escalatedFor: sql`${vulnFinding.slaDueAt}` })
          .where(inArray(vulnFinding.id, ids));
    },
    /** Risk acceptances whose expiry has passed. */
    async expiredAcceptances(today: string, limit: number): Promise<FindingRow[]> {
      return db
        .select()
        .from(vulnFinding)
        .where(and(eq(vulnFinding.state, 'risk_accepted'), lt(vulnFinding.riskAcceptedUntil, today)))
        .limit(limit);
    },
  };
}
