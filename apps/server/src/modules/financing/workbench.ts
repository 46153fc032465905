import { todoItem, type WorkbenchItem } from '@suilian/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import { financingPolicy } from './financing.policy.js';
import { createFinancingRepo } from './financing.repo.js';

/**
 * Financing's to-dos (issue #15 item 5): a bank's users see the requests routed to the bank and
 * not answered, and the accepted offers whose loan is not recorded; an enterprise's users the
 * submitted requests with offers to choose from. Only their own users: the city does not act here.
 */
export async function financingTodos(db: DbOrTx, actor: Actor, now: Date): Promise<WorkbenchItem[]> {
  if (actor.scope !== 'organisation') return [];
  const repo = createFinancingRepo(db);
  const items: Array<WorkbenchItem | null> = [];
  if (financingPolicy.allows(actor, 'offer')) {
    items.push(
      todoItem('financing.answer', await repo.tallyPendingRoutes(actor.orgId), now, '/financing/requests?state=submitted'),
      todoItem('financing.close', await repo.tallyToClose(actor.orgId), now, '/financing/requests?state=accepted'),
    );
  }
  if (financingPolicy.allows(actor, 'request'))
    items.push(todoItem('financing.offers', await repo.tallyOffersWaiting(actor.orgId), now, '/financing/requests?state=submitted'));
  return items.filter((i): i is WorkbenchItem => i !== null);
}
