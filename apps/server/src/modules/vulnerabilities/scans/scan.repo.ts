import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import type { OrgScope } from '../../../platform/scope.js';
import { organisation } from '../../organisations/organisation.table.js';
import { vulnFinding, vulnScan, vulnScanResult } from '../finding.table.js';
import { scopeCondition } from '../findings/finding.repo.js';
import { OPEN_STATES } from '../findings/lifecycle.js';

export type ScanRow = typeof vulnScan.$inferSelect;

/** Scans and their result lines: the only SQL for them. */
export function createScanRepo(db: DbOrTx) {
  return {
    async insert(values: typeof vulnScan.$inferInsert): Promise<ScanRow> {
      const [row] = await db.insert(vulnScan).values(values).returning();
      if (!row) throw new Error('insert returned nothing');
      return row;
    },
    async insertResults(rows: (typeof vulnScanResult.$inferInsert)[]): Promise<void> {
      for (let i = 0; i < rows.length; i += 1000) await db.insert(vulnScanResult).values(rows.slice(i, i + 1000));
    },
    /** Open findings last reported under this scan scope. */
    async openInScope(scanKey: string) {
      return db
        .select()
        .from(vulnFinding)
        .where(and(eq(vulnFinding.scanKey, scanKey), inArray(vulnFinding.state, [...OPEN_STATES])));
    },
    async findPage(scope: OrgScope, page: number, pageSize: number) {
      const where = scopeCondition(scope, vulnScan);
      const items = await db
        .select({ scan: vulnScan, enterpriseName: organisation.name })
        .from(vulnScan)
        .innerJoin(organisation, eq(organisation.id, vulnScan.enterpriseId))
        .where(where)
        .orderBy(desc(vulnScan.createdAt))
        .limit(pageSize)
        .offset((page - 1) * pageSize);
      const [total] = await db.select({ n: count() }).from(vulnScan).where(where);
      return { items, total: total?.n ?? 0 };
    },
  };
}
