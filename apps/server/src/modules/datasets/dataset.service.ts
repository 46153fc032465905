import {
  type CreateDataset,
  columnsOfSource,
  type Dataset,
  type DatasetListQuery,
  type DatasetRows,
  type DatasetRowsQuery,
  type DatasetUploadResult,
  DISTRIBUTION_FORMATS,
  type DistributionFormat,
  MAX_IMPORT_ROWS,
  type UpdateDataset,
} from '@suilian/contracts';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import { type Clock, chinaDate } from '../../platform/clock.js';
import { fieldError, notFound, refusal, staleVersion } from '../../platform/errors.js';
import type { UploadedFile } from '../../platform/tabular/http.js';
import { readTable } from '../../platform/tabular/read.js';
import { datasetPolicy, visibleLevels } from './dataset.policy.js';
import { createDatasetRepo, type DatasetListing, type DatasetRecord, type DistributionRecord } from './dataset.repo.js';
import { exploreRows } from './dataset.rows.js';
import { loadSourceRows, type SourceDeps } from './dataset.sources.js';
import { createDatasetSourceRepo } from './dataset.sources.repo.js';
import { checkUploadedTable } from './dataset.upload.js';
import { fingerprintOf, MEDIA_TYPES, renderDistributions, sha256 } from './distribution.js';

export interface DatasetServiceDeps extends Omit<SourceDeps, 'today'> {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append'>;
}

/** A distribution ready to send. */
export interface DistributionFile {
  content: Buffer;
  mediaType: string;
  fileName: string;
}

/** A dataset record and its distributions as the console receives them. */
export function presentDataset(record: DatasetListing, distributions: readonly DistributionRecord[]): Dataset {
  return {
    id: record.id,
    code: record.code,
    titleZh: record.titleZh,
    titleEn: record.titleEn,
    descriptionZh: record.descriptionZh,
    descriptionEn: record.descriptionEn,
    publisher: record.publisher,
    theme: record.theme,
    keywords: record.keywords,
    licence: record.licence,
    frequency: record.frequency,
    accessLevel: record.accessLevel,
    temporalStart: record.temporalStart,
    temporalEnd: record.temporalEnd,
    spatial: record.spatial,
    source: record.source,
    columns: [...columnsOfSource(record.source)],
    distributions: distributions
      .filter((d) => d.datasetId === record.id)
      .map((d) => ({
        format: d.format,
        mediaType: MEDIA_TYPES[d.format],
        byteSize: d.byteSize,
        checksum: d.checksum,
        modifiedAt: d.modifiedAt.toISOString(),
        rowCount: d.rowCount,
      })),
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    version: record.version,
  };
}

/**
 * The dataset catalogue (issue #16 item 3): city administrators and analysts register datasets over
 * the platform's own data or uploaded statistics; distributions are generated from the source and
 * regenerated when its data changed (on every write, on demand, and by the periodic refresh).
 */
export function createDatasetService(deps: DatasetServiceDeps) {
  const sourceDeps: SourceDeps = { ...deps, today: () => chinaDate(deps.clock.now()) };
  const repo = () => createDatasetRepo(deps.db);

  /** The record if the actor (null: anonymous) may see its access level; 404 otherwise, like a missing one. */
  async function visible(actor: Actor | null, id: string): Promise<DatasetRecord> {
    const record = await repo().find(id);
    if (!record || !visibleLevels(actor).includes(record.accessLevel)) throw notFound('dataset');
    return record;
  }

  async function present(record: DatasetRecord): Promise<Dataset> {
    return presentDataset(record, await repo().distributionsOf([record.id]));
  }

  /**
   * Generates the distributions when the source's rows changed since they were generated (or
   * always, `force`). Returns whether new files were written.
   */
  async function refresh(record: DatasetRecord, force: boolean): Promise<boolean> {
    const columns = columnsOfSource(record.source);
    const rows = await loadSourceRows(deps.db, sourceDeps, record.source, record.uploadRows);
    const fingerprint = fingerprintOf(columns, rows);
    const existing = await repo().distributionsOf([record.id]);
    const current = existing.length === DISTRIBUTION_FORMATS.length && existing.every((d) => d.fingerprint === fingerprint);
    if (current && !force) return false;
    const files = await renderDistributions(record.titleZh, columns, rows);
    const modifiedAt = deps.clock.now();
    await deps.db.transaction(async (tx) => {
      for (const format of DISTRIBUTION_FORMATS) {
        const content = files[format];
        await createDatasetRepo(tx).saveDistribution({
          datasetId: record.id,
          format,
          content,
          byteSize: content.length,
          checksum: sha256(content),
          rowCount: rows.length,
          fingerprint,
          modifiedAt,
        });
      }
    });
    return true;
  }

  async function distributionFile(record: DatasetRecord, format: DistributionFormat): Promise<DistributionFile> {
    let content = await repo().distributionContent(record.id, format);
    if (!content) {
      await refresh(record, true);
      content = await repo().distributionContent(record.id, format);
    }
    if (!content) throw notFound('distribution');
    return { content, mediaType: MEDIA_TYPES[format], fileName: `${record.code}.${format}` };
  }

  return {
    refresh,

    async list(actor: Actor, query: DatasetListQuery): Promise<{ items: Dataset[]; total: number }> {
      datasetPolicy.authorize(actor, 'readRegistered');
      const page = await repo().list(
        { levels: visibleLevels(actor), q: query.q, theme: query.theme, accessLevel: query.accessLevel },
        { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
      );
      const distributions = await repo().distributionsOf(page.items.map((r) => r.id));
      return { items: page.items.map((r) => presentDataset(r, distributions)), total: page.total };
    },

    async get(actor: Actor, id: string): Promise<Dataset> {
      return present(await visible(actor, id));
    },

    async create(actor: Actor, input: CreateDataset): Promise<Dataset> {
      datasetPolicy.authorize(actor, 'manage');
      const now = deps.clock.now();
      const created = await deps.db.transaction(async (tx) => {
        const taken = await createDatasetRepo(tx).findByCodeOrId(input.code);
        if (taken) throw refusal('DUPLICATE', 'dataset.code_taken', `a dataset with code ${input.code} exists`, { code: input.code });
        const row = await createDatasetRepo(tx).insert({ ...input, createdBy: actor.userId, createdAt: now, updatedAt: now });
        await deps.audit.append(tx, actor, {
          action: 'dataset.create',
          entityType: 'dataset',
          entityId: row.id,
          after: presentDataset(row, []),
        });
        return row;
      });
      await refresh(created, true);
      return present(created);
    },

    async update(actor: Actor, id: string, input: UpdateDataset): Promise<Dataset> {
      datasetPolicy.authorize(actor, 'manage');
      const { version, ...changes } = input;
      const updated = await deps.db.transaction(async (tx) => {
        const before = await createDatasetRepo(tx).find(id);
        if (!before) throw notFound('dataset');
        const merged = { ...before, ...changes };
        if (merged.accessLevel === 'public' && merged.licence === 'restricted')
          throw fieldError('VALIDATION_FAILED', 'licence', 'open_licence', 'a public dataset needs an open licence');
        const row = await createDatasetRepo(tx).update(id, version, { ...changes, updatedAt: deps.clock.now() });
        if (!row) throw staleVersion('dataset');
        await deps.audit.append(tx, actor, {
          action: 'dataset.update',
          entityType: 'dataset',
          entityId: id,
          before: presentDataset(before, []),
          after: presentDataset(row, []),
        });
        return row;
      });
      await refresh(updated, false);
      return present(updated);
    },

    /** Replaces an uploaded table when every row passes; otherwise stores nothing and lists every rejected row. */
    async uploadTable(actor: Actor, id: string, file: UploadedFile): Promise<DatasetUploadResult> {
      datasetPolicy.authorize(actor, 'manage');
      const record = await repo().find(id);
      if (!record) throw notFound('dataset');
      if (record.source.kind !== 'upload')
        throw refusal('CONFLICT', 'dataset.not_uploaded', 'this dataset is built from the platform’s data, not from an uploaded table');
      const table = await readTable(file.name, file.content, { maxRows: MAX_IMPORT_ROWS });
      const districts = await createDatasetSourceRepo(deps.db).districtCodes();
      const checked = checkUploadedTable(table, columnsOfSource(record.source), districts);
      const result = { rows: checked.total, valid: checked.rows.length, stored: checked.rejected.length === 0, rejected: checked.rejected };
      if (!result.stored) return result;
      await deps.db.transaction(async (tx) => {
        await createDatasetRepo(tx).setUploadRows(id, checked.rows, deps.clock.now());
        await deps.audit.append(tx, actor, {
          action: 'dataset.upload',
          entityType: 'dataset',
          entityId: id,
          after: { file: file.name, rows: checked.rows.length, sha256: sha256(file.content) },
        });
      });
      const stored = await repo().find(id);
      if (stored) await refresh(stored, true);
      return result;
    },

    async regenerate(actor: Actor, id: string): Promise<Dataset> {
      datasetPolicy.authorize(actor, 'manage');
      const record = await visible(actor, id);
      await refresh(record, true);
      await deps.db.transaction(async (tx) =>
        deps.audit.append(tx, actor, { action: 'dataset.regenerate', entityType: 'dataset', entityId: id }),
      );
      return present(record);
    },

    async download(actor: Actor, id: string, format: DistributionFormat): Promise<DistributionFile> {
      return distributionFile(await visible(actor, id), format);
    },

    /** The current rows (live from the source), filtered and optionally grouped: preview and exploration. */
    async rows(actor: Actor, id: string, query: DatasetRowsQuery): Promise<DatasetRows> {
      const record = await visible(actor, id);
      const columns = [...columnsOfSource(record.source)];
      const rows = await loadSourceRows(deps.db, sourceDeps, record.source, record.uploadRows);
      return exploreRows(columns, rows, query);
    },

    /** Walks the catalogue and regenerates what changed (the periodic task). */
    async refreshAll(): Promise<number> {
      let regenerated = 0;
      for (const record of await repo().all()) if (await refresh(record, false)) regenerated++;
      return regenerated;
    },

    /** The public record with this code, for anonymous downloads; 404 for any other level. */
    async publicDownload(code: string, format: DistributionFormat): Promise<DistributionFile> {
      const record = await repo().findByCodeOrId(code);
      if (!record || record.accessLevel !== 'public') throw notFound('dataset');
      return distributionFile(record, format);
    },
  };
}

export type DatasetService = ReturnType<typeof createDatasetService>;
