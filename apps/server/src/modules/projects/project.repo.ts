import type { ProjectListQuery } from '@suilian/contracts';
import { and, asc, count, desc, eq, exists, gte, inArray, like, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { escapeLike } from '../../db/like.js';
import type { OrgScope } from '../../platform/scope.js';
import { enterpriseProfile } from '../enterprises/enterprise.table.js';
import { organisation } from '../organisations/organisation.table.js';
import { PROJECT_READ_SCOPE } from './project.policy.js';
import { project, projectAttachment, projectEvent, projectScenario } from './project.table.js';

export type ProjectRow = typeof project.$inferSelect;
export type NewProjectRow = typeof project.$inferInsert;
export type ScenarioRow = typeof projectScenario.$inferSelect;
export type AttachmentRow = typeof projectAttachment.$inferSelect;
export type EventRow = typeof projectEvent.$inferSelect;
export interface ProjectWithNames {
  project: ProjectRow;
  enterpriseName: string;
  districtName: string;
  operatorName: string | null;
}

const enterprise = alias(organisation, 'enterprise');
const district = alias(organisation, 'district');
const operator = alias(organisation, 'operator');

const SORTABLE = {
  createdAt: project.createdAt,
  updatedAt: project.updatedAt,
  title: project.title,
  code: project.code,
  state: project.state,
  plannedStart: project.plannedStart,
} as const;

export function createProjectRepo(db: DbOrTx) {
  const base = () =>
    db
      .select({ project, enterpriseName: enterprise.name, districtName: district.name, operatorName: operator.name })
      .from(project)
      .innerJoin(enterprise, eq(enterprise.id, project.enterpriseId))
      .innerJoin(district, eq(district.id, project.districtId))
      .leftJoin(operator, eq(operator.id, project.operatorId));

  return {
    async nextCode(year: number): Promise<string> {
      const result = await db.execute<{ n: string }>(sql`SELECT nextval('project_code_seq')::text AS n`);
      const n = result.rows[0]?.n ?? '0';
      return `XM${year}${n.padStart(6, '0')}`;
    },

    async findById(id: string): Promise<ProjectWithNames | null> {
      const [row] = await base().where(eq(project.id, id));
      return row ?? null;
    },

    async findPage(scope: OrgScope, q: ProjectListQuery): Promise<{ items: ProjectWithNames[]; total: number }> {
      const where = and(scopeFilter(scope), ...filters(db, q));
      const key = (q.sort ?? '-createdAt').replace(/^-/, '') as keyof typeof SORTABLE;
      const column = SORTABLE[key] ?? project.createdAt;
      const descending = (q.sort ?? '-createdAt').startsWith('-');
      // A search without an explicit sort lists title matches first, newest first.
      const order =
        q.q && !q.sort
          ? [asc(sql`strpos(lower(${project.title}), ${q.q.toLowerCase()}) = 0`), desc(project.createdAt)]
          : [descending ? desc(column) : asc(column)];
      // The page and the count are independent: on the pool they run side by side.
      const [items, [total]] = await Promise.all([
        base()
          .where(where)
          .orderBy(...order, asc(project.id))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        db.select({ n: count() }).from(project).where(where),
      ]);
      return { items, total: total?.n ?? 0 };
    },

    async findOwners(ids: string[]): Promise<Array<{ id: string; enterpriseId: string; name: string }>> {
      if (ids.length === 0) return [];
      return db
        .select({ id: project.id, enterpriseId: project.enterpriseId, name: project.title })
        .from(project)
        .where(inArray(project.id, ids));
    },

    async findByFilingId(filingId: string): Promise<ProjectRow | null> {
      const [row] = await db.select().from(project).where(eq(project.filingId, filingId));
      return row ?? null;
    },

    async insert(row: NewProjectRow): Promise<ProjectRow> {
      const [created] = await db.insert(project).values(row).returning();
      if (!created) throw new Error('insert returned no row');
      return created;
    },

    async updateVersioned(id: string, version: number, patch: Partial<NewProjectRow>): Promise<ProjectRow | null> {
      const [row] = await db
        .update(project)
        .set({ ...patch, version: version + 1 })
        .where(and(eq(project.id, id), eq(project.version, version)))
        .returning();
      return row ?? null;
    },

    async findScenarios(projectIds: string[]): Promise<ScenarioRow[]> {
      if (projectIds.length === 0) return [];
      return db.select().from(projectScenario).where(inArray(projectScenario.projectId, projectIds)).orderBy(asc(projectScenario.position));
    },

    async replaceScenarios(projectId: string, rows: Omit<ScenarioRow, 'projectId' | 'position'>[]): Promise<void> {
      await db.delete(projectScenario).where(eq(projectScenario.projectId, projectId));
      if (rows.length > 0) await db.insert(projectScenario).values(rows.map((r, position) => ({ ...r, projectId, position })));
    },

    async findProjectsWithFile(fileId: string): Promise<string[]> {
      const rows = await db.select({ id: projectAttachment.projectId }).from(projectAttachment).where(eq(projectAttachment.fileId, fileId));
      return rows.map((r) => r.id);
    },

    async findAttachments(projectIds: string[]): Promise<AttachmentRow[]> {
      if (projectIds.length === 0) return [];
      return db.select().from(projectAttachment).where(inArray(projectAttachment.projectId, projectIds));
    },

    async replaceAttachments(projectId: string, rows: Array<Pick<AttachmentRow, 'fileId' | 'kind'>>): Promise<void> {
      await db.delete(projectAttachment).where(eq(projectAttachment.projectId, projectId));
      if (rows.length > 0) await db.insert(projectAttachment).values(rows.map((r) => ({ ...r, projectId })));
    },

    async insertEvent(row: typeof projectEvent.$inferInsert): Promise<void> {
      await db.insert(projectEvent).values(row);
    },

    async findEvents(projectId: string): Promise<EventRow[]> {
      return db.select().from(projectEvent).where(eq(projectEvent.projectId, projectId)).orderBy(asc(projectEvent.occurredAt));
    },

    /** Projects in scope that entered one of `states` in [from, to), each with its latest such entry. */
    async findReachedBetween(
      scope: OrgScope,
      states: EventRow['toState'][],
      from: Date,
      to: Date,
    ): Promise<Array<ProjectWithNames & { reachedState: EventRow['toState']; reachedAt: Date }>> {
      if (states.length === 0) return [];
      const events = await db
        .selectDistinctOn([projectEvent.projectId], {
          projectId: projectEvent.projectId,
          toState: projectEvent.toState,
          at: projectEvent.occurredAt,
        })
        .from(projectEvent)
        .where(and(inArray(projectEvent.toState, states), gte(projectEvent.occurredAt, from), lt(projectEvent.occurredAt, to)))
        .orderBy(projectEvent.projectId, desc(projectEvent.occurredAt));
      if (events.length === 0) return [];
      const byId = new Map(events.map((e) => [e.projectId, e]));
      const rows = await base().where(and(scopeFilter(scope), inArray(project.id, [...byId.keys()])));
      return rows.flatMap((r) => {
        const event = byId.get(r.project.id);
        return event ? [{ ...r, reachedState: event.toState, reachedAt: event.at }] : [];
      });
    },
  };
}

export type ProjectRepo = ReturnType<typeof createProjectRepo>;

/** The reach `projectPolicy.reach(actor, 'read')` gives, as SQL: an organisation reaches the projects it owns or operates. */
function scopeFilter(scope: OrgScope): SQL | undefined {
  if (scope.all) return undefined;
  if ('districtId' in scope) return eq(project.districtId, scope.districtId);
  return or(...PROJECT_READ_SCOPE.organisation.map((field) => eq(project[field], scope.orgId)));
}

function filters(db: DbOrTx, q: ProjectListQuery): SQL[] {
  const out: SQL[] = [];
  if (q.status) out.push(eq(project.state, q.status));
  if (q.districtId) out.push(eq(project.districtId, q.districtId));
  if (q.enterpriseId) out.push(eq(project.enterpriseId, q.enterpriseId));
  if (q.year)
    out.push(gte(project.createdAt, new Date(Date.UTC(q.year, 0, 1))), lt(project.createdAt, new Date(Date.UTC(q.year + 1, 0, 1))));
  if (q.scenario) {
    const uses = db
      .select({ one: sql`1` })
      .from(projectScenario)
      .where(and(eq(projectScenario.projectId, project.id), eq(projectScenario.scenarioCode, q.scenario)));
    out.push(exists(uses));
  }
  if (q.clusterCode) {
    const inCluster = db
      .select({ one: sql`1` })
      .from(enterpriseProfile)
      .where(and(eq(enterpriseProfile.orgId, project.enterpriseId), eq(enterpriseProfile.clusterCode, q.clusterCode)));
    out.push(exists(inCluster));
  }
  if (q.q) out.push(like(project.searchText, `%${escapeLike(q.q.toLowerCase())}%`));
  return out;
}
