import type {
  CreateProject,
  Project,
  ProjectEvent,
  ProjectListQuery,
  ProjectState,
  ProjectTransitionInput,
  UpdateProject,
} from '@suilian/contracts';
import { decideProjectTransition, projectActionsFor, projectEditMode, projectEditRefusal } from '@suilian/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { isUniqueViolation } from '../../db/like.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, fieldError, notFound, refusal, staleVersion } from '../../platform/errors.js';
import type { FileService } from '../../platform/files/file.service.js';
import { inScope } from '../../platform/scope.js';
import type { CodeListService } from '../codelists/index.js';
import type { NotificationService } from '../notifications/index.js';
import type { OrganisationService } from '../organisations/index.js';
import type { SanctionService } from '../sanctions/index.js';
import { projectStepNotices } from './project.notifications.js';
import { projectPolicy } from './project.policy.js';
import { createProjectRepo, type NewProjectRow, type ProjectRow, type ProjectWithNames } from './project.repo.js';
import { toEvent, toProject } from './project.view.js';

export interface ProjectServiceDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
  organisations: Pick<OrganisationService, 'findById'>;
  codeLists: Pick<CodeListService, 'activeCodes'>;
  files: Pick<FileService, 'requireAttachable' | 'describe'>;
  notifications: Pick<NotificationService, 'notify'>;
  sanctions: Pick<SanctionService, 'assertNotBarred'>;
}

/** Projects and their lifecycle (issue #3 item 2). */
export function createProjectService(deps: ProjectServiceDeps) {
  const repo = createProjectRepo(deps.db);

  async function getVisible(actor: Actor, action: 'read' | 'write', id: string, db: DbOrTx = deps.db): Promise<ProjectWithNames> {
    projectPolicy.authorize(actor, action);
    const row = await createProjectRepo(db).findById(id);
    if (!row) throw notFound('project');
    projectPolicy.authorize(actor, action, row.project);
    return row;
  }

  async function present(actor: Actor, rows: ProjectWithNames[], db: DbOrTx = deps.db): Promise<Project[]> {
    const r = createProjectRepo(db);
    const ids = rows.map((x) => x.project.id);
    // One after the other: `db` may be a transaction, whose single connection cannot take
    // concurrent queries (pg queues them today and refuses them from pg 9).
    const scenarios = await r.findScenarios(ids);
    const attachments = await r.findAttachments(ids);
    const names = await deps.codeLists.activeCodes('scenario', db);
    const files = await deps.files.describe(
      attachments.map((a) => a.fileId),
      db,
    );
    const scenarioNames = new Map([...names].map(([code, item]) => [code, item.nameZh]));
    return rows.map((row) =>
      toProject(
        row,
        scenarios.filter((s) => s.projectId === row.project.id),
        attachments.filter((a) => a.projectId === row.project.id),
        files,
        scenarioNames,
        projectPolicy.can(actor, 'write', row.project) ? projectActionsFor(row.project.state, actor.role) : [],
      ),
    );
  }

  /** Checks references and returns the row fields; `current` is the project being edited. */
  async function prepare(actor: Actor, tx: DbOrTx, input: CreateProject | UpdateProject, current: ProjectRow | null) {
    const fields: Partial<NewProjectRow> = {};
    for (const key of [
      'title',
      'description',
      'filingId',
      'networkMode',
      'investmentTotal',
      'investment5g',
      'plannedStart',
      'plannedEnd',
      'actualStart',
      'actualEnd',
      'operatorId',
    ] as const) {
      if (input[key] !== undefined) (fields as Record<string, unknown>)[key] = input[key];
    }
    if (input.districtId !== undefined) {
      const district = await deps.organisations.findById(input.districtId, tx);
      if (!district || district.kind !== 'district') throw fieldError('VALIDATION_FAILED', 'districtId', 'exists', 'must name a district');
      if (actor.scope === 'district' && district.id !== actor.districtId)
        throw fieldError('VALIDATION_FAILED', 'districtId', 'scope', 'projects you enter stay in your district');
      fields.districtId = district.id;
    }
    if (input.operatorId) {
      const op = await deps.organisations.findById(input.operatorId, tx);
      if (!op || op.kind !== 'provider')
        throw fieldError('VALIDATION_FAILED', 'operatorId', 'exists', 'must name a registered operator or service provider');
    }
    if (input.filingId) {
      const clash = await createProjectRepo(tx).findByFilingId(input.filingId);
      if (clash && clash.id !== current?.id) throw duplicateFiling();
    }
    const merged = { ...current, ...fields };
    for (const [start, end] of [
      ['plannedStart', 'plannedEnd'],
      ['actualStart', 'actualEnd'],
    ] as const) {
      const a = merged[start];
      const b = merged[end];
      if (a && b && b < a) throw fieldError('VALIDATION_FAILED', end, 'after_start', `${end} must not be before ${start}`);
    }
    if (merged.investmentTotal && merged.investment5g && Number(merged.investment5g) > Number(merged.investmentTotal))
      throw fieldError('VALIDATION_FAILED', 'investment5g', 'within_total', 'investment5g must not exceed investmentTotal');
    let scenarios: Array<{ scenarioCode: string | null; customName: string | null; category: 'auxiliary' | 'main_production' }> | undefined;
    if (input.scenarios) {
      const active = await deps.codeLists.activeCodes('scenario', tx);
      const known = new Set((await createProjectRepo(tx).findScenarios(current ? [current.id] : [])).map((s) => s.scenarioCode));
      scenarios = input.scenarios.map((s, i) => {
        if (s.code && !active.has(s.code) && !known.has(s.code))
          throw fieldError('VALIDATION_FAILED', `scenarios.${i}.code`, 'code_list', `${s.code} is not an active scenario`);
        return { scenarioCode: s.code, customName: s.code ? null : (s.customName ?? null), category: s.category };
      });
    }
    if (input.attachments) {
      // Files already on the project stay attachable by anyone who may edit it; new ones must be the actor's to give.
      const kept = new Set((await createProjectRepo(tx).findAttachments(current ? [current.id] : [])).map((a) => a.fileId));
      await deps.files.requireAttachable(
        actor,
        input.attachments.map((a) => a.fileId).filter((id) => !kept.has(id)),
        tx,
      );
    }
    return { fields, scenarios, attachments: input.attachments };
  }

  /**
   * A project is in its enterprise's district, whoever enters it (issue #11 item 5): the district
   * decides which district officer reviews it, so an enterprise must not choose another one. Only an
   * enterprise without a district on record takes the district given.
   */
  function assertEnterpriseDistrict(enterpriseDistrictId: string | null, requested: string | undefined) {
    if (requested === undefined || enterpriseDistrictId === null || requested === enterpriseDistrictId) return;
    throw refusal('FORBIDDEN', 'project.district_of_enterprise', "a project is in its enterprise's district", undefined, {
      field: 'districtId',
    });
  }

  /** The edit modes of contracts/rules/project-editing.ts: which fields are open in the project's state. */
  function assertMayEdit(actor: Actor, p: ProjectRow, input: UpdateProject) {
    const message = projectEditRefusal(p.state, actor.role, Object.keys(input));
    const refused = message ? { message, mode: projectEditMode(p.state, actor.role) } : null;
    if (refused)
      throw refusal('CONFLICT', refused.mode ? 'project.progress_only' : 'project.not_editable', refused.message, { state: p.state });
  }

  async function write(tx: DbOrTx, id: string, prepared: Awaited<ReturnType<typeof prepare>>) {
    const r = createProjectRepo(tx);
    if (prepared.scenarios) await r.replaceScenarios(id, prepared.scenarios);
    if (prepared.attachments) await r.replaceAttachments(id, prepared.attachments);
  }

  async function presentOne(actor: Actor, tx: DbOrTx, id: string): Promise<Project> {
    const row = await createProjectRepo(tx).findById(id);
    if (!row) throw notFound('project');
    const [project] = await present(actor, [row], tx);
    if (!project) throw notFound('project');
    return project;
  }

  return {
    async list(actor: Actor, query: ProjectListQuery) {
      const page = await repo.findPage(projectPolicy.reach(actor, 'read'), query);
      return { items: await present(actor, page.items), total: page.total };
    },

    async get(actor: Actor, id: string): Promise<Project> {
      return presentOne(actor, deps.db, (await getVisible(actor, 'read', id)).project.id);
    },

    /** For other modules: which enterprise each project belongs to (unknown ids are absent). */
    async ownersOf(ids: string[], db: DbOrTx = deps.db): Promise<Map<string, string>> {
      return new Map((await createProjectRepo(db).findOwners(ids)).map((r) => [r.id, r.enterpriseId]));
    },

    /** Whether a file is attached to a project the actor may see (a read rule for platform/files). */
    async canReadAttachment(actor: Actor, fileId: string): Promise<boolean> {
      if (!projectPolicy.allows(actor, 'read')) return false;
      for (const id of await repo.findProjectsWithFile(fileId)) {
        const row = await repo.findById(id);
        if (row && projectPolicy.can(actor, 'read', row.project)) return true;
      }
      return false;
    },

    /** For other modules: owner and title of each project (unknown ids are absent). */
    async summaries(ids: string[], db: DbOrTx = deps.db): Promise<Map<string, { enterpriseId: string; name: string }>> {
      return new Map((await createProjectRepo(db).findOwners(ids)).map((r) => [r.id, { enterpriseId: r.enterpriseId, name: r.name }]));
    },

    /** For reports: projects in the actor's scope that reached one of `states` in [from, to), latest first. */
    async reachedBetween(actor: Actor, input: { states: ProjectState[]; from: Date; to: Date }) {
      const rows = await repo.findReachedBetween(projectPolicy.reach(actor, 'read'), input.states, input.from, input.to);
      return rows
        .map((r) => ({
          id: r.project.id,
          code: r.project.code,
          title: r.project.title,
          enterpriseName: r.enterpriseName,
          districtId: r.project.districtId,
          districtName: r.districtName,
          state: r.project.state,
          reachedState: r.reachedState,
          reachedAt: r.reachedAt.toISOString(),
          investmentTotal: r.project.investmentTotal,
        }))
        .sort((a, b) => b.reachedAt.localeCompare(a.reachedAt) || a.code.localeCompare(b.code));
    },

    async events(actor: Actor, id: string): Promise<ProjectEvent[]> {
      await getVisible(actor, 'read', id);
      return (await repo.findEvents(id)).map(toEvent);
    },

    async create(actor: Actor, input: CreateProject): Promise<Project> {
      projectPolicy.authorize(actor, 'write');
      const enterpriseId = actor.role === 'enterprise_user' ? actor.orgId : input.enterpriseId;
      if (!enterpriseId) throw fieldError('VALIDATION_FAILED', 'enterpriseId', 'required', 'name the enterprise the project belongs to');
      if (actor.role === 'enterprise_user' && input.enterpriseId && input.enterpriseId !== actor.orgId)
        throw fieldError('VALIDATION_FAILED', 'enterpriseId', 'own', 'enterprise users declare projects for their own enterprise');
      return deps.db.transaction(async (tx) => {
        const enterprise = await deps.organisations.findById(enterpriseId, tx);
        if (!enterprise || enterprise.kind !== 'enterprise' || !inScope(actor, enterprise))
          throw fieldError('VALIDATION_FAILED', 'enterpriseId', 'exists', 'no such enterprise in your scope');
        assertEnterpriseDistrict(enterprise.districtId, input.districtId);
        const prepared = await prepare(actor, tx, { ...input, districtId: input.districtId ?? enterprise.districtId ?? undefined }, null);
        const now = deps.clock.now();
        const r = createProjectRepo(tx);
        const created = await r
          .insert({
            ...prepared.fields,
            title: input.title,
            enterpriseId,
            districtId: prepared.fields.districtId ?? '',
            code: await r.nextCode(now.getUTCFullYear()),
            state: 'draft',
            createdAt: now,
            updatedAt: now,
          })
          .catch(rethrowDuplicate);
        await write(tx, created.id, prepared);
        await r.insertEvent({
          projectId: created.id,
          action: 'create',
          fromState: null,
          toState: 'draft',
          comment: null,
          actorId: actor.userId,
          actorName: actor.displayName ?? actor.name,
          actorRole: actor.role,
          occurredAt: now,
        });
        const result = await presentOne(actor, tx, created.id);
        await deps.audit.append(tx, actor, { action: 'project.create', entityType: 'project', entityId: created.id, after: result });
        return result;
      });
    },

    async update(actor: Actor, id: string, input: UpdateProject): Promise<Project> {
      return deps.db.transaction(async (tx) => {
        const current = await getVisible(actor, 'write', id, tx);
        assertMayEdit(actor, current.project, input);
        if (input.districtId !== undefined)
          assertEnterpriseDistrict(
            (await deps.organisations.findById(current.project.enterpriseId, tx))?.districtId ?? null,
            input.districtId,
          );
        const before = await presentOne(actor, tx, id);
        const prepared = await prepare(actor, tx, input, current.project);
        const updated = await createProjectRepo(tx)
          .updateVersioned(id, input.version, { ...prepared.fields, updatedAt: deps.clock.now() })
          .catch(rethrowDuplicate);
        if (!updated) throw staleVersion('project');
        await write(tx, id, prepared);
        const after = await presentOne(actor, tx, id);
        await deps.audit.append(tx, actor, { action: 'project.update', entityType: 'project', entityId: id, before, after });
        return after;
      });
    },

    /** Moves a project through its lifecycle; the comment goes to the timeline and the audit log. */
    async transition(actor: Actor, id: string, input: ProjectTransitionInput): Promise<Project> {
      return deps.db.transaction(async (tx) => {
        const current = await getVisible(actor, 'write', id, tx);
        const p = current.project;
        const r = createProjectRepo(tx);
        const scenarios = await r.findScenarios([id]);
        const attachments = await r.findAttachments([id]);
        const decision = decideProjectTransition(p.state, input.action, actor.role, {
          comment: input.comment,
          date: input.date,
          scenarioCount: scenarios.length,
          hasAcceptanceReport: attachments.some((a) => a.kind === 'acceptance_report'),
        });
        if (!decision.ok)
          throw refusal(
            decision.rule === 'role' ? 'FORBIDDEN' : 'CONFLICT',
            TRANSITION_REASONS[decision.rule],
            decision.reason,
            { state: p.state, action: input.action },
            { rule: decision.rule, state: p.state, action: input.action },
          );
        // A sanctioned enterprise declares nothing while barred (取消资格, issue #16 item 2).
        if (input.action === 'submit') await deps.sanctions.assertNotBarred({ organisationId: p.enterpriseId }, tx);
        const patch: Partial<NewProjectRow> = { state: decision.to, updatedAt: deps.clock.now() };
        if (input.action === 'start_construction') patch.actualStart = input.date;
        if (input.action === 'complete') {
          if (p.actualStart && input.date && input.date < p.actualStart)
            throw fieldError('VALIDATION_FAILED', 'date', 'after_start', 'completion must not be before the construction start');
          patch.actualEnd = input.date;
        }
        const updated = await r.updateVersioned(id, input.version, patch);
        if (!updated) throw staleVersion('project');
        const comment = input.comment?.trim() || null;
        await r.insertEvent({
          projectId: id,
          action: input.action,
          fromState: p.state,
          toState: decision.to,
          comment,
          actorId: actor.userId,
          actorName: actor.displayName ?? actor.name,
          actorRole: actor.role,
          occurredAt: deps.clock.now(),
        });
        await deps.audit.append(tx, actor, {
          action: `project.${input.action}`,
          entityType: 'project',
          entityId: id,
          before: { state: p.state },
          after: { state: decision.to, comment, date: input.date ?? null },
        });
        // The people who act next hear of it in the same transaction (issue #12 item 2); the actor need not.
        const step = { project: p, enterpriseName: current.enterpriseName, districtName: current.districtName, comment };
        for (const notice of projectStepNotices({
          ...step,
          action: input.action,
          from: p.state,
          to: decision.to,
          actor: { name: actor.displayName ?? actor.name, role: actor.role },
          date: deps.clock.now().toISOString().slice(0, 10),
        }))
          await deps.notifications.notify(tx, notice.recipients, notice.message, { except: [actor.userId] });
        return presentOne(actor, tx, id);
      });
    },
  };
}

export type ProjectService = ReturnType<typeof createProjectService>;

/** The reason code (console wording) of each rule a refused project transition breaks. */
const TRANSITION_REASONS = {
  illegal: 'project.transition_illegal',
  role: 'project.transition_role',
  comment: 'project.transition_comment',
  scenarios: 'project.scenario_required',
  date: 'project.transition_date',
  acceptanceReport: 'project.acceptance_report_required',
} as const;

function duplicateFiling(): AppError {
  return new AppError('DUPLICATE', 'this national platform filing id is already used by another project', {
    issues: [{ field: 'filingId', rule: 'unique', message: 'already used by another project' }],
  });
}

function rethrowDuplicate(error: unknown): never {
  if (isUniqueViolation(error, 'project_filing_id_uq')) throw duplicateFiling();
  throw error;
}
