import type { CreateEnterprise, Enterprise, EnterpriseListQuery, Honour, HonourInput, UpdateEnterprise } from '@suilian/contracts';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { confirmationAtEntry, toConfirmation } from '../../platform/confirmation/confirmation.js';
import { notFound } from '../../platform/errors.js';
import type { CodeListService } from '../codelists/index.js';
import type { OrganisationService } from '../organisations/index.js';
import { enterprisePolicy } from './enterprise.policy.js';
import { createEnterpriseRepo, type EnterpriseRow, type HonourRow, type ProfileRow } from './enterprise.repo.js';

export interface EnterpriseServiceDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
  organisations: Pick<OrganisationService, 'create' | 'updateFieldsInTx'>;
  codeLists: Pick<CodeListService, 'assertActive'>;
}

/** Enterprises as the programme sees them: organisation + profile + honours (issue #3 item 1). */
export function createEnterpriseService(deps: EnterpriseServiceDeps) {
  const repo = createEnterpriseRepo(deps.db);

  async function getVisible(actor: Actor, action: 'read' | 'write', id: string, db: DbOrTx = deps.db): Promise<EnterpriseRow> {
    enterprisePolicy.authorize(actor, action);
    const row = await createEnterpriseRepo(db).findById(id);
    if (!row) throw notFound('enterprise');
    enterprisePolicy.authorize(actor, action, row.org);
    return row;
  }

  /** Code-list values must be active, except a retired value the record already carries. */
  async function checkCodes(
    db: DbOrTx,
    input: Partial<Pick<ProfileRow, 'industryCode' | 'clusterCode' | 'sizeClass'>>,
    current?: ProfileRow | null,
  ) {
    if (input.industryCode) await deps.codeLists.assertActive('industry', input.industryCode, 'industryCode', current?.industryCode, db);
    if (input.clusterCode) await deps.codeLists.assertActive('cluster', input.clusterCode, 'clusterCode', current?.clusterCode, db);
    if (input.sizeClass) await deps.codeLists.assertActive('size_class', input.sizeClass, 'sizeClass', current?.sizeClass, db);
  }

  async function load(db: DbOrTx, id: string): Promise<Enterprise> {
    const r = createEnterpriseRepo(db);
    const row = await r.findById(id);
    if (!row) throw notFound('enterprise');
    return toEnterprise(row, await r.findHonours([id]));
  }

  return {
    async list(actor: Actor, query: EnterpriseListQuery) {
      const page = await repo.findPage(enterprisePolicy.reach(actor, 'read'), query);
      const honours = await repo.findHonours(page.items.map((i) => i.org.id));
      return {
        items: page.items.map((row) =>
          toEnterprise(
            row,
            honours.filter((h) => h.orgId === row.org.id),
          ),
        ),
        total: page.total,
      };
    },

    async get(actor: Actor, id: string): Promise<Enterprise> {
      await getVisible(actor, 'read', id);
      return load(deps.db, id);
    },

    async create(actor: Actor, input: CreateEnterprise): Promise<Enterprise> {
      // The organisation service decides whether the actor may register one (org:write, district).
      enterprisePolicy.authorize(actor, 'write');
      return deps.db.transaction(async (tx) => {
        await checkCodes(tx, input);
        const org = await deps.organisations.create(
          actor,
          {
            kind: 'enterprise',
            name: input.name,
            nameEn: input.nameEn ?? null,
            creditCode: input.creditCode,
            districtId: input.districtId,
            address: input.address ?? null,
          },
          tx,
        );
        await createEnterpriseRepo(tx).upsertProfile(profileOf(org.id, input, null));
        const result = await load(tx, org.id);
        await deps.audit.append(tx, actor, { action: 'enterprise.create', entityType: 'enterprise', entityId: org.id, after: result });
        return result;
      });
    },

    async update(actor: Actor, id: string, input: UpdateEnterprise): Promise<Enterprise> {
      return deps.db.transaction(async (tx) => {
        const current = await getVisible(actor, 'write', id, tx);
        await checkCodes(tx, input, current.profile);
        const before = await load(tx, id);
        const { version, name, nameEn, address } = input;
        // The organisation's version guards the whole enterprise record, profile included.
        await deps.organisations.updateFieldsInTx(tx, actor, id, version, { name, nameEn, address });
        await createEnterpriseRepo(tx).upsertProfile(profileOf(id, input, current.profile));
        const after = await load(tx, id);
        await deps.audit.append(tx, actor, { action: 'enterprise.update', entityType: 'enterprise', entityId: id, before, after });
        return after;
      });
    },

    async addHonour(actor: Actor, id: string, input: HonourInput): Promise<Honour> {
      return deps.db.transaction(async (tx) => {
        const enterprise = await getVisible(actor, 'write', id, tx);
        await deps.codeLists.assertActive('honour_type', input.honourType, 'honourType', undefined, tx);
        const now = deps.clock.now();
        const row = await createEnterpriseRepo(tx).insertHonour({
          orgId: id,
          ...honourFields(input),
          // Declared by the enterprise: counted toward T-ECO-1 once its district confirms (issue #12 item 5).
          ...confirmationAtEntry(actor, enterprisePolicy.can(actor, 'confirm', enterprise.org), now),
          createdAt: now,
        });
        const result = toHonour(row);
        await deps.audit.append(tx, actor, {
          action: 'enterprise.honour_add',
          entityType: 'enterprise_honour',
          entityId: row.id,
          after: result,
        });
        return result;
      });
    },

    async updateHonour(actor: Actor, id: string, honourId: string, input: HonourInput): Promise<Honour> {
      return deps.db.transaction(async (tx) => {
        const enterprise = await getVisible(actor, 'write', id, tx);
        const r = createEnterpriseRepo(tx);
        const current = await r.findHonour(honourId);
        if (!current || current.orgId !== id) throw notFound('honour');
        await deps.codeLists.assertActive('honour_type', input.honourType, 'honourType', current.honourType, tx);
        // An edit by someone who may not confirm declares the honour again (issue #12 item 5).
        const confirmation = enterprisePolicy.can(actor, 'confirm', enterprise.org)
          ? {}
          : confirmationAtEntry(actor, false, deps.clock.now());
        const row = await r.updateHonour(honourId, { ...honourFields(input), ...confirmation, version: current.version + 1 });
        if (!row) throw notFound('honour');
        const after = toHonour(row);
        await deps.audit.append(tx, actor, {
          action: 'enterprise.honour_update',
          entityType: 'enterprise_honour',
          entityId: honourId,
          before: toHonour(current),
          after,
        });
        return after;
      });
    },

    async removeHonour(actor: Actor, id: string, honourId: string): Promise<void> {
      await deps.db.transaction(async (tx) => {
        await getVisible(actor, 'write', id, tx);
        const r = createEnterpriseRepo(tx);
        const current = await r.findHonour(honourId);
        if (!current || current.orgId !== id) throw notFound('honour');
        await r.deleteHonour(honourId);
        await deps.audit.append(tx, actor, {
          action: 'enterprise.honour_remove',
          entityType: 'enterprise_honour',
          entityId: honourId,
          before: toHonour(current),
        });
      });
    },
  };
}

export type EnterpriseService = ReturnType<typeof createEnterpriseService>;

type ProfileInput = Partial<Omit<ProfileRow, 'orgId' | 'contacts'>> & { contacts?: ProfileRow['contacts'] };

/** Merges an input over the current profile: absent fields keep their value, null clears. */
function profileOf(orgId: string, input: ProfileInput, current: ProfileRow | null): ProfileRow {
  const pick = <K extends keyof ProfileRow>(key: K, fallback: ProfileRow[K]): ProfileRow[K] =>
    (input as Partial<ProfileRow>)[key] !== undefined
      ? ((input as Partial<ProfileRow>)[key] as ProfileRow[K])
      : (current?.[key] ?? fallback);
  return {
    orgId,
    industryCode: pick('industryCode', null),
    clusterCode: pick('clusterCode', null),
    sizeClass: pick('sizeClass', null),
    aboveScale: pick('aboveScale', false),
    mainProducts: pick('mainProducts', null),
    description: pick('description', null),
    contacts: pick('contacts', []),
  };
}

function honourFields(input: HonourInput) {
  return {
    honourType: input.honourType,
    level: input.level,
    batch: input.batch ?? null,
    year: input.year,
    certificateNo: input.certificateNo ?? null,
    productName: input.productName ?? null,
    validFrom: input.validFrom ?? null,
    validUntil: input.validUntil ?? null,
    reReviewYear: input.reReviewYear ?? null,
    reReviewResult: input.reReviewResult ?? null,
  };
}

function toHonour(row: HonourRow): Honour {
  return {
    id: row.id,
    enterpriseId: row.orgId,
    honourType: row.honourType,
    level: row.level,
    batch: row.batch,
    year: row.year,
    certificateNo: row.certificateNo,
    productName: row.productName,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    reReviewYear: row.reReviewYear,
    reReviewResult: row.reReviewResult,
    confirmation: toConfirmation(row),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

function toEnterprise(row: EnterpriseRow, honours: HonourRow[]): Enterprise {
  const { org, profile } = row;
  return {
    id: org.id,
    kind: org.kind,
    parentId: org.parentId,
    districtId: org.districtId,
    districtName: row.districtName,
    name: org.name,
    nameEn: org.nameEn,
    divisionCode: org.divisionCode,
    creditCode: org.creditCode,
    providerType: org.providerType,
    address: org.address,
    contactName: org.contactName,
    contactPhone: org.contactPhone,
    isDemo: org.isDemo,
    version: org.version,
    createdAt: org.createdAt.toISOString(),
    updatedAt: org.updatedAt.toISOString(),
    industryCode: profile?.industryCode ?? null,
    clusterCode: profile?.clusterCode ?? null,
    sizeClass: profile?.sizeClass ?? null,
    aboveScale: profile?.aboveScale ?? false,
    mainProducts: profile?.mainProducts ?? null,
    description: profile?.description ?? null,
    contacts: profile?.contacts ?? [],
    honours: honours.map(toHonour),
  };
}
