import type { TodoTally } from '@suilian/contracts';
import { and, count, eq, inArray, isNull, lt, min, ne, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { OrgScope } from '../../platform/scope.js';
import { vulnFinding } from './finding.table.js';
import { scopeCondition } from './findings/finding.repo.js';
import { OPEN_STATES } from './findings/lifecycle.js';
import { vulnNotice, vulnNoticeRecipient } from './notice.table.js';

const tally = (row: { count: number; oldest: Date | null } | undefined): TodoTally => ({
  count: row?.count ?? 0,
  oldest: row?.oldest ?? null,
});

/** The 工作台's finding and notice queries (issue #12 item 1). */
export function createSecurityWorkbenchRepo(db: DbOrTx) {
  const findings = (
    since: typeof vulnFinding.firstSeenAt | typeof vulnFinding.slaDueAt | typeof vulnFinding.fixedAt,
    where: SQL | undefined,
  ) =>
    db
      .select({ count: count(), oldest: min(since) })
      .from(vulnFinding)
      .where(where);

  return {
    /** Open findings in reach (the findings list's `open=true`), waiting since first seen. */
    async open(scope: OrgScope): Promise<TodoTally> {
      const [row] = await findings(
        vulnFinding.firstSeenAt,
        and(scopeCondition(scope, vulnFinding), inArray(vulnFinding.state, [...OPEN_STATES])),
      );
      return tally(row);
    },
    /** Open findings in reach past their SLA (the list's `overdue=true`), waiting since the SLA ran out. */
    async overdue(scope: OrgScope, now: Date): Promise<TodoTally> {
      const [row] = await findings(
        vulnFinding.slaDueAt,
        and(scopeCondition(scope, vulnFinding), inArray(vulnFinding.state, [...OPEN_STATES]), lt(vulnFinding.slaDueAt, now)),
      );
      return tally(row);
    },
    /** Fixed findings in reach awaiting re-verification that someone other than `userId` fixed, waiting since the fix. */
    async toVerify(scope: OrgScope, userId: string | null): Promise<TodoTally> {
      const [row] = await findings(
        vulnFinding.fixedAt,
        and(
          scopeCondition(scope, vulnFinding),
          eq(vulnFinding.state, 'fixed_awaiting_verification'),
          userId ? or(isNull(vulnFinding.fixedById), ne(vulnFinding.fixedById, userId)) : undefined,
        ),
      );
      return tally(row);
    },
    /** Published notices the enterprise has not acknowledged, waiting since publication. */
    async unacknowledged(enterpriseId: string): Promise<TodoTally> {
      const [row] = await db
        .select({ count: count(), oldest: min(vulnNotice.publishedAt) })
        .from(vulnNoticeRecipient)
        .innerJoin(vulnNotice, eq(vulnNotice.id, vulnNoticeRecipient.noticeId))
        .where(
          and(
            eq(vulnNoticeRecipient.enterpriseId, enterpriseId),
            isNull(vulnNoticeRecipient.acknowledgedAt),
            eq(vulnNotice.status, 'published'),
          ),
        );
      return tally(row);
    },
  };
}
