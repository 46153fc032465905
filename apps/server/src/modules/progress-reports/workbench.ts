import { todoItem, type WorkbenchItem } from '@suilian/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import { progressReportPolicy } from './progress-report.policy.js';
import { createProgressReportWorkbenchRepo } from './workbench.repo.js';

/** The actor's progress-report to-dos (issue #12 item 1): reports they generated that failed and were not generated again. */
export async function progressReportTodos(db: DbOrTx, actor: Actor, now: Date): Promise<WorkbenchItem[]> {
  if (!actor.userId || !progressReportPolicy.allows(actor, 'generate')) return [];
  const item = todoItem(
    'progress_report.failed',
    await createProgressReportWorkbenchRepo(db).failedBy(actor.userId),
    now,
    '/indicators/progress-reports',
  );
  return item ? [item] : [];
}
