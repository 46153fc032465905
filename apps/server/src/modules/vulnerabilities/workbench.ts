import { todoItem, type WorkbenchItem } from '@suilian/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import { findingPolicy } from './findings/finding.policy.js';
import { noticePolicy } from './notices/notice.policy.js';
import { createSecurityWorkbenchRepo } from './workbench.repo.js';

/**
 * The actor's security to-dos (issue #12 item 1): an enterprise's open findings (they are its to
 * remediate) and its unacknowledged early-warning notices; findings past their SLA for whoever acts
 * on findings in reach (the enterprise, its district, the security analysts); fixed findings to
 * re-verify for holders of finding:verify (not the fixes they made themselves: four eyes).
 * Read-only roles have none.
 */
export async function securityTodos(db: DbOrTx, actor: Actor, now: Date): Promise<WorkbenchItem[]> {
  const repo = createSecurityWorkbenchRepo(db);
  const items: Array<WorkbenchItem | null> = [];
  const updates = findingPolicy.allows(actor, 'start_remediation');
  const verifies = findingPolicy.allows(actor, 'verify');
  if (findingPolicy.allows(actor, 'read') && (updates || verifies)) {
    const reach = findingPolicy.reach(actor, 'read');
    if (updates && actor.scope === 'organisation')
      items.push(todoItem('finding.open', await repo.open(reach), now, '/security/findings?open=true'));
    items.push(todoItem('finding.overdue', await repo.overdue(reach, now), now, '/security/findings?overdue=true'));
    if (verifies) {
      items.push(
        todoItem('finding.verify', await repo.toVerify(reach, actor.userId), now, '/security/findings?state=fixed_awaiting_verification'),
      );
    }
  }
  if (noticePolicy.allows(actor, 'respond') && actor.scope === 'organisation') {
    items.push(todoItem('notice.acknowledge', await repo.unacknowledged(actor.orgId), now, '/security/notices'));
  }
  return items.filter((i): i is WorkbenchItem => i !== null);
}
