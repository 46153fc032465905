import {
  type CreateFactory,
  FACTORY_SCENARIO_THRESHOLD,
  type Factory,
  type FactoryListQuery,
  type UpdateFactory,
} from '@suilian/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { confirmationAtEntry, toConfirmation } from '../../platform/confirmation/confirmation.js';
import { fieldError, notFound, staleVersion } from '../../platform/errors.js';
import { inScope } from '../../platform/scope.js';
import type { CodeListService } from '../codelists/index.js';
import type { OrganisationService } from '../organisations/index.js';
import type { ProjectService } from '../projects/index.js';
import { factoryPolicy } from './factory.policy.js';
import { createFactoryRepo, type FactoryScenarioRow, type FactoryWithNames } from './factory.repo.js';

export interface FactoryServiceDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
  organisations: Pick<OrganisationService, 'findById'>;
  codeLists: Pick<CodeListService, 'activeCodes'>;
  projects: Pick<ProjectService, 'ownersOf'>;
}

/** 5G factories and their live scenarios (issue #3 item 3; T-APP-1 counts those with ≥ 10 live). */
export function createFactoryService(deps: FactoryServiceDeps) {
  const repo = createFactoryRepo(deps.db);
  const today = () => deps.clock.now().toISOString().slice(0, 10);

  async function getVisible(actor: Actor, action: 'read' | 'write', id: string, db: DbOrTx = deps.db): Promise<FactoryWithNames> {
    factoryPolicy.authorize(actor, action);
    const row = await createFactoryRepo(db).findById(id);
    if (!row) throw notFound('factory');
    factoryPolicy.authorize(actor, action, row.factory);
    return row;
  }

  async function present(rows: FactoryWithNames[], db: DbOrTx = deps.db): Promise<Factory[]> {
    const r = createFactoryRepo(db);
    const ids = rows.map((x) => x.factory.id);
    // Sequential: `db` may be a transaction's single connection (no concurrent queries there).
    const scenarios = await r.findScenarios(ids);
    const links = await r.findProjectLinks(ids);
    const names = await deps.codeLists.activeCodes('scenario', db);
    return rows.map((row) =>
      toFactory(
        row,
        scenarios.filter((s) => s.factoryId === row.factory.id),
        links.filter((l) => l.factoryId === row.factory.id).map((l) => l.projectId),
        names,
        today(),
      ),
    );
  }

  async function prepare(
    actor: Actor,
    tx: DbOrTx,
    enterpriseId: string,
    input: CreateFactory | UpdateFactory,
    existing: FactoryScenarioRow[],
  ) {
    let scenarios: Array<Omit<FactoryScenarioRow, 'factoryId' | 'position'>> | undefined;
    if (input.scenarios) {
      const active = await deps.codeLists.activeCodes('scenario', tx);
      const known = new Set(existing.map((s) => s.scenarioCode));
      scenarios = input.scenarios.map((s, i) => {
        if (s.code && !active.has(s.code) && !known.has(s.code))
          throw fieldError('VALIDATION_FAILED', `scenarios.${i}.code`, 'code_list', `${s.code} is not an active scenario`);
        return {
          scenarioCode: s.code,
          customName: s.code ? null : (s.customName ?? null),
          category: s.category,
          goLiveDate: s.goLiveDate ?? null,
        };
      });
    }
    if (input.projectIds) {
      const owners = await deps.projects.ownersOf(input.projectIds, tx);
      input.projectIds.forEach((id, i) => {
        if (owners.get(id) !== enterpriseId)
          throw fieldError('VALIDATION_FAILED', `projectIds.${i}`, 'same_enterprise', 'link only projects of the same enterprise');
      });
    }
    if (input.districtId) {
      const district = await deps.organisations.findById(input.districtId, tx);
      if (!district || district.kind !== 'district' || !inScope(actor, district))
        throw fieldError('VALIDATION_FAILED', 'districtId', 'exists', 'no such district in your scope');
    }
    return { scenarios, projectIds: input.projectIds };
  }

  async function write(tx: DbOrTx, id: string, prepared: Awaited<ReturnType<typeof prepare>>) {
    const r = createFactoryRepo(tx);
    if (prepared.scenarios) await r.replaceScenarios(id, prepared.scenarios);
    if (prepared.projectIds) await r.replaceProjectLinks(id, [...new Set(prepared.projectIds)]);
  }

  async function presentOne(tx: DbOrTx, id: string): Promise<Factory> {
    const row = await createFactoryRepo(tx).findById(id);
    if (!row) throw notFound('factory');
    const [result] = await present([row], tx);
    if (!result) throw notFound('factory');
    return result;
  }

  return {
    async list(actor: Actor, query: FactoryListQuery) {
      const page = await repo.findPage(factoryPolicy.reach(actor, 'read'), query, today());
      return { items: await present(page.items), total: page.total };
    },

    /** For other modules: owner and name of each factory (unknown ids are absent). */
    async summaries(ids: string[], db: DbOrTx = deps.db): Promise<Map<string, { enterpriseId: string; name: string }>> {
      return new Map((await createFactoryRepo(db).findOwners(ids)).map((r) => [r.id, { enterpriseId: r.enterpriseId, name: r.name }]));
    },

    async get(actor: Actor, id: string): Promise<Factory> {
      await getVisible(actor, 'read', id);
      return presentOne(deps.db, id);
    },

    async create(actor: Actor, input: CreateFactory): Promise<Factory> {
      factoryPolicy.authorize(actor, 'write');
      const enterpriseId = actor.role === 'enterprise_user' ? actor.orgId : input.enterpriseId;
      if (!enterpriseId) throw fieldError('VALIDATION_FAILED', 'enterpriseId', 'required', 'name the enterprise that runs the factory');
      return deps.db.transaction(async (tx) => {
        const enterprise = await deps.organisations.findById(enterpriseId, tx);
        if (!enterprise || enterprise.kind !== 'enterprise' || !inScope(actor, enterprise))
          throw fieldError('VALIDATION_FAILED', 'enterpriseId', 'exists', 'no such enterprise in your scope');
        const prepared = await prepare(actor, tx, enterpriseId, input, []);
        const now = deps.clock.now();
        const districtId = input.districtId ?? enterprise.districtId ?? '';
        const created = await createFactoryRepo(tx).insert({
          enterpriseId,
          districtId,
          // Declared by the enterprise: counted once its district confirms (issue #12 item 5).
          ...confirmationAtEntry(actor, factoryPolicy.can(actor, 'confirm', { enterpriseId, districtId }), now),
          name: input.name,
          address: input.address ?? null,
          level: input.level,
          nationalListYear: input.nationalListYear ?? null,
          starRating: input.starRating ?? null,
          createdAt: now,
          updatedAt: now,
        });
        await write(tx, created.id, prepared);
        const result = await presentOne(tx, created.id);
        await deps.audit.append(tx, actor, { action: 'factory.create', entityType: 'factory', entityId: created.id, after: result });
        return result;
      });
    },

    async update(actor: Actor, id: string, input: UpdateFactory): Promise<Factory> {
      return deps.db.transaction(async (tx) => {
        const current = await getVisible(actor, 'write', id, tx);
        const before = await presentOne(tx, id);
        const existing = await createFactoryRepo(tx).findScenarios([id]);
        const prepared = await prepare(actor, tx, current.factory.enterpriseId, input, existing);
        const { version, scenarios: _s, projectIds: _p, ...fields } = input;
        // An edit by someone who may not confirm declares the factory again (issue #12 item 5).
        const confirmation = factoryPolicy.can(actor, 'confirm', current.factory)
          ? {}
          : confirmationAtEntry(actor, false, deps.clock.now());
        const updated = await createFactoryRepo(tx).updateVersioned(id, version, {
          ...fields,
          ...confirmation,
          updatedAt: deps.clock.now(),
        });
        if (!updated) throw staleVersion('factory');
        await write(tx, id, prepared);
        const after = await presentOne(tx, id);
        await deps.audit.append(tx, actor, { action: 'factory.update', entityType: 'factory', entityId: id, before, after });
        return after;
      });
    },
  };
}

export type FactoryService = ReturnType<typeof createFactoryService>;

function toFactory(
  row: FactoryWithNames,
  scenarios: FactoryScenarioRow[],
  projectIds: string[],
  names: Map<string, { nameZh: string }>,
  today: string,
): Factory {
  const f = row.factory;
  const live = scenarios.filter((s) => s.goLiveDate !== null && s.goLiveDate <= today).length;
  return {
    id: f.id,
    enterpriseId: f.enterpriseId,
    enterpriseName: row.enterpriseName,
    districtId: f.districtId,
    districtName: row.districtName,
    name: f.name,
    address: f.address,
    level: f.level,
    nationalListYear: f.nationalListYear,
    starRating: f.starRating,
    scenarios: scenarios.map((s) => ({
      code: s.scenarioCode,
      customName: s.customName,
      name: s.customName ?? names.get(s.scenarioCode ?? '')?.nameZh ?? s.scenarioCode ?? '',
      category: s.category,
      goLiveDate: s.goLiveDate,
    })),
    liveScenarioCount: live,
    countsTowardTarget: live >= FACTORY_SCENARIO_THRESHOLD,
    projectIds,
    confirmation: toConfirmation(f),
    version: f.version,
    createdAt: f.createdAt.toISOString(),
    updatedAt: f.updatedAt.toISOString(),
  };
}
