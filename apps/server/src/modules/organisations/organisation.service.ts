import { randomUUID } from 'node:crypto';
import {
  CREDIT_CODE_RULE,
  type CreateOrganisation,
  ORG_KINDS_WRITABLE_BY_SCOPE,
  type Organisation,
  type OrganisationListQuery,
  type OrganisationNode,
  type ProviderEntry,
  type UpdateOrganisation,
} from '@suilian/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import { isUniqueViolation } from '../../db/like.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, fieldError, notFound, refusal, staleVersion } from '../../platform/errors.js';
import { organisationPolicy } from './organisation.policy.js';
import { createOrganisationRepo, type NewOrganisationRow, type OrganisationRow } from './organisation.repo.js';

export interface OrganisationServiceDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
}

/** The organisation tree: reading within scope, creating and editing with audit. */
export function createOrganisationService(deps: OrganisationServiceDeps) {
  const repo = createOrganisationRepo(deps.db);

  /** Loads an organisation for `action`; out-of-scope ones answer exactly like missing ones (no existence leak). */
  async function load(actor: Actor, action: 'read' | 'write', id: string, db: DbOrTx = deps.db): Promise<OrganisationRow> {
    organisationPolicy.authorize(actor, action);
    const row = await createOrganisationRepo(db).findById(id);
    if (!row) throw notFound('organisation');
    organisationPolicy.authorize(actor, action, row);
    return row;
  }

  /** Which kinds a scope manages (a district officer: enterprises and providers of its district). */
  function assertWritableKind(actor: Actor, kind: OrganisationRow['kind']) {
    if (!ORG_KINDS_WRITABLE_BY_SCOPE[actor.scope].includes(kind))
      throw refusal('FORBIDDEN', 'organisation.kind_not_managed', `your role may not manage ${kind} organisations`, { kind });
  }

  async function assertUnique(db: DbOrTx, creditCode: string | undefined, divisionCode: string | undefined, selfId?: string) {
    const r = createOrganisationRepo(db);
    if (creditCode) {
      const clash = await r.findByCreditCode(creditCode);
      if (clash && clash.id !== selfId) throw duplicateCreditCode(creditCode);
    }
    if (divisionCode) {
      const clash = await r.findByDivisionCode(divisionCode);
      if (clash && clash.id !== selfId)
        throw new AppError('DUPLICATE', `divisionCode ${divisionCode} is already used`, {
          issues: [{ field: 'divisionCode', rule: 'unique', message: 'already used by another district' }],
        });
    }
  }

  return {
    async list(actor: Actor, query: OrganisationListQuery) {
      const page = await repo.findPage(organisationPolicy.reach(actor, 'read'), query);
      return { items: page.items.map(toOrganisation), total: page.total };
    },

    /** Operators and service providers, for anyone who declares or reviews projects (they pick an operator). */
    async providers(actor: Actor): Promise<ProviderEntry[]> {
      organisationPolicy.authorize(actor, 'listProviders');
      return repo.findProviders();
    },

    async get(actor: Actor, id: string): Promise<Organisation> {
      return toOrganisation(await load(actor, 'read', id));
    },

    /** The visible part of the tree; an organisation whose parent is not visible becomes a root. */
    async tree(actor: Actor): Promise<OrganisationNode[]> {
      const rows = await repo.findAllInScope(organisationPolicy.reach(actor, 'read'));
      const nodes = new Map<string, OrganisationNode>(rows.map((r) => [r.id, { ...toOrganisation(r), children: [] }]));
      const roots: OrganisationNode[] = [];
      for (const node of nodes.values()) {
        const parent = node.parentId ? nodes.get(node.parentId) : undefined;
        if (parent) parent.children.push(node);
        else roots.push(node);
      }
      return roots;
    },

    /** Creates an organisation; pass `outer` to make it part of a caller's transaction (a savepoint). */
    async create(actor: Actor, input: CreateOrganisation, outer?: DbOrTx): Promise<Organisation> {
      organisationPolicy.authorize(actor, 'write');
      return (outer ?? deps.db).transaction(async (tx) => {
        const r = createOrganisationRepo(tx);
        const city = await r.findCity();
        if (!city) throw refusal('CONFLICT', 'organisation.city_missing', 'the city organisation is missing; load reference data first');
        // The parent district is looked up within the actor's reach, so a district officer's new
        // enterprise or provider lies in its own district.
        const row = await buildNewOrganisation(input, city, (districtId) => load(actor, 'write', districtId, tx));
        assertWritableKind(actor, row.kind);
        await assertUnique(tx, row.creditCode ?? undefined, row.divisionCode ?? undefined);
        const created = await insertOrDuplicate(() => r.insert({ ...row, createdAt: deps.clock.now(), updatedAt: deps.clock.now() }));
        const result = toOrganisation(created);
        await deps.audit.append(tx, actor, {
          action: 'organisation.create',
          entityType: 'organisation',
          entityId: result.id,
          after: result,
        });
        return result;
      });
    },

    async update(actor: Actor, id: string, input: UpdateOrganisation): Promise<Organisation> {
      return deps.db.transaction(async (tx) => {
        const current = await load(actor, 'write', id, tx);
        assertWritableKind(actor, current.kind);
        const { version, ...patch } = input;
        if (patch.creditCode !== undefined && current.kind !== 'enterprise' && current.kind !== 'provider')
          throw fieldError('VALIDATION_FAILED', 'creditCode', 'not_applicable', `a ${current.kind} has no credit code`);
        if (patch.providerType !== undefined && current.kind !== 'provider')
          throw fieldError('VALIDATION_FAILED', 'providerType', 'not_applicable', 'only providers have a provider type');
        await assertUnique(tx, patch.creditCode, undefined, id);
        const updated = await insertOrDuplicate(() =>
          createOrganisationRepo(tx).updateVersioned(id, version, { ...patch, updatedAt: deps.clock.now() }),
        );
        if (!updated) throw staleVersion('organisation');
        const before = toOrganisation(current);
        const after = toOrganisation(updated);
        await deps.audit.append(tx, actor, { action: 'organisation.update', entityType: 'organisation', entityId: id, before, after });
        return after;
      });
    },

    /**
     * For modules that own an aggregate around an organisation (enterprises): a versioned update of
     * the organisation's own fields inside the caller's transaction. The caller has checked the rules.
     */
    async updateFieldsInTx(
      tx: DbOrTx,
      actor: Actor,
      id: string,
      version: number,
      patch: Pick<UpdateOrganisation, 'name' | 'nameEn' | 'address'>,
    ): Promise<{ before: Organisation; after: Organisation }> {
      const current = await load(actor, 'read', id, tx);
      const updated = await createOrganisationRepo(tx).updateVersioned(id, version, { ...patch, updatedAt: deps.clock.now() });
      if (!updated) throw staleVersion(current.kind);
      return { before: toOrganisation(current), after: toOrganisation(updated) };
    },

    /** Internal lookup for other modules (no scope check: callers check their own rules). */
    async findById(id: string, db: DbOrTx = deps.db): Promise<Organisation | null> {
      const row = await createOrganisationRepo(db).findById(id);
      return row ? toOrganisation(row) : null;
    },
  };
}

export type OrganisationService = ReturnType<typeof createOrganisationService>;

async function buildNewOrganisation(
  input: CreateOrganisation,
  city: OrganisationRow,
  districtInReach: (id: string) => Promise<OrganisationRow>,
): Promise<NewOrganisationRow> {
  const common = {
    kind: input.kind,
    name: input.name,
    nameEn: input.nameEn ?? null,
    address: input.address ?? null,
    contactName: input.contactName ?? null,
    contactPhone: input.contactPhone ?? null,
  };
  switch (input.kind) {
    case 'district':
      if (!input.divisionCode)
        throw fieldError('INVALID_DIVISION_CODE', 'divisionCode', 'required', 'a district needs its GB/T 2260 division code');
      {
        // A district is its own district, so scope filters on district_id cover it too.
        const id = randomUUID();
        return { ...common, id, parentId: city.id, districtId: id, divisionCode: input.divisionCode };
      }
    // Banks (their Guangzhou branches) answer financing requests from every district: they sit under the city.
    case 'expert_pool':
    case 'bank':
      return { ...common, parentId: city.id, districtId: null };
    case 'enterprise':
    case 'provider': {
      if (!input.districtId) throw fieldError('VALIDATION_FAILED', 'districtId', 'required', `an ${input.kind} belongs to a district`);
      const district = await districtInReach(input.districtId).catch(() => {
        throw fieldError('VALIDATION_FAILED', 'districtId', 'exists', 'no such district in your scope');
      });
      if (district.kind !== 'district') throw fieldError('VALIDATION_FAILED', 'districtId', 'kind', 'must name a district');
      if (!input.creditCode) throw fieldError('INVALID_CREDIT_CODE', 'creditCode', 'required', CREDIT_CODE_RULE);
      if (input.kind === 'provider' && !input.providerType)
        throw fieldError('VALIDATION_FAILED', 'providerType', 'required', 'operator or service_provider');
      return {
        ...common,
        parentId: district.id,
        districtId: district.id,
        creditCode: input.creditCode,
        providerType: input.kind === 'provider' ? (input.providerType ?? null) : null,
      };
    }
  }
}

function duplicateCreditCode(code: string): AppError {
  return new AppError('DUPLICATE', `creditCode ${code} is already registered`, {
    issues: [{ field: 'creditCode', rule: 'unique', message: 'this credit code is already registered' }],
  });
}

/** The pre-check can lose a race with a concurrent insert; the unique index has the last word. */
async function insertOrDuplicate<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, 'organisation_credit_code_uq')) throw duplicateCreditCode('');
    if (isUniqueViolation(error)) throw new AppError('DUPLICATE', 'a unique value is already used');
    throw error;
  }
}

export function toOrganisation(row: OrganisationRow): Organisation {
  return {
    id: row.id,
    kind: row.kind,
    parentId: row.parentId,
    districtId: row.districtId,
    name: row.name,
    nameEn: row.nameEn,
    divisionCode: row.divisionCode,
    creditCode: row.creditCode,
    providerType: row.providerType,
    address: row.address,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    isDemo: row.isDemo,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
