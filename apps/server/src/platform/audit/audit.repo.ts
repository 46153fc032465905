import type { AuditListQuery } from '@suilian/contracts';
import { and, asc, count, desc, eq, gt, gte, ilike, isNotNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { escapeLike } from '../../db/like.js';
import { auditLog } from './audit.table.js';

export type AuditRow = typeof auditLog.$inferSelect;

/** Audit log queries. Appends must run inside the caller's transaction. */
export function createAuditRepo(db: DbOrTx) {
  return {
    /** Takes the chain lock for the rest of the transaction and returns the chain's head. */
    async lockHead(): Promise<{ seq: number; hash: string } | null> {
      await db.execute(sql`SELECT pg_advisory_xact_lock(727002)`);
      const [head] = await db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
      return head ?? null;
    },

    /** The chain's head as committed now, without the lock (checkpoints: appends commit in seq order). */
    async head(): Promise<{ seq: number; hash: string } | null> {
      const [head] = await db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
      return head ?? null;
    },

    /** Whether any entry is signed with an audit key (a lost key file must then not be silently replaced). */
    async findAnyKeyId(): Promise<string | null> {
      const [row] = await db
        .select({ keyId: auditLog.keyId })
        .from(auditLog)
        .where(isNotNull(auditLog.keyId))
        .orderBy(desc(auditLog.seq))
        .limit(1);
      return row?.keyId ?? null;
    },

    async insert(row: AuditRow): Promise<void> {
      await db.insert(auditLog).values(row);
    },

    async insertMany(rows: AuditRow[]): Promise<void> {
      if (rows.length > 0) await db.insert(auditLog).values(rows);
    },

    async findPage(query: AuditListQuery): Promise<{ items: AuditRow[]; total: number }> {
      const where = and(...auditFilters(query));
      const order = query.sort === 'seq' || query.sort === 'occurredAt' ? asc(auditLog.seq) : desc(auditLog.seq);
      const items = await db
        .select()
        .from(auditLog)
        .where(where)
        .orderBy(order)
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize);
      const [total] = await db.select({ n: count() }).from(auditLog).where(where);
      return { items, total: total?.n ?? 0 };
    },

    /** Reads the chain in seq order, `limit` entries after `afterSeq`. */
    async findAfter(afterSeq: number, limit: number): Promise<AuditRow[]> {
      return db.select().from(auditLog).where(gt(auditLog.seq, afterSeq)).orderBy(asc(auditLog.seq)).limit(limit);
    },
  };
}

function auditFilters(q: AuditListQuery): SQL[] {
  const filters: SQL[] = [];
  if (q.actor) filters.push(ilike(auditLog.actorName, `%${escapeLike(q.actor)}%`));
  if (q.action) filters.push(eq(auditLog.action, q.action));
  if (q.entityType) filters.push(eq(auditLog.entityType, q.entityType));
  if (q.entityId) filters.push(eq(auditLog.entityId, q.entityId));
  if (q.from) filters.push(gte(auditLog.occurredAt, new Date(q.from)));
  if (q.to) filters.push(lte(auditLog.occurredAt, new Date(q.to)));
  if (q.q) {
    const pattern = `%${escapeLike(q.q)}%`;
    const any = or(ilike(auditLog.action, pattern), ilike(auditLog.actorName, pattern), ilike(auditLog.entityType, pattern));
    if (any) filters.push(any);
  }
  return filters;
}
