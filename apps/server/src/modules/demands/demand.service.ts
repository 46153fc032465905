import type { CreateDemand, Demand, DemandListQuery, UpdateDemand } from '@suilian/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { fieldError, notFound, refusal, staleVersion } from '../../platform/errors.js';
import type { FileService } from '../../platform/files/file.service.js';
import { inScope } from '../../platform/scope.js';
import type { CodeListService } from '../codelists/index.js';
import type { OrganisationService } from '../organisations/index.js';
import { demandPolicy } from './demand.policy.js';
import { createDemandRepo, type DemandWithNames } from './demand.repo.js';

export interface DemandServiceDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
  organisations: Pick<OrganisationService, 'findById'>;
  codeLists: Pick<CodeListService, 'activeCodes'>;
  files: Pick<FileService, 'requireAttachable' | 'describe'>;
}

/** Enterprises' demands (issue #15 item 3): posted by the enterprise or by its district on its behalf. */
export function createDemandService(deps: DemandServiceDeps) {
  const repo = createDemandRepo(deps.db);

  async function getVisible(actor: Actor, action: 'read' | 'write', id: string, db: DbOrTx = deps.db): Promise<DemandWithNames> {
    demandPolicy.authorize(actor, action);
    const row = await createDemandRepo(db).findDemand(id);
    if (!row) throw notFound('demand');
    demandPolicy.authorize(actor, action, row.demand);
    return row;
  }

  async function present(actor: Actor, rows: DemandWithNames[], db: DbOrTx = deps.db): Promise<Demand[]> {
    const r = createDemandRepo(db);
    const ids = rows.map((row) => row.demand.id);
    const attachments = await r.findAttachments(ids);
    const files = await deps.files.describe(
      attachments.map((a) => a.fileId),
      db,
    );
    const counts = await r.leadCounts(ids);
    const scenarios = await deps.codeLists.activeCodes('scenario', db);
    const industries = await deps.codeLists.activeCodes('industry', db);
    return rows.map(({ demand: d, enterpriseName, districtName }) => ({
      id: d.id,
      enterpriseId: d.enterpriseId,
      enterpriseName,
      districtId: d.districtId,
      districtName,
      title: d.title,
      problem: d.problem,
      scenarios: d.scenarios.map((code) => ({ code, name: scenarios.get(code)?.nameZh ?? code })),
      industry: d.industry ? { code: d.industry, name: industries.get(d.industry)?.nameZh ?? d.industry } : null,
      budgetBand: d.budgetBand,
      timelineWeeks: d.timelineWeeks,
      state: d.state,
      postedByDistrict: d.postedByDistrict,
      attachments: attachments
        .filter((a) => a.demandId === d.id)
        .flatMap((a) => {
          const f = files.get(a.fileId);
          return f ? [{ fileId: a.fileId, name: f.name, mediaType: f.mediaType, size: f.size }] : [];
        }),
      leadCount: counts.get(d.id) ?? 0,
      editable: demandPolicy.can(actor, 'write', d),
      version: d.version,
      createdAt: d.createdAt.toISOString(),
      updatedAt: d.updatedAt.toISOString(),
    }));
  }

  async function presentOne(actor: Actor, id: string, db: DbOrTx): Promise<Demand> {
    const row = await createDemandRepo(db).findDemand(id);
    const [result] = row ? await present(actor, [row], db) : [];
    if (!result) throw notFound('demand');
    return result;
  }

  /** Codes from the code lists and files the actor may give (kept ones stay valid). */
  async function check(actor: Actor, tx: DbOrTx, input: CreateDemand | UpdateDemand, current?: DemandWithNames) {
    if (input.scenarios) {
      const active = await deps.codeLists.activeCodes('scenario', tx);
      input.scenarios.forEach((code, i) => {
        if (!active.has(code) && !current?.demand.scenarios.includes(code))
          throw fieldError('VALIDATION_FAILED', `scenarios.${i}`, 'code_list', `${code} is not an active scenario`);
      });
    }
    if (
      input.industry &&
      input.industry !== current?.demand.industry &&
      !(await deps.codeLists.activeCodes('industry', tx)).has(input.industry)
    )
      throw fieldError('VALIDATION_FAILED', 'industry', 'code_list', `${input.industry} is not an active industry code`);
    if (input.attachments) {
      const kept = new Set((await createDemandRepo(tx).findAttachments(current ? [current.demand.id] : [])).map((a) => a.fileId));
      await deps.files.requireAttachable(
        actor,
        input.attachments.map((a) => a.fileId).filter((id) => !kept.has(id)),
        tx,
      );
    }
  }

  return {
    getVisible,

    async list(actor: Actor, query: DemandListQuery) {
      const page = await repo.findDemandPage(demandPolicy.reach(actor, 'read'), query);
      return { items: await present(actor, page.items), total: page.total };
    },

    async get(actor: Actor, id: string): Promise<Demand> {
      await getVisible(actor, 'read', id);
      return presentOne(actor, id, deps.db);
    },

    async create(actor: Actor, input: CreateDemand): Promise<Demand> {
      demandPolicy.authorize(actor, 'write');
      const enterpriseId = actor.role === 'enterprise_user' ? actor.orgId : input.enterpriseId;
      if (!enterpriseId) throw fieldError('VALIDATION_FAILED', 'enterpriseId', 'required', 'name the enterprise the demand is for');
      return deps.db.transaction(async (tx) => {
        const enterprise = await deps.organisations.findById(enterpriseId, tx);
        if (!enterprise || enterprise.kind !== 'enterprise' || !enterprise.districtId || !inScope(actor, enterprise))
          throw fieldError('VALIDATION_FAILED', 'enterpriseId', 'exists', 'no such enterprise in your scope');
        await check(actor, tx, input);
        const now = deps.clock.now();
        const created = await createDemandRepo(tx).insertDemand({
          enterpriseId,
          districtId: enterprise.districtId,
          title: input.title,
          problem: input.problem,
          scenarios: [...new Set(input.scenarios ?? [])],
          industry: input.industry ?? null,
          budgetBand: input.budgetBand ?? null,
          timelineWeeks: input.timelineWeeks ?? null,
          // 企业转型需求挖掘: a district officer (or the city) posts it after visiting the enterprise.
          postedByDistrict: actor.role !== 'enterprise_user',
          createdAt: now,
          updatedAt: now,
        });
        if (input.attachments)
          await createDemandRepo(tx).replaceAttachments(created.id, [...new Set(input.attachments.map((a) => a.fileId))]);
        const result = await presentOne(actor, created.id, tx);
        await deps.audit.append(tx, actor, { action: 'demand.create', entityType: 'demand', entityId: created.id, after: result });
        return result;
      });
    },

    async update(actor: Actor, id: string, input: UpdateDemand): Promise<Demand> {
      return deps.db.transaction(async (tx) => {
        const current = await getVisible(actor, 'write', id, tx);
        const { version, attachments, scenarios, ...fields } = input;
        const reopening = current.demand.state === 'closed' && input.state === 'open';
        if (current.demand.state === 'closed' && !reopening)
          throw refusal('CONFLICT', 'demand.not_editable', 'a closed demand is not edited; reopen it first');
        await check(actor, tx, input, current);
        const before = await presentOne(actor, id, tx);
        const updated = await createDemandRepo(tx).updateDemand(id, version, {
          ...fields,
          ...(scenarios ? { scenarios: [...new Set(scenarios)] } : {}),
          updatedAt: deps.clock.now(),
        });
        if (!updated) throw staleVersion('demand');
        if (attachments) await createDemandRepo(tx).replaceAttachments(id, [...new Set(attachments.map((a) => a.fileId))]);
        const after = await presentOne(actor, id, tx);
        await deps.audit.append(tx, actor, { action: 'demand.update', entityType: 'demand', entityId: id, before, after });
        return after;
      });
    },

    /** File read rule: a file attached to a demand the actor may read. */
    async canReadAttachment(actor: Actor, fileId: string): Promise<boolean> {
      if (!demandPolicy.allows(actor, 'read')) return false;
      return (await repo.demandsWithFile(fileId)).some((d) => demandPolicy.can(actor, 'read', d));
    },
  };
}

export type DemandService = ReturnType<typeof createDemandService>;
