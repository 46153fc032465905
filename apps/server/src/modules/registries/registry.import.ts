import { randomUUID } from 'node:crypto';
import {
  type CreateRecord,
  createRecordSchemaFor,
  type ImportMode,
  type ImportRejection,
  type RegistryExportQuery,
  type RegistryKey,
} from '@suilian/contracts';
import type { Db } from '../../db/client.js';
import { isUniqueViolation } from '../../db/like.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { confirmationAtEntry } from '../../platform/confirmation/confirmation.js';
import { refusal } from '../../platform/errors.js';
import { type JobService, onlyFile } from '../../platform/jobs/job.service.js';
import { sameName } from '../../platform/tabular/choices.js';
import { listAll } from '../../platform/tabular/export.js';
import type { TabularImporter, UploadedFile } from '../../platform/tabular/http.js';
import { duplicatesInFile, runImport } from '../../platform/tabular/import-run.js';
import { readSheet } from '../../platform/tabular/read.js';
import { type CellProblem, parseRow } from '../../platform/tabular/report.js';
import type { BoundRow, TableSpec } from '../../platform/tabular/spec.js';
import { writeWorkbook } from '../../platform/tabular/workbook.js';
import { createOrganisationLookup, type OrgRef } from '../organisations/index.js';
import {
  type PlatformRefs,
  REGISTRY_CUSTOM_RULES,
  REGISTRY_SHEETS,
  registryCells,
  registryColumnKey,
  registryInput,
  registrySpec,
  uniqueColumnOf,
} from './registry.columns.js';
import { createRegistryImportRepo, type NewRecordRow } from './registry.import.repo.js';
import { registryPolicy } from './registry.policy.js';
import type { RegistryService } from './registry.service.js';
import { promotedFields } from './registry-rules.js';

export interface RegistryImportDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append' | 'appendMany'>;
  jobs: Pick<JobService, 'define'>;
  registries: Pick<RegistryService, 'list'>;
}

/** Excel holds at most this many characters in a cell. */
const MAX_CELL = 32_767;

type Parsed = CreateRecord & { orgId: string };

/**
 * Excel for the eleven ecosystem registries (issue #3 item 6), one generic importer driven by each
 * registry's sheet (registry.columns.ts over REGISTRY_DATA_SCHEMAS): the owner by credit code or
 * name within scope (the actor's own organisation when both are empty), the registry's schema,
 * its natural key unique in the file and in the database; attachments are not imported. Audit:
 * one `<registry>.create` per record (as the API writes) and one `<registry>.import` for the file.
 */
export function createRegistryImporter(deps: RegistryImportDeps) {
  const repo = createRegistryImportRepo(deps.db);
  const orgs = createOrganisationLookup(deps.db);

  /** The organisations the rows name, within the actor's scope, and the actor's own. */
  async function ownersOf(actor: Actor, rows: readonly BoundRow[]) {
    const codes = rows.map((r) => (r.cells.ownerCreditCode ?? '').trim().toUpperCase());
    const names = rows.map((r) => (r.cells.ownerName ?? '').trim());
    const found = [...(await orgs.byCreditCodes(codes)), ...(await orgs.byNames(names)), ...(await orgs.byIds([actor.orgId]))];
    // An owner is in reach when the records it would own are ones the actor may write.
    const visible = found.filter((o) => registryPolicy.can(actor, 'write', { orgId: o.id, districtId: o.districtId }));
    const byName = new Map<string, OrgRef[]>();
    for (const o of new Map(visible.map((v) => [v.id, v])).values()) byName.set(o.name, [...(byName.get(o.name) ?? []), o]);
    return {
      byId: new Map(visible.map((o) => [o.id, o])),
      byCode: new Map(visible.flatMap((o) => (o.creditCode ? [[o.creditCode, o] as const] : []))),
      byName,
    };
  }

  /** The test platforms the rows name (by title or id), within the actor's scope. */
  async function platformsOf(actor: Actor, key: RegistryKey, rows: readonly BoundRow[]): Promise<PlatformRefs> {
    if (key !== 'test-records') return { byId: new Map(), byTitle: new Map() };
    const found = await repo.findByIdsOrTitles(
      'test-platforms',
      rows.map((r) => (r.cells['data.platformId'] ?? '').trim()),
    );
    const visible = (list: typeof found.byId) => list.filter((p) => registryPolicy.can(actor, 'read', p));
    const byTitle = new Map<string, string[]>();
    for (const p of visible(found.byTitle)) byTitle.set(p.title, [...(byTitle.get(p.title) ?? []), p.id]);
    return { byId: new Map(visible(found.byId).map((p) => [p.id, p.id])), byTitle };
  }

  function checkRow(
    actor: Actor,
    key: RegistryKey,
    spec: TableSpec,
    owners: Awaited<ReturnType<typeof ownersOf>>,
    platforms: PlatformRefs,
  ) {
    const schema = createRecordSchemaFor(key);
    const columnOf = (path: readonly PropertyKey[]) => {
      const column = registryColumnKey(path);
      return spec.columns.find((c) => c.key === column) ?? null;
    };
    return ({ row, cells }: BoundRow) => {
      const found: CellProblem[] = [];
      const code = (cells.ownerCreditCode ?? '').trim().toUpperCase();
      const name = (cells.ownerName ?? '').trim();
      let owner: OrgRef | null = null;
      if (code) {
        owner = owners.byCode.get(code) ?? null;
        if (!owner) found.push({ column: '所属单位统一社会信用代码', rule: 'exists', message: `no organisation ${code} in your scope` });
        else if (name && !sameName(name, owner.name))
          found.push({
            column: '所属单位名称',
            rule: 'owner_name',
            message: `the organisation with this credit code is ${owner.name}, not ${name}`,
          });
      } else if (name) {
        const named = owners.byName.get(name) ?? [];
        if (named.length === 1) owner = named[0] ?? null;
        else if (named.length === 0)
          found.push({ column: '所属单位名称', rule: 'exists', message: `no organisation named ${name} in your scope` });
        else
          found.push({
            column: '所属单位名称',
            rule: 'ambiguous',
            message: `${named.length} organisations are named ${name}; give the credit code`,
          });
      } else {
        owner = owners.byId.get(actor.orgId) ?? null;
        if (!owner)
          found.push({ column: '所属单位统一社会信用代码', rule: 'required', message: 'name the organisation the record belongs to' });
      }
      const { input, problems } = registryInput(key, cells, platforms);
      if (owner) input.orgId = owner.id;
      const check = parseRow(row, schema, input, [...found, ...problems], columnOf, { customRules: REGISTRY_CUSTOM_RULES });
      return check.ok ? { ok: true as const, value: check.value as Parsed } : check;
    };
  }

  function checkTogether(key: RegistryKey, spec: TableSpec) {
    const column = spec.columns.find((c) => c.key === uniqueColumnOf(key))?.header ?? null;
    return async (valid: ReadonlyArray<{ row: number; value: Parsed }>): Promise<ImportRejection[]> => {
      if (!column) return [];
      const keyOf = (v: Parsed) => promotedFields(key, v.data).uniqueKey;
      const taken = await repo.findTakenKeys(
        key,
        valid.flatMap((v) => keyOf(v.value) ?? []),
      );
      const describe = (v: Parsed) => (key === 'products' ? `${String(v.data.vendor)} ${String(v.data.model)}` : String(v.data.number));
      const inFile = duplicatesInFile(
        valid,
        (v) => {
          const k = keyOf(v);
          return k && !taken.has(k) ? k : null;
        },
        column,
        describe,
      );
      const inDb = valid
        .filter((v) => taken.has(keyOf(v.value) ?? ''))
        .map((v) => ({ row: v.row, column, rule: 'duplicate', message: `${describe(v.value)} is already registered` }));
      return [...inFile, ...inDb];
    };
  }

  async function write(
    actor: Actor,
    key: RegistryKey,
    jobId: string,
    file: UploadedFile,
    mode: ImportMode,
    owners: ReadonlyMap<string, OrgRef>,
    accepted: ReadonlyArray<{ row: number; value: Parsed }>,
    written: (n: number) => void,
  ): Promise<void> {
    const now = deps.clock.now();
    const rows: NewRecordRow[] = accepted.map(({ value: r }) => {
      const districtId = owners.get(r.orgId)?.districtId ?? null;
      return {
        id: randomUUID(),
        registry: key,
        orgId: r.orgId,
        districtId,
        title: r.title,
        recordDate: r.date,
        data: r.data,
        ...promotedFields(key, r.data),
        // Imported by the enterprise: declared; by its district or the city: confirmed (issue #12 item 5).
        ...confirmationAtEntry(actor, registryPolicy.can(actor, 'confirm', { orgId: r.orgId, districtId }), now),
        createdAt: now,
        updatedAt: now,
      };
    });
    try {
      await deps.db.transaction(async (tx) => {
        await createRegistryImportRepo(tx).insertRecords(rows, written);
        await deps.audit.appendMany(
          tx,
          actor,
          rows.map((r) => ({
            action: `${key}.create`,
            entityType: key,
            entityId: r.id,
            after: {
              id: r.id,
              registry: key,
              orgId: r.orgId,
              orgName: owners.get(r.orgId)?.name ?? null,
              districtId: r.districtId,
              title: r.title,
              date: r.recordDate,
              kind: r.kind,
              quantity: r.quantity,
              data: r.data,
              attachments: [],
              importJobId: jobId,
            },
          })),
        );
        await deps.audit.append(tx, actor, {
          action: `${key}.import`,
          entityType: 'job',
          entityId: jobId,
          after: { file: file.name, bytes: file.content.length, mode, created: rows.length, ids: rows.map((r) => r.id) },
        });
      });
    } catch (error) {
      if (isUniqueViolation(error, 'registry_record_unique_key_uq'))
        throw refusal(
          'DUPLICATE',
          'import.concurrent_duplicate',
          'a record of the file was registered by someone else while the import ran; nothing was written, import the file again',
        );
      throw error;
    }
  }

  // One named job for every registry, over the stored upload, so any instance can run it (ADR 0012).
  const importJob = deps.jobs.define<{ key: RegistryKey; mode: ImportMode }>(
    'registry.import',
    async ({ actor, payload: { key, mode }, files, progress, job: { id: jobId } }) => {
      const spec = registrySpec(key);
      const file = onlyFile(files);
      const rows = await readSheet(file, spec);
      const owners = await ownersOf(actor, rows);
      const platforms = await platformsOf(actor, key, rows);
      return runImport<Parsed>(
        {
          rows,
          mode,
          columns: spec.columns,
          checkRow: checkRow(actor, key, spec, owners, platforms),
          checkTogether: checkTogether(key, spec),
          write: (accepted, written) => write(actor, key, jobId, file, mode, owners.byId, accepted, written),
        },
        progress,
      );
    },
  );

  /** The template, import and export of one registry. */
  function forRegistry(key: RegistryKey): TabularImporter<RegistryExportQuery> {
    const spec = registrySpec(key);
    return {
      async template(actor: Actor): Promise<Buffer> {
        registryPolicy.authorize(actor, 'read');
        return writeWorkbook(spec);
      },

      async start(actor: Actor, upload: () => Promise<UploadedFile>, mode: ImportMode): Promise<{ jobId: string }> {
        registryPolicy.authorize(actor, 'write');
        const file = await upload();
        // The header is checked now (a 422 before any job exists); the job reads the stored file again.
        await readSheet(file, spec);
        const job = await importJob.start(actor, { key, mode }, { files: [file], kind: `${key}.import` });
        return { jobId: job.id };
      },

      async export(actor: Actor, query: RegistryExportQuery): Promise<Buffer> {
        const items = await listAll('records', (page, pageSize) => deps.registries.list(actor, key, { ...query, page, pageSize }));
        const owners = new Map((await orgs.byIds(items.map((r) => r.orgId))).map((o) => [o.id, o.creditCode ?? '']));
        const titles =
          key === 'test-records' ? await repo.findTitles(items.map((r) => String(r.data.platformId ?? ''))) : new Map<string, string>();
        const rows = items.map((r) => registryCells(key, r, owners.get(r.orgId) ?? '', (id) => titles.get(id) ?? id));
        for (const [i, row] of rows.entries())
          for (const column of spec.columns)
            if ((row[column.key] ?? '').length > MAX_CELL)
              throw refusal(
                'VALIDATION_FAILED',
                'export.cell_too_long',
                `${items[i]?.title}: ${column.header} holds more than the ${MAX_CELL} characters an Excel cell takes; leave this record out of the export (filter it away)`,
                { record: items[i]?.title ?? '', column: column.header, max: MAX_CELL },
              );
        return writeWorkbook(spec, rows);
      },
    };
  }

  return { forRegistry, sheetName: (key: RegistryKey) => REGISTRY_SHEETS[key].name };
}

export type RegistryImporter = ReturnType<typeof createRegistryImporter>;
