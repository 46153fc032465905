import type { Asset, AssetInput, AssetListQuery, UpdateAsset } from '@suilian/contracts';
import type { Db } from '../../../db/client.js';
import type { Actor } from '../../../platform/actor.js';
import type { AuditService } from '../../../platform/audit/audit.service.js';
import type { Clock } from '../../../platform/clock.js';
import { fieldError, notFound, refusal, staleVersion } from '../../../platform/errors.js';
import { createOrganisationLookup, type OrgRef } from '../../organisations/index.js';
import type { MatchingService } from '../matching/matching.service.js';
import { assetPolicy } from './asset.policy.js';
import { type AssetListed, createAssetRepo } from './asset.repo.js';

export interface AssetServiceDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
  matching: Pick<MatchingService, 'matchAssets'>;
}

/** Fields that decide matches: changing one re-matches the asset. */
const MATCHED_FIELDS = ['vendor', 'product', 'model', 'firmwareVersion'] as const;

/**
 * The enterprise an actor adds assets for: an enterprise user's own; otherwise the named one,
 * which must be an enterprise inside the actor's scope.
 */
export async function resolveEnterprise(db: Db, actor: Actor, enterpriseId: string | undefined): Promise<OrgRef> {
  const lookup = createOrganisationLookup(db);
  if (actor.scope === 'organisation') {
    if (enterpriseId && enterpriseId !== actor.orgId)
      throw fieldError('VALIDATION_FAILED', 'enterpriseId', 'own', 'enterprise users keep the assets of their own enterprise only');
    const [own] = await lookup.byIds([actor.orgId]);
    if (!own || own.kind !== 'enterprise') throw refusal('FORBIDDEN', 'asset.enterprise_only', 'only enterprises keep assets');
    return own;
  }
  if (!enterpriseId) throw fieldError('VALIDATION_FAILED', 'enterpriseId', 'required', 'name the enterprise the asset belongs to');
  const [org] = await lookup.byIds([enterpriseId]);
  if (!org || org.kind !== 'enterprise' || !assetPolicy.can(actor, 'write', { enterpriseId: org.id, districtId: org.districtId }))
    throw fieldError('VALIDATION_FAILED', 'enterpriseId', 'exists', 'no such enterprise in your scope');
  return org;
}

export function toAsset(r: AssetListed): Asset {
  return {
    id: r.id,
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseName,
    districtId: r.districtId,
    name: r.name,
    vendor: r.vendor,
    product: r.product,
    model: r.model,
    firmwareVersion: r.firmwareVersion,
    serial: r.serial,
    host: r.host,
    site: r.site,
    zone: r.zone,
    criticality: r.criticality,
    owner: r.owner,
    openFindings: r.openFindings,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** The asset inventory per enterprise (issue #5 item 3); every change re-matches the asset at once. */
export function createAssetService(deps: AssetServiceDeps) {
  const repo = createAssetRepo(deps.db);

  async function visible(actor: Actor, action: 'read' | 'write', id: string): Promise<AssetListed> {
    assetPolicy.authorize(actor, action);
    const row = await repo.findById(id);
    if (!row) throw notFound('asset');
    assetPolicy.authorize(actor, action, row);
    return row;
  }

  return {
    async list(actor: Actor, q: AssetListQuery): Promise<{ items: Asset[]; total: number }> {
      const page = await repo.findPage(assetPolicy.reach(actor, 'read'), q);
      return { items: page.items.map(toAsset), total: page.total };
    },

    async get(actor: Actor, id: string): Promise<Asset> {
      return toAsset(await visible(actor, 'read', id));
    },

    async create(actor: Actor, input: AssetInput): Promise<Asset> {
      assetPolicy.authorize(actor, 'write');
      const enterprise = await resolveEnterprise(deps.db, actor, input.enterpriseId);
      const now = deps.clock.now();
      return deps.db.transaction(async (tx) => {
        const { enterpriseId: _, ...fields } = input;
        const [row] = await createAssetRepo(tx).insert([
          { ...nullable(fields), enterpriseId: enterprise.id, districtId: enterprise.districtId, createdAt: now, updatedAt: now },
        ]);
        if (!row) throw new Error('insert returned nothing');
        const matches = await deps.matching.matchAssets(tx, [row.id], actor.displayName ?? actor.name);
        await deps.audit.append(tx, actor, {
          action: 'vulnerability.asset_create',
          entityType: 'vuln_asset',
          entityId: row.id,
          after: { ...fields, enterpriseId: enterprise.id, matches },
        });
        const listed = await createAssetRepo(tx).findById(row.id);
        if (!listed) throw notFound('asset');
        return toAsset(listed);
      });
    },

    async update(actor: Actor, id: string, input: UpdateAsset): Promise<Asset> {
      const before = await visible(actor, 'write', id);
      const { version, ...fields } = input;
      return deps.db.transaction(async (tx) => {
        const r = createAssetRepo(tx);
        const row = await r.update(id, version, { ...nullable(fields), updatedAt: deps.clock.now() });
        if (!row) throw staleVersion('asset');
        const rematch = MATCHED_FIELDS.some((f) => f in fields && (fields[f] ?? null) !== before[f]);
        const by = actor.displayName ?? actor.name;
        const matches = rematch ? await deps.matching.matchAssets(tx, [id], by, { fixedBy: { id: actor.userId, name: by } }) : null;
        await deps.audit.append(tx, actor, {
          action: 'vulnerability.asset_update',
          entityType: 'vuln_asset',
          entityId: id,
          before: toAsset(before),
          after: { ...fields, matches },
        });
        const listed = await r.findById(id);
        if (!listed) throw notFound('asset');
        return toAsset(listed);
      });
    },

    /** Removes an asset nobody reported on yet; one with findings or scan results stays (its history matters). */
    async remove(actor: Actor, id: string): Promise<void> {
      const before = await visible(actor, 'write', id);
      await deps.db.transaction(async (tx) => {
        const r = createAssetRepo(tx);
        if (await r.isReferenced(id))
          throw refusal('CONFLICT', 'asset.referenced', 'the asset has findings or scan results; it stays for their history');
        await r.delete(id);
        await deps.audit.append(tx, actor, {
          action: 'vulnerability.asset_delete',
          entityType: 'vuln_asset',
          entityId: id,
          before: toAsset(before),
        });
      });
    },
  };
}

export type AssetService = ReturnType<typeof createAssetService>;

/** Optional text fields arrive as undefined or null; the row wants null. */
function nullable<T extends Record<string, unknown>>(fields: T): T {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, v ?? null]),
  ) as T;
}
