import { todoItem, type WorkbenchItem } from '@suilian/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import { chinaDate } from '../../platform/clock.js';
import { fundApplicationPolicy } from './fund.policy.js';
import { createFundRepo } from './fund.repo.js';

/**
 * Special funds' to-dos (issue #16 item 1, issue #12 item 1): the enterprise's returned
 * applications, the district's submissions to review, and the city's reviews, decisions after 公示
 * and awards still to pay. Each person sees only the step that is theirs (the same table the
 * refusals use: enterprises apply, districts review, the city manages).
 */
export async function fundTodos(db: DbOrTx, actor: Actor, now: Date): Promise<WorkbenchItem[]> {
  if (!fundApplicationPolicy.allows(actor, 'read')) return [];
  const repo = createFundRepo(db);
  const items: Array<WorkbenchItem | null> = [];
  const link = (state: string) => `/funds/applications?state=${state}`;
  if (actor.scope === 'organisation' && fundApplicationPolicy.allows(actor, 'apply')) {
    const scope = fundApplicationPolicy.reach(actor, 'apply');
    items.push(todoItem('fund.returned', await repo.tallyWaiting(scope, 'returned'), now, link('returned')));
  }
  if (actor.scope === 'district' && fundApplicationPolicy.allows(actor, 'review')) {
    const scope = fundApplicationPolicy.reach(actor, 'review');
    items.push(todoItem('fund.district_review', await repo.tallyWaiting(scope, 'submitted'), now, link('submitted')));
  }
  if (fundApplicationPolicy.allows(actor, 'manage')) {
    const scope = fundApplicationPolicy.reach(actor, 'manage');
    // Decisions open the day after 公示 ends, by the programme's calendar (China time).
    const today = chinaDate(now);
    items.push(
      todoItem('fund.city_review', await repo.tallyWaiting(scope, 'city_review'), now, link('city_review')),
      todoItem('fund.decide', await repo.tallyWaiting(scope, 'publicity', today), now, link('publicity')),
      todoItem('fund.disburse', await repo.tallyWaiting(scope, 'awarded'), now, link('awarded')),
    );
  }
  return items.filter((i): i is WorkbenchItem => i !== null);
}
