import { todoItem, type WorkbenchItem } from '@suilian/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import { slaPolicy } from './sla.policy.js';
import { createSlaRepo } from './sla.repo.js';

/**
 * The district's SLA to-do (issue #14 item 3): acceptance results of its networks awaiting its
 * sign-off. Only those who may sign off (district officers, city admins) have it.
 */
export async function slaTodos(db: DbOrTx, actor: Actor, now: Date): Promise<WorkbenchItem[]> {
  if (!slaPolicy.allows(actor, 'sign_off') || !slaPolicy.allows(actor, 'read')) return [];
  const tally = await createSlaRepo(db).tallyAwaiting(slaPolicy.reach(actor, 'sign_off'));
  const item = todoItem('sla.sign_off', tally, now, '/networks/sla?state=awaiting_sign_off');
  return item ? [item] : [];
}
