import type { TodoTally } from '@suilian/contracts';
import { and, count, eq, isNull, min } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { selectionApplication, selectionAssignment, selectionRound } from './selection.table.js';

/** The 工作台's selection queries (issue #12 item 1). */
export function createSelectionWorkbenchRepo(db: DbOrTx) {
  return {
    /** The expert's assignments not scored yet in rounds under expert review, waiting since assignment. */
    async unscored(expertId: string): Promise<TodoTally> {
      const [row] = await db
        .select({ count: count(), oldest: min(selectionAssignment.assignedAt) })
        .from(selectionAssignment)
        .innerJoin(selectionApplication, eq(selectionApplication.id, selectionAssignment.applicationId))
        .innerJoin(selectionRound, eq(selectionRound.id, selectionApplication.roundId))
        .where(
          and(
            eq(selectionAssignment.expertId, expertId),
            isNull(selectionAssignment.submittedAt),
            eq(selectionRound.stage, 'expert_review'),
          ),
        );
      return { count: row?.count ?? 0, oldest: row?.oldest ?? null };
    },

    /** The district's applications not recommended either way in rounds under district review, waiting since they were made. */
    async unrecommended(districtId: string): Promise<TodoTally> {
      const [row] = await db
        .select({ count: count(), oldest: min(selectionApplication.createdAt) })
        .from(selectionApplication)
        .innerJoin(selectionRound, eq(selectionRound.id, selectionApplication.roundId))
        .where(
          and(
            eq(selectionApplication.districtId, districtId),
            eq(selectionApplication.status, 'submitted'),
            eq(selectionRound.stage, 'district_review'),
          ),
        );
      return { count: row?.count ?? 0, oldest: row?.oldest ?? null };
    },
  };
}
