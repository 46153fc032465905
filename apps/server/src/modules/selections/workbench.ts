import { todoItem, type WorkbenchItem } from '@suilian/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import { applicationPolicy, reviewerOf } from './application.policy.js';
import { createSelectionWorkbenchRepo } from './workbench.repo.js';

/**
 * The actor's selection to-dos (issue #12 item 1): an expert's assigned applications to score in
 * rounds under expert review; a district's applications to recommend in rounds under district
 * review. Organisers (city-wide reach) recommend nothing of their own here.
 */
export async function selectionTodos(db: DbOrTx, actor: Actor, now: Date): Promise<WorkbenchItem[]> {
  const repo = createSelectionWorkbenchRepo(db);
  const items: Array<WorkbenchItem | null> = [];
  const reviewer = reviewerOf(actor);
  if (reviewer) items.push(todoItem('selection.score', await repo.unscored(reviewer), now, '/programme/selections?stage=expert_review'));
  if (applicationPolicy.allows(actor, 'recommend')) {
    const reach = applicationPolicy.reach(actor, 'recommend');
    if (!reach.all && 'districtId' in reach) {
      items.push(
        todoItem('selection.recommend', await repo.unrecommended(reach.districtId), now, '/programme/selections?stage=district_review'),
      );
    }
  }
  return items.filter((i): i is WorkbenchItem => i !== null);
}
