import type { ProjectState, TodoTally } from '@suilian/contracts';
import { and, count, eq, inArray, min, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { OrgScope } from '../../platform/scope.js';
import { projectPolicy } from './project.policy.js';
import { project, projectEvent } from './project.table.js';

/** The write reach as SQL: the district's projects, or those the organisation declares (operators only look on). */
function writeScopeFilter(scope: OrgScope): SQL | undefined {
  if (scope.all) return undefined;
  if ('districtId' in scope) return eq(project.districtId, scope.districtId);
  const fields = projectPolicy.rules.write.scope?.organisation ?? [];
  return or(...fields.map((field) => eq(project[field], scope.orgId)), sql`false`);
}

/** The 工作台's project queries (issue #12 item 1). */
export function createProjectWorkbenchRepo(db: DbOrTx) {
  return {
    /** Per state: how many projects in reach are in it, and since when the oldest has been (its latest entry into the state, else its last update). */
    async tallyByState(scope: OrgScope, states: readonly ProjectState[]): Promise<Map<ProjectState, TodoTally>> {
      if (states.length === 0) return new Map();
      const enteredState = sql<Date>`coalesce((SELECT max(${projectEvent.occurredAt}) FROM ${projectEvent} WHERE ${projectEvent.projectId} = ${project.id} AND ${projectEvent.toState} = ${project.state}), ${project.updatedAt})`;
      const rows = await db
        .select({ state: project.state, count: count(), oldest: min(enteredState) })
        .from(project)
        .where(and(writeScopeFilter(scope), inArray(project.state, [...states])))
        .groupBy(project.state);
      return new Map(rows.map((r) => [r.state, { count: r.count, oldest: r.oldest }]));
    },
  };
}
