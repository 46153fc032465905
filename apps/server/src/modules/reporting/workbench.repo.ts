import type { TodoTally } from '@suilian/contracts';
import { and, asc, eq, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { dataRegistration } from './reporting.table.js';

/** A tally of forms and the oldest of them (its data set, period and district), for the link. */
export interface FormTally extends TodoTally {
  first: { dataSetCode: string; period: string; orgId: string } | null;
}

/** The 工作台's reporting queries (issue #12 item 1). */
export function createReportingWorkbenchRepo(db: DbOrTx) {
  return {
    /**
     * Forms in `state` (of one district, or of all when null), waiting since their completion
     * (completed) or approval (approved); `notCompletedBy` leaves out the forms that person completed
     * (nobody approves their own form).
     */
    async waiting(state: 'completed' | 'approved', districtId: string | null, notCompletedBy?: string): Promise<FormTally> {
      const since = state === 'completed' ? dataRegistration.completedAt : dataRegistration.approvedAt;
      const conditions: (SQL | undefined)[] = [
        eq(dataRegistration.state, state),
        districtId ? eq(dataRegistration.orgId, districtId) : undefined,
        notCompletedBy ? or(isNull(dataRegistration.completedBy), ne(dataRegistration.completedBy, notCompletedBy)) : undefined,
      ];
      const [row] = await db
        .select({
          dataSetCode: dataRegistration.dataSetCode,
          period: dataRegistration.period,
          orgId: dataRegistration.orgId,
          since,
          total: sql<number>`count(*) OVER ()`.mapWith(Number),
        })
        .from(dataRegistration)
        .where(and(...conditions))
        .orderBy(sql`${since} ASC NULLS LAST`, asc(dataRegistration.period))
        .limit(1);
      if (!row) return { count: 0, oldest: null, first: null };
      return {
        count: row.total,
        oldest: row.since,
        first: { dataSetCode: row.dataSetCode, period: row.period, orgId: row.orgId },
      };
    },
  };
}
