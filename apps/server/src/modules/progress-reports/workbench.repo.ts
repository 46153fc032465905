import type { TodoTally } from '@suilian/contracts';
import { and, count, eq, gt, min, notExists } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { progressReport } from './progress-report.table.js';

const later = alias(progressReport, 'later');

/** The 工作台's progress-report query (issue #12 item 1). */
export function createProgressReportWorkbenchRepo(db: DbOrTx) {
  return {
    /** Reports `userId` started that failed and were not generated again since (for the same quarter), waiting since they started. */
    async failedBy(userId: string): Promise<TodoTally> {
      const retried = db
        .select({ id: later.id })
        .from(later)
        .where(and(eq(later.quarter, progressReport.quarter), gt(later.createdAt, progressReport.createdAt)));
      const [row] = await db
        .select({ count: count(), oldest: min(progressReport.createdAt) })
        .from(progressReport)
        .where(and(eq(progressReport.generatedById, userId), eq(progressReport.status, 'failed'), notExists(retried)));
      return { count: row?.count ?? 0, oldest: row?.oldest ?? null };
    },
  };
}
