import type { CkanPackage, Dataset, PublicDatasetListQuery } from '@suilian/contracts';
import type { Db } from '../../../db/client.js';
import type { Clock } from '../../../platform/clock.js';
import { createDatasetRepo, type DatasetListing, type DatasetRecord } from '../dataset.repo.js';
import { presentDataset } from '../dataset.service.js';
import { toCkanPackage } from './ckan.js';
import { catalogQuads, toJsonLd, toTurtle } from './dcat.js';
import type { PublishedDataset, Site } from './published.js';

export interface OpenDataDeps {
  db: Db;
  clock: Clock;
  /** Generates a dataset's distributions when it has none yet (a dataset published before its first refresh). */
  ensureDistributions: (record: DatasetRecord) => Promise<unknown>;
}

/** A CKAN `package_show` miss: answered 404 with CKAN's `success: false`. */
export class CkanNotFound extends Error {}

const PUBLIC_ONLY = { levels: ['public'] as const };

/**
 * The open-data side (issue #16 item 3): public datasets only, for the portal, the CKAN Action API
 * (package_list, package_show, package_search) and the DCAT-AP catalogue (JSON-LD, Turtle).
 */
export function createOpenDataService(deps: OpenDataDeps) {
  const repo = () => createDatasetRepo(deps.db);

  async function published(records: DatasetListing[]): Promise<PublishedDataset[]> {
    let distributions = await repo().distributionsOf(records.map((r) => r.id));
    const missing = records.filter((r) => !distributions.some((d) => d.datasetId === r.id));
    if (missing.length > 0) {
      // Generating needs the whole record (an upload's rows), which listings leave out.
      for (const listed of missing) {
        const record = await repo().find(listed.id);
        if (record) await deps.ensureDistributions(record);
      }
      distributions = await repo().distributionsOf(records.map((r) => r.id));
    }
    return records.map((record) => ({ record, distributions: distributions.filter((d) => d.datasetId === record.id) }));
  }

  async function publicPage(q: string | undefined, limit: number, offset: number) {
    return repo().list({ ...PUBLIC_ONLY, q }, { limit, offset });
  }

  return {
    async listPublic(query: PublicDatasetListQuery): Promise<{ items: Omit<Dataset, 'source' | 'version'>[]; total: number }> {
      const page = await repo().list(
        { ...PUBLIC_ONLY, q: query.q, theme: query.theme },
        { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
      );
      const items = await published(page.items);
      return {
        items: items.map(({ record, distributions }) => {
          const { source: _source, version: _version, ...rest } = presentDataset(record, distributions);
          return rest;
        }),
        total: page.total,
      };
    },

    async packageList(limit: number | undefined, offset: number): Promise<string[]> {
      const page = await publicPage(undefined, limit ?? 1000, offset);
      return page.items.map((r) => r.code);
    },

    async packageShow(site: Site, id: string): Promise<CkanPackage> {
      const record = await repo().findByCodeOrId(id);
      if (!record || record.accessLevel !== 'public') throw new CkanNotFound(id);
      const [one] = await published([record]);
      if (!one) throw new CkanNotFound(id);
      return toCkanPackage(site, one);
    },

    async packageSearch(site: Site, q: string | undefined, rows: number, start: number) {
      // CKAN's "everything" query is *:*; free text is matched against code, titles, descriptions and keywords.
      const text = q && q.trim() !== '' && q.trim() !== '*:*' ? q.trim() : undefined;
      const page = await publicPage(text, rows, start);
      const results = rows === 0 ? [] : (await published(page.items)).map((p) => toCkanPackage(site, p));
      return { count: page.total, sort: 'name asc', facets: {}, search_facets: {}, results };
    },

    async catalog(site: Site, format: 'jsonld' | 'ttl'): Promise<string> {
      const records = await repo().list(PUBLIC_ONLY, { limit: 100_000, offset: 0 });
      const datasets = await published(records.items);
      const latest = Math.max(0, ...records.items.map((r) => r.updatedAt.getTime()));
      const quads = catalogQuads(site, datasets, records.items.length ? new Date(latest) : deps.clock.now());
      return format === 'ttl' ? toTurtle(quads) : JSON.stringify(toJsonLd(quads));
    },
  };
}

export type OpenDataService = ReturnType<typeof createOpenDataService>;
