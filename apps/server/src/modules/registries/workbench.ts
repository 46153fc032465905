import { todoItem, type WorkbenchItem } from '@suilian/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import { pendingConfirmations } from './confirmation.repo.js';
import { registryPolicy } from './registry.policy.js';

/**
 * District and city users' to-do (issue #12 item 5): records enterprises declared — factories,
 * honours, registry records — waiting for their confirmation, linked to the confirmation list.
 */
export async function confirmationTodos(db: DbOrTx, actor: Actor, now: Date): Promise<WorkbenchItem[]> {
  if (!registryPolicy.allows(actor, 'confirm')) return [];
  const pending = await pendingConfirmations(db, registryPolicy.reach(actor, 'confirm'), 1);
  const oldest = pending.items[0]?.declaredAt;
  const item = todoItem(
    'record.confirm',
    { count: pending.total, oldest: oldest ? new Date(oldest) : null },
    now,
    '/programme/confirmations',
  );
  return item ? [item] : [];
}
