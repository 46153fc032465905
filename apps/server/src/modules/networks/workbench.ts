import { todoItem, type WorkbenchItem } from '@suilian/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import { networkPolicy } from './network.policy.js';
import { createNetworkRepo } from './network.repo.js';

/**
 * The district's network to-do (issue #14 item 5): private networks operators registered in its
 * district, waiting for its confirmation. Only those who may confirm them (district officers, city
 * admins) have it.
 */
export async function networkTodos(db: DbOrTx, actor: Actor, now: Date): Promise<WorkbenchItem[]> {
  if (!networkPolicy.allows(actor, 'confirm') || !networkPolicy.allows(actor, 'read')) return [];
  const tally = await createNetworkRepo(db).tallyDeclared(networkPolicy.reach(actor, 'confirm'));
  const item = todoItem('network.confirm', tally, now, '/networks?confirmation=declared');
  return item ? [item] : [];
}
