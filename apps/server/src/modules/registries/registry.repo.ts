import type { RegistryKey, RegistryListQuery } from '@suilian/contracts';
import { and, asc, count, desc, eq, gte, ilike, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { escapeLike } from '../../db/like.js';
import type { OrgScope } from '../../platform/scope.js';
import { organisation } from '../organisations/organisation.table.js';
import { registryAttachment, registryRecord } from './registry.table.js';

export type RecordRow = typeof registryRecord.$inferSelect;
export type RecordWithOrg = RecordRow & { orgName: string };

const SORTABLE = {
  date: registryRecord.recordDate,
  title: registryRecord.title,
  createdAt: registryRecord.createdAt,
  quantity: registryRecord.quantity,
} as const;

export function createRegistryRepo(db: DbOrTx) {
  const base = () =>
    db
      .select({ record: registryRecord, orgName: organisation.name })
      .from(registryRecord)
      .innerJoin(organisation, eq(organisation.id, registryRecord.orgId));
  const flatten = (r: { record: RecordRow; orgName: string }): RecordWithOrg => ({ ...r.record, orgName: r.orgName });

  return {
    async findById(registry: RegistryKey, id: string): Promise<RecordWithOrg | null> {
      const [row] = await base().where(and(eq(registryRecord.id, id), eq(registryRecord.registry, registry)));
      return row ? flatten(row) : null;
    },

    async findPage(registry: RegistryKey, scope: OrgScope, q: RegistryListQuery) {
      const where = and(eq(registryRecord.registry, registry), scopeFilter(scope), ...filters(q));
      const key = (q.sort ?? '-date').replace(/^-/, '') as keyof typeof SORTABLE;
      const column = SORTABLE[key] ?? registryRecord.recordDate;
      const rows = await base()
        .where(where)
        .orderBy((q.sort ?? '-date').startsWith('-') ? desc(column) : asc(column), asc(registryRecord.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize);
      const [total] = await db.select({ n: count() }).from(registryRecord).where(where);
      return { items: rows.map(flatten), total: total?.n ?? 0 };
    },

    async findByUniqueKey(registry: RegistryKey, uniqueKey: string): Promise<RecordRow | null> {
      const [row] = await db
        .select()
        .from(registryRecord)
        .where(and(eq(registryRecord.registry, registry), eq(registryRecord.uniqueKey, uniqueKey)));
      return row ?? null;
    },

    async insert(row: typeof registryRecord.$inferInsert): Promise<RecordRow> {
      const [created] = await db.insert(registryRecord).values(row).returning();
      if (!created) throw new Error('insert returned no row');
      return created;
    },

    async updateVersioned(id: string, version: number, patch: Partial<typeof registryRecord.$inferInsert>): Promise<RecordRow | null> {
      const [row] = await db
        .update(registryRecord)
        .set({ ...patch, version: version + 1 })
        .where(and(eq(registryRecord.id, id), eq(registryRecord.version, version)))
        .returning();
      return row ?? null;
    },

    async countTestRecordsOf(platformId: string): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(registryRecord)
        .where(and(eq(registryRecord.registry, 'test-records'), sql`${registryRecord.data}->>'platformId' = ${platformId}`));
      return row?.n ?? 0;
    },

    async delete(id: string): Promise<void> {
      await db.delete(registryRecord).where(eq(registryRecord.id, id));
    },

    async findRecordsWithFile(fileId: string): Promise<Array<{ orgId: string; districtId: string | null }>> {
      return db
        .select({ orgId: registryRecord.orgId, districtId: registryRecord.districtId })
        .from(registryAttachment)
        .innerJoin(registryRecord, eq(registryRecord.id, registryAttachment.recordId))
        .where(eq(registryAttachment.fileId, fileId));
    },

    async findAttachments(ids: string[]): Promise<Array<{ recordId: string; fileId: string }>> {
      if (ids.length === 0) return [];
      return db.select().from(registryAttachment).where(inArray(registryAttachment.recordId, ids));
    },

    async replaceAttachments(recordId: string, fileIds: string[]): Promise<void> {
      await db.delete(registryAttachment).where(eq(registryAttachment.recordId, recordId));
      if (fileIds.length > 0) await db.insert(registryAttachment).values(fileIds.map((fileId) => ({ recordId, fileId })));
    },
  };
}

function scopeFilter(scope: OrgScope): SQL | undefined {
  if (scope.all) return undefined;
  if ('districtId' in scope) return eq(registryRecord.districtId, scope.districtId);
  return eq(registryRecord.orgId, scope.orgId);
}

function filters(q: RegistryListQuery): SQL[] {
  const out: SQL[] = [];
  if (q.orgId) out.push(eq(registryRecord.orgId, q.orgId));
  if (q.districtId) out.push(eq(registryRecord.districtId, q.districtId));
  if (q.kind) out.push(eq(registryRecord.kind, q.kind));
  if (q.year) out.push(gte(registryRecord.recordDate, `${q.year}-01-01`), lt(registryRecord.recordDate, `${q.year + 1}-01-01`));
  if (q.q) {
    const any = or(ilike(registryRecord.title, `%${escapeLike(q.q)}%`), ilike(registryRecord.uniqueKey, `%${escapeLike(q.q)}%`));
    if (any) out.push(any);
  }
  return out;
}
