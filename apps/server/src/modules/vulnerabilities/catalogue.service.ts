import type {
  Advisory,
  AdvisoryDetail,
  AdvisoryListQuery,
  UpdateVendorAlias,
  VendorAlias,
  VendorAliasInput,
  Vulnerability,
  VulnerabilityDetail,
  VulnerabilityListQuery,
} from '@suilian/contracts';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { fieldError, notFound, staleVersion } from '../../platform/errors.js';
import { type AdvisoryRow, type AliasRow, createAdvisoryRepo, type VulnerabilityRow } from './advisory.repo.js';
import { vendorKey } from './logic/index.js';
import { vulnerabilityPolicy } from './vulnerability.policy.js';

export interface CatalogueServiceDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Reading the vulnerability database (everyone with vuln:read: it is public knowledge) and editing vendor aliases. */
export function createCatalogueService(deps: CatalogueServiceDeps) {
  const repo = createAdvisoryRepo(deps.db);

  async function vulnerabilities(rows: VulnerabilityRow[]): Promise<Vulnerability[]> {
    const s = await repo.summaries(rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id,
      key: r.key,
      cve: r.cve,
      cnvd: r.cnvd,
      title: r.title,
      titleZh: r.titleZh,
      cwe: r.cwe,
      baseScore: r.baseScore,
      grade: r.grade,
      scoreDisagrees: r.scoreDisagrees,
      sources: (s.sources.get(r.id) ?? []) as Vulnerability['sources'],
      publishedAt: iso(r.publishedAt),
      affectedAssets: s.affected.get(r.id) ?? 0,
      updatedAt: r.updatedAt.toISOString(),
    }));
  }

  /** Names must not already belong to another vendor: one name, one vendor. */
  async function checkNames(input: VendorAliasInput, exceptId?: string) {
    const keys = new Map<string, string>();
    for (const row of await repo.aliases()) {
      if (row.id === exceptId) continue;
      for (const n of [row.canonical, ...row.names]) keys.set(vendorKey(n), row.canonical);
    }
    for (const n of [input.canonical, ...input.names]) {
      const owner = keys.get(vendorKey(n));
      if (owner) throw fieldError('DUPLICATE', 'names', 'unique', `"${n}" already names the vendor ${owner}`);
    }
  }

  return {
    async listAdvisories(actor: Actor, q: AdvisoryListQuery): Promise<{ items: Advisory[]; total: number }> {
      vulnerabilityPolicy.authorize(actor, 'read');
      const page = await repo.findAdvisories(q);
      return { items: page.items.map((r) => toAdvisory(r.advisory, r.vulnerabilityCount, r.entryCount)), total: page.total };
    },

    async getAdvisory(actor: Actor, id: string): Promise<AdvisoryDetail> {
      vulnerabilityPolicy.authorize(actor, 'read');
      const row = await repo.findAdvisoryById(id);
      if (!row) throw notFound('advisory');
      const counts = await repo.advisoryCounts(id);
      const revisions = await repo.revisions(id);
      const vulns = await repo.vulnerabilitiesOfAdvisory(id);
      return {
        ...toAdvisory(row, counts.vulnerabilityCount, counts.entryCount),
        revisionHistory: row.revisionHistory,
        importedVersions: revisions.map((r) => ({
          trackingVersion: r.trackingVersion,
          currentReleaseAt: iso(r.currentReleaseAt),
          importedAt: r.importedAt.toISOString(),
          summary: r.summary,
        })),
        warnings: row.warnings,
        vulnerabilities: vulns.map((v) => ({ id: v.id, key: v.key, title: v.titleZh ?? v.title, grade: v.grade })),
      };
    },

    /** The advisory's document as imported (the newest version). */
    async advisoryDocument(actor: Actor, id: string): Promise<unknown> {
      vulnerabilityPolicy.authorize(actor, 'read');
      const row = await repo.findAdvisoryById(id);
      if (!row) throw notFound('advisory');
      return row.document;
    },

    async listVulnerabilities(actor: Actor, q: VulnerabilityListQuery): Promise<{ items: Vulnerability[]; total: number }> {
      vulnerabilityPolicy.authorize(actor, 'read');
      const page = await repo.findVulnerabilities(q);
      return { items: await vulnerabilities(page.items), total: page.total };
    },

    async getVulnerability(actor: Actor, id: string): Promise<VulnerabilityDetail> {
      vulnerabilityPolicy.authorize(actor, 'read');
      const row = await repo.findVulnerability(id);
      if (!row) throw notFound('vulnerability');
      const [summary] = await vulnerabilities([row]);
      const scores = await repo.scoresWithSource(id);
      const entries = await repo.entriesOf(id);
      if (!summary) throw notFound('vulnerability');
      return {
        ...summary,
        description: row.description,
        details: row.details,
        scores: scores.map(({ score, source }) => ({
          advisoryId: score.advisoryId,
          source,
          cvssVersion: score.cvssVersion,
          vector: score.vector,
          statedScore: score.statedScore,
          computedScore: score.computedScore,
          grade: score.grade,
          disagrees: score.disagrees,
          error: score.error,
        })),
        advisories: await repo.advisoriesOf(id),
        entries: entries.map((e) => ({
          id: e.id,
          advisoryId: e.advisoryId,
          source: e.source,
          productId: e.productId,
          vendor: e.vendor,
          product: e.product,
          models: e.models,
          versionRaw: e.versionRaw,
          status: e.status,
        })),
      };
    },

    async listAliases(actor: Actor): Promise<VendorAlias[]> {
      vulnerabilityPolicy.authorize(actor, 'read');
      return (await repo.aliases()).map(toAlias);
    },

    async createAlias(actor: Actor, input: VendorAliasInput): Promise<VendorAlias> {
      vulnerabilityPolicy.authorize(actor, 'manage');
      await checkNames(input);
      const now = deps.clock.now();
      return deps.db.transaction(async (tx) => {
        const row = await createAdvisoryRepo(tx).insertAlias({ ...input, createdAt: now, updatedAt: now });
        await deps.audit.append(tx, actor, {
          action: 'vulnerability.alias_create',
          entityType: 'vendor_alias',
          entityId: row.id,
          after: input,
        });
        return toAlias(row);
      });
    },

    async updateAlias(actor: Actor, id: string, input: UpdateVendorAlias): Promise<VendorAlias> {
      vulnerabilityPolicy.authorize(actor, 'manage');
      const { version, ...values } = input;
      await checkNames(values, id);
      return deps.db.transaction(async (tx) => {
        const r = createAdvisoryRepo(tx);
        const before = await r.findAlias(id);
        if (!before) throw notFound('vendor alias');
        const row = await r.updateAlias(id, version, { ...values, updatedAt: deps.clock.now() });
        if (!row) throw staleVersion('vendor alias');
        await deps.audit.append(tx, actor, {
          action: 'vulnerability.alias_update',
          entityType: 'vendor_alias',
          entityId: id,
          before: toAlias(before),
          after: toAlias(row),
        });
        return toAlias(row);
      });
    },

    async deleteAlias(actor: Actor, id: string): Promise<void> {
      vulnerabilityPolicy.authorize(actor, 'manage');
      await deps.db.transaction(async (tx) => {
        const r = createAdvisoryRepo(tx);
        const before = await r.findAlias(id);
        if (!before) throw notFound('vendor alias');
        await r.deleteAlias(id);
        await deps.audit.append(tx, actor, {
          action: 'vulnerability.alias_delete',
          entityType: 'vendor_alias',
          entityId: id,
          before: toAlias(before),
        });
      });
    },
  };
}

export type CatalogueService = ReturnType<typeof createCatalogueService>;

function toAdvisory(row: AdvisoryRow, vulnerabilityCount: number, entryCount: number): Advisory {
  return {
    id: row.id,
    source: row.source,
    trackingId: row.trackingId,
    trackingVersion: row.trackingVersion,
    title: row.title,
    publisher: row.publisher,
    initialReleaseAt: iso(row.initialReleaseAt),
    currentReleaseAt: iso(row.currentReleaseAt),
    vulnerabilityCount,
    entryCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toAlias(row: AliasRow): VendorAlias {
  return { id: row.id, canonical: row.canonical, names: row.names, version: row.version, updatedAt: row.updatedAt.toISOString() };
}
