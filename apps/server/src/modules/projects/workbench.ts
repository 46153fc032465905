import {
  PROJECT_TRANSITIONS,
  type ProjectAction,
  type ProjectState,
  todoItem,
  type WorkbenchItem,
  type WorkbenchKind,
} from '@suilian/contracts';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import { projectPolicy } from './project.policy.js';
import { createProjectWorkbenchRepo } from './workbench.repo.js';

/** Which projects wait for whom: the state, the transition that takes them on, and the to-do it is. */
const WAITING: ReadonlyArray<{ state: ProjectState; action: ProjectAction; kind: WorkbenchKind }> = [
  { state: 'draft', action: 'submit', kind: 'project.draft' },
  { state: 'returned', action: 'submit', kind: 'project.returned' },
  { state: 'submitted', action: 'forward', kind: 'project.pre_review' },
  { state: 'city_review', action: 'approve', kind: 'project.city_review' },
  { state: 'built', action: 'accept', kind: 'project.acceptance' },
];

/**
 * The actor's project to-dos (issue #12 item 1): the projects in their write reach waiting for a
 * transition their role takes — an enterprise's drafts and returned declarations, the district's
 * pre-review, the city's review and acceptance. Roles that cannot change projects have none.
 */
export async function projectTodos(db: DbOrTx, actor: Actor, now: Date): Promise<WorkbenchItem[]> {
  if (!projectPolicy.allows(actor, 'write')) return [];
  const mine = WAITING.filter((w) =>
    PROJECT_TRANSITIONS.some((t) => t.action === w.action && t.from.includes(w.state) && t.roles.includes(actor.role)),
  );
  if (mine.length === 0) return [];
  const tallies = await createProjectWorkbenchRepo(db).tallyByState(
    projectPolicy.reach(actor, 'write'),
    mine.map((w) => w.state),
  );
  return mine.flatMap((w) => {
    const item = todoItem(w.kind, tallies.get(w.state) ?? { count: 0, oldest: null }, now, `/programme/projects?status=${w.state}`);
    return item ? [item] : [];
  });
}
