import { randomUUID } from 'node:crypto';
import { type CreateFactory, CreateFactorySchema, type FactoryExportQuery, type ImportMode } from '@suilian/contracts';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { confirmationAtEntry } from '../../platform/confirmation/confirmation.js';
import { type JobService, onlyFile } from '../../platform/jobs/job.service.js';
import { inScope } from '../../platform/scope.js';
import { choiceLookup, sameName } from '../../platform/tabular/choices.js';
import { listAll } from '../../platform/tabular/export.js';
import type { TabularImporter, UploadedFile } from '../../platform/tabular/http.js';
import { duplicatesInFile, runImport } from '../../platform/tabular/import-run.js';
import { readSheet } from '../../platform/tabular/read.js';
import { type CellProblem, parseRow } from '../../platform/tabular/report.js';
import type { BoundRow, TableSpec } from '../../platform/tabular/spec.js';
import { writeWorkbook } from '../../platform/tabular/workbook.js';
import type { CodeListService } from '../codelists/index.js';
import { createOrganisationLookup, type OrgRef } from '../organisations/index.js';
import {
  type EnterpriseRef,
  type FactoryLookups,
  factoryCells,
  factoryColumnOf,
  factoryInput,
  factorySpec,
  type ProjectRef,
} from './factory.columns.js';
import { createFactoryImportRepo, factoryKey, type NewFactoryRows } from './factory.import.repo.js';
import { factoryPolicy } from './factory.policy.js';
import type { FactoryService } from './factory.service.js';

export interface FactoryImportDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append' | 'appendMany'>;
  codeLists: Pick<CodeListService, 'activeCodes' | 'get'>;
  jobs: Pick<JobService, 'define'>;
  factories: Pick<FactoryService, 'list'>;
}

const CREDIT_CODE = '企业统一社会信用代码';

/**
 * Excel for 5G factories (issue #3 item 6): template, imports as jobs, export of the filtered list.
 * The rules are the factory service's (enterprise in scope, an enterprise user's own; district in
 * scope; active scenarios; projects of the same enterprise) plus one of the import's own: a factory
 * name is not repeated within an enterprise (so a file imported twice is refused). Audit: one
 * `factory.create` per factory (as the API writes) and one `factory.import` for the file.
 */
export function createFactoryImporter(deps: FactoryImportDeps): TabularImporter<FactoryExportQuery> {
  const repo = createFactoryImportRepo(deps.db);
  const orgs = createOrganisationLookup(deps.db);

  async function lookups(includeRetired: boolean): Promise<FactoryLookups> {
    const scenarios = includeRetired
      ? (await deps.codeLists.get('scenario', { includeRetired: true })).items.map((i) => ({ code: i.code, name: i.nameZh }))
      : [...(await deps.codeLists.activeCodes('scenario')).values()].map((i) => ({ code: i.code, name: i.nameZh }));
    return { districts: choiceLookup(await orgs.districtChoices()), scenarios: choiceLookup(scenarios) };
  }

  /** The enterprises the rows name (by credit code) within the actor's scope; an enterprise user's own always. */
  async function enterprisesOf(actor: Actor, rows: readonly BoundRow[]): Promise<OrgRef[]> {
    const codes = rows.map((r) => (r.cells.enterpriseCreditCode ?? '').trim().toUpperCase()).filter(Boolean);
    const found = [...(await orgs.byCreditCodes(codes)), ...(actor.role === 'enterprise_user' ? await orgs.byIds([actor.orgId]) : [])];
    return found.filter((e) => e.kind === 'enterprise' && (actor.role === 'enterprise_user' ? e.id === actor.orgId : inScope(actor, e)));
  }

  function checkRow(
    actor: Actor,
    l: FactoryLookups,
    spec: TableSpec,
    enterprises: readonly OrgRef[],
    projects: ReadonlyMap<string, ProjectRef>,
  ) {
    const byCode = new Map(enterprises.map((e) => [e.creditCode ?? '', e]));
    const own = actor.role === 'enterprise_user' ? enterprises.find((e) => e.id === actor.orgId) : undefined;
    return ({ row, cells }: BoundRow) => {
      const found: CellProblem[] = [];
      const code = (cells.enterpriseCreditCode ?? '').trim().toUpperCase();
      let enterprise: EnterpriseRef | null = null;
      if (actor.role === 'enterprise_user') {
        if (code && code !== own?.creditCode)
          found.push({ column: CREDIT_CODE, rule: 'own', message: 'enterprise users import factories of their own enterprise only' });
        else enterprise = own ?? null;
      } else if (!code) {
        found.push({ column: CREDIT_CODE, rule: 'required', message: 'required: name the enterprise by its credit code' });
      } else {
        enterprise = byCode.get(code) ?? null;
        if (!enterprise) found.push({ column: CREDIT_CODE, rule: 'exists', message: `no enterprise ${code} in your scope` });
      }
      const name = cells.enterpriseName ?? '';
      if (enterprise && name && !sameName(name, enterprise.name))
        found.push({
          column: '企业名称',
          rule: 'enterprise_name',
          message: `the enterprise with this credit code is ${enterprise.name}, not ${name}`,
        });
      const { input, problems, scenarioColumns } = factoryInput(cells, l, enterprise, projects);
      const districtId = typeof input.districtId === 'string' ? input.districtId : null;
      if (districtId && !inScope(actor, { id: districtId, districtId }))
        problems.push({
          column: '所在区',
          rule: 'scope',
          message: 'factories you enter stay in your district (leave the cell empty for the enterprise’s)',
        });
      return parseRow(row, CreateFactorySchema, input, [...found, ...problems], (path) => factoryColumnOf(path, scenarioColumns, spec), {
        customRules: { code: 'scenario' },
      });
    };
  }

  // A named job over the stored upload, so any instance can run it (ADR 0012).
  const importJob = deps.jobs.define<{ mode: ImportMode }>(
    'factory.import',
    async ({ actor, payload: { mode }, files, progress, job: { id: jobId } }) => {
      const file = onlyFile(files);
      const l = await lookups(false);
      const spec = factorySpec(l);
      const rows = await readSheet(file, spec);
      const enterprises = await enterprisesOf(actor, rows);
      const codes = rows.flatMap((r) => (r.cells.projectCodes ?? '').split(/[；;\n]+/).map((c) => c.trim().toUpperCase()));
      const projects = new Map((await repo.findProjectsByCode(codes.filter(Boolean))).map((p) => [p.code, p]));
      return runImport<CreateFactory>(
        {
          rows,
          mode,
          columns: spec.columns,
          checkRow: checkRow(actor, l, spec, enterprises, projects),
          checkTogether: async (valid) => {
            const key = (f: CreateFactory) => factoryKey(f.enterpriseId ?? '', f.name);
            const taken = await repo.findNames([...new Set(valid.map((v) => v.value.enterpriseId ?? ''))]);
            const inFile = duplicatesInFile(
              valid,
              (f) => (taken.has(key(f)) ? null : key(f)),
              '工厂名称',
              (f) => `a factory named ${f.name} of the same enterprise`,
            );
            const inDb = valid
              .filter((v) => taken.has(key(v.value)))
              .map((v) => ({
                row: v.row,
                column: '工厂名称',
                rule: 'duplicate',
                message: `the enterprise already has a factory named ${v.value.name}`,
              }));
            return [...inFile, ...inDb];
          },
          write: (accepted, written) => write(actor, jobId, file, mode, enterprises, accepted, written),
        },
        progress,
      );
    },
  );

  return {
    async template(actor: Actor): Promise<Buffer> {
      factoryPolicy.authorize(actor, 'read');
      return writeWorkbook(factorySpec(await lookups(false)));
    },

    async start(actor: Actor, upload: () => Promise<UploadedFile>, mode: ImportMode): Promise<{ jobId: string }> {
      factoryPolicy.authorize(actor, 'write');
      const file = await upload();
      // The header is checked now (a 422 before any job exists); the job reads the stored file again.
      await readSheet(file, factorySpec(await lookups(false)));
      const job = await importJob.start(actor, { mode }, { files: [file] });
      return { jobId: job.id };
    },

    async export(actor: Actor, query: FactoryExportQuery): Promise<Buffer> {
      const items = await listAll('factories', (page, pageSize) => deps.factories.list(actor, { ...query, page, pageSize }));
      const owners = await orgs.byIds(items.map((f) => f.enterpriseId));
      const creditCodes = new Map(owners.map((e) => [e.id, e.creditCode ?? '']));
      const projectCodes = await repo.findProjectCodes(items.flatMap((f) => f.projectIds));
      const names = (await lookups(true)).scenarios;
      return writeWorkbook(
        factorySpec(await lookups(false)),
        items.map((f) => factoryCells(f, creditCodes.get(f.enterpriseId) ?? '', (id) => projectCodes.get(id) ?? '', names.nameOf)),
      );
    },
  };

  async function write(
    actor: Actor,
    jobId: string,
    file: UploadedFile,
    mode: ImportMode,
    enterprises: readonly OrgRef[],
    accepted: ReadonlyArray<{ row: number; value: CreateFactory }>,
    written: (n: number) => void,
  ): Promise<void> {
    const now = deps.clock.now();
    const districtOf = new Map(enterprises.map((e) => [e.id, e.districtId]));
    const rows: NewFactoryRows[] = accepted.map(({ value: f }) => {
      const id = randomUUID();
      const enterpriseId = f.enterpriseId ?? '';
      const districtId = f.districtId ?? districtOf.get(enterpriseId) ?? '';
      return {
        factory: {
          id,
          enterpriseId,
          districtId,
          // Imported by the enterprise: declared; by its district or the city: confirmed (issue #12 item 5).
          ...confirmationAtEntry(actor, factoryPolicy.can(actor, 'confirm', { enterpriseId, districtId }), now),
          name: f.name,
          address: f.address ?? null,
          level: f.level,
          nationalListYear: f.nationalListYear ?? null,
          starRating: f.starRating ?? null,
          createdAt: now,
          updatedAt: now,
        },
        scenarios: (f.scenarios ?? []).map((s, position) => ({
          factoryId: id,
          position,
          scenarioCode: s.code,
          customName: s.code ? null : (s.customName ?? null),
          category: s.category,
          goLiveDate: s.goLiveDate ?? null,
        })),
        projects: [...new Set(f.projectIds ?? [])].map((projectId) => ({ factoryId: id, projectId })),
      };
    });
    await deps.db.transaction(async (tx) => {
      await createFactoryImportRepo(tx).insertFactories(rows, written);
      await deps.audit.appendMany(
        tx,
        actor,
        rows.map((x) => ({
          action: 'factory.create',
          entityType: 'factory',
          entityId: x.factory.id,
          after: {
            ...x.factory,
            scenarios: x.scenarios.map(({ factoryId: _f, ...s }) => s),
            projectIds: x.projects.map((p) => p.projectId),
            importJobId: jobId,
          },
        })),
      );
      await deps.audit.append(tx, actor, {
        action: 'factory.import',
        entityType: 'job',
        entityId: jobId,
        after: { file: file.name, bytes: file.content.length, mode, created: rows.length, ids: rows.map((x) => x.factory.id) },
      });
    });
  }
}

export type FactoryImporter = ReturnType<typeof createFactoryImporter>;
