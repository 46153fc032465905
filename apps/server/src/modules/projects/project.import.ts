import { randomUUID } from 'node:crypto';
import {
  type CreateProject,
  CreateProjectSchema,
  type ImportMode,
  type ImportRejection,
  type ProjectExportQuery,
} from '@suilian/contracts';
import type { Db } from '../../db/client.js';
import { isUniqueViolation } from '../../db/like.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { refusal } from '../../platform/errors.js';
import { type JobService, onlyFile } from '../../platform/jobs/job.service.js';
import { choiceLookup, sameName } from '../../platform/tabular/choices.js';
import { listAll } from '../../platform/tabular/export.js';
import { duplicatesInFile, runImport } from '../../platform/tabular/import-run.js';
import { readSheet } from '../../platform/tabular/read.js';
import { rejectionsFromIssues } from '../../platform/tabular/report.js';
import type { BoundRow } from '../../platform/tabular/spec.js';
import { writeWorkbook } from '../../platform/tabular/workbook.js';
import type { CodeListService } from '../codelists/index.js';
import { createOrganisationLookup } from '../organisations/index.js';
import {
  type EnterpriseRef,
  type ProjectLookups,
  projectColumnOf,
  projectExportCells,
  projectExportSpec,
  projectInput,
  projectSpec,
} from './project.columns.js';
import { createProjectImportRepo } from './project.import.repo.js';
import { projectPolicy } from './project.policy.js';
import type { ProjectService } from './project.service.js';

export interface ProjectImportDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append' | 'appendMany'>;
  codeLists: Pick<CodeListService, 'activeCodes' | 'get'>;
  jobs: Pick<JobService, 'define'>;
  projects: Pick<ProjectService, 'list'>;
}

type UploadedFile = { name: string; content: Buffer };

/**
 * Excel for projects (issue #3 item 6): template, imports as jobs, export of the filtered list.
 * Imported projects start as drafts with a `create` timeline event, like declared ones. Audit: one
 * `project.create` entry per project (as the API writes) and one `project.import` for the file.
 */
export function createProjectImporter(deps: ProjectImportDeps) {
  const repo = createProjectImportRepo(deps.db);
  const orgs = createOrganisationLookup(deps.db);

  async function lookups(includeRetired: boolean): Promise<ProjectLookups> {
    const scenarios = includeRetired
      ? (await deps.codeLists.get('scenario', { includeRetired: true })).items.map((i) => ({ code: i.code, name: i.nameZh }))
      : [...(await deps.codeLists.activeCodes('scenario')).values()].map((i) => ({ code: i.code, name: i.nameZh }));
    const providers = await repo.findProviders();
    return {
      districts: choiceLookup(await orgs.districtChoices()),
      operators: choiceLookup(providers.map((p) => ({ code: p.id, name: p.name, aliases: p.creditCode ? [p.creditCode] : [] }))),
      scenarios: choiceLookup(scenarios),
    };
  }

  function assertMayImport(actor: Actor) {
    projectPolicy.authorize(actor, 'write');
  }

  /** The enterprises the rows name (by credit code), within the actor's scope; an enterprise user's own always. */
  async function enterprisesOf(actor: Actor, rows: readonly BoundRow[]): Promise<Map<string, EnterpriseRef & { creditCode: string }>> {
    const codes = [...new Set(rows.map((r) => (r.cells.enterpriseCreditCode ?? '').trim().toUpperCase()).filter(Boolean))];
    const found = await repo.findEnterprises({ creditCodes: codes, ids: actor.role === 'enterprise_user' ? [actor.orgId] : [] });
    // An enterprise is named in reach when the projects it would own are in the actor's write reach.
    const visible = found.filter((e) =>
      projectPolicy.can(actor, 'write', { enterpriseId: e.id, operatorId: null, districtId: e.districtId }),
    );
    return new Map(
      visible.map((e) => [e.creditCode ?? e.id, { id: e.id, name: e.name, districtId: e.districtId, creditCode: e.creditCode ?? '' }]),
    );
  }

  function checkRow(
    actor: Actor,
    l: ProjectLookups,
    enterprises: Map<string, EnterpriseRef & { creditCode: string }>,
    spec: ReturnType<typeof projectSpec>,
  ) {
    const own = actor.role === 'enterprise_user' ? [...enterprises.values()].find((e) => e.id === actor.orgId) : undefined;
    return ({ row, cells }: BoundRow) => {
      const rejections: ImportRejection[] = [];
      const code = (cells.enterpriseCreditCode ?? '').trim().toUpperCase();
      let enterprise: EnterpriseRef | null = null;
      if (actor.role === 'enterprise_user') {
        if (code && code !== own?.creditCode)
          rejections.push({
            row,
            column: '企业统一社会信用代码',
            rule: 'own',
            message: 'enterprise users import projects of their own enterprise only',
          });
        else enterprise = own ?? null;
      } else if (!code) {
        rejections.push({
          row,
          column: '企业统一社会信用代码',
          rule: 'required',
          message: 'required: name the enterprise by its credit code',
        });
      } else {
        enterprise = enterprises.get(code) ?? null;
        if (!enterprise)
          rejections.push({ row, column: '企业统一社会信用代码', rule: 'exists', message: `no enterprise ${code} in your scope` });
      }
      const name = cells.enterpriseName ?? '';
      if (enterprise && name && !sameName(name, enterprise.name))
        rejections.push({
          row,
          column: '企业名称',
          rule: 'enterprise_name',
          message: `the enterprise with this credit code is ${enterprise.name}, not ${name}`,
        });

      const { input, problems, scenarioColumns } = projectInput(cells, l, enterprise);
      rejections.push(...problems.map(({ field: _f, ...p }) => ({ row, ...p })));
      const parsed = CreateProjectSchema.safeParse(input);
      if (!parsed.success) {
        const failed = new Set([...problems.map((p) => p.field), 'enterpriseId']);
        const issues = parsed.error.issues.filter((i) => !failed.has(String(i.path[0])));
        rejections.push(
          ...rejectionsFromIssues(row, issues, input, (path) => projectColumnOf(path, scenarioColumns, spec), {
            plannedEnd: 'after_start',
            actualEnd: 'after_start',
            investment5g: 'within_total',
          }),
        );
      }
      // A project is in its enterprise's district (issue #11 item 5), whatever the file says.
      if (parsed.success && enterprise?.districtId && parsed.data.districtId !== enterprise.districtId)
        rejections.push({
          row,
          column: '项目所在区',
          rule: 'district_of_enterprise',
          message: "a project is in its enterprise's district",
        });
      else if (parsed.success && enterprise && actor.scope === 'district' && parsed.data.districtId !== actor.districtId)
        rejections.push({ row, column: '项目所在区', rule: 'scope', message: 'projects you enter stay in your district' });
      return parsed.success && rejections.length === 0 ? { ok: true as const, value: parsed.data } : { ok: false as const, rejections };
    };
  }

  // A named job over the stored upload, so any instance can run it (ADR 0012).
  const importJob = deps.jobs.define<{ mode: ImportMode }>(
    'project.import',
    async ({ actor, payload: { mode }, files, progress, job: { id: jobId } }) => {
      const file = onlyFile(files);
      const l = await lookups(false);
      const spec = projectExportSpec(l);
      const rows = await readSheet(file, spec);
      const enterprises = await enterprisesOf(actor, rows);
      return runImport<CreateProject>(
        {
          rows,
          mode,
          columns: spec.columns,
          checkRow: checkRow(actor, l, enterprises, spec),
          checkTogether: async (valid) => {
            const taken = await repo.findTakenFilingIds([...new Set(valid.flatMap((v) => (v.value.filingId ? [v.value.filingId] : [])))]);
            const inFile = duplicatesInFile(valid, (v) => (v.filingId && !taken.has(v.filingId) ? v.filingId : null), '国家平台备案号');
            const inDb = valid
              .filter((v) => v.value.filingId && taken.has(v.value.filingId))
              .map((v) => ({
                row: v.row,
                column: '国家平台备案号',
                rule: 'duplicate',
                message: `${v.value.filingId} is already used by another project`,
              }));
            return [...inFile, ...inDb];
          },
          write: (accepted, written) => write(actor, jobId, file, mode, accepted, written),
        },
        progress,
      );
    },
  );

  return {
    async template(actor: Actor): Promise<Buffer> {
      projectPolicy.authorize(actor, 'read');
      return writeWorkbook(projectSpec(await lookups(false)));
    },

    /**
     * Checks the permission, reads the upload and its header now (422 on problems), then validates
     * and writes the rows as a job.
     */
    async start(actor: Actor, upload: () => Promise<UploadedFile>, mode: ImportMode): Promise<{ jobId: string }> {
      assertMayImport(actor);
      const file = await upload();
      // The header is checked now (a 422 before any job exists); the job reads the stored file again.
      await readSheet(file, projectExportSpec(await lookups(false)));
      const job = await importJob.start(actor, { mode }, { files: [file] });
      return { jobId: job.id };
    },

    /** The filtered list (the list's filters and sort, every page) in the template's columns. */
    async export(actor: Actor, query: ProjectExportQuery): Promise<Buffer> {
      const items = await listAll('projects', (page, pageSize) => deps.projects.list(actor, { ...query, page, pageSize }));
      const owners = await repo.findEnterprises({ ids: [...new Set(items.map((p) => p.enterpriseId))] });
      const codes = new Map(owners.map((e) => [e.id, e.creditCode ?? '']));
      const names = (await lookups(true)).scenarios;
      return writeWorkbook(
        projectExportSpec(await lookups(false)),
        items.map((p) => projectExportCells(p, codes.get(p.enterpriseId) ?? '', names.nameOf)),
      );
    },
  };

  async function write(
    actor: Actor,
    jobId: string,
    file: UploadedFile,
    mode: ImportMode,
    accepted: ReadonlyArray<{ row: number; value: CreateProject }>,
    written: (n: number) => void,
  ): Promise<void> {
    const now = deps.clock.now();
    try {
      await deps.db.transaction(async (tx) => {
        const r = createProjectImportRepo(tx);
        const codes = await r.nextCodes(accepted.length, now.getUTCFullYear());
        const rows = accepted.map(({ value: p }, i) => {
          const id = randomUUID();
          return {
            project: {
              id,
              code: codes[i] ?? '',
              title: p.title,
              description: p.description ?? null,
              enterpriseId: p.enterpriseId ?? '',
              districtId: p.districtId ?? '',
              filingId: p.filingId ?? null,
              state: 'draft' as const,
              operatorId: p.operatorId ?? null,
              networkMode: p.networkMode ?? null,
              investmentTotal: p.investmentTotal ?? null,
              investment5g: p.investment5g ?? null,
              plannedStart: p.plannedStart ?? null,
              plannedEnd: p.plannedEnd ?? null,
              actualStart: p.actualStart ?? null,
              actualEnd: p.actualEnd ?? null,
              createdAt: now,
              updatedAt: now,
            },
            scenarios: (p.scenarios ?? []).map((s, position) => ({
              projectId: id,
              position,
              scenarioCode: s.code,
              customName: s.code ? null : (s.customName ?? null),
              category: s.category,
            })),
            event: {
              projectId: id,
              action: 'create',
              fromState: null,
              toState: 'draft' as const,
              comment: null,
              actorId: actor.userId,
              actorName: actor.name,
              actorRole: actor.role,
              occurredAt: now,
            },
          };
        });
        await r.insertProjects(rows, written);
        await deps.audit.appendMany(
          tx,
          actor,
          rows.map((x) => ({
            action: 'project.create',
            entityType: 'project',
            entityId: x.project.id,
            after: { ...x.project, scenarios: x.scenarios.map(({ projectId: _p, ...s }) => s), importJobId: jobId },
          })),
        );
        await deps.audit.append(tx, actor, {
          action: 'project.import',
          entityType: 'job',
          entityId: jobId,
          after: { file: file.name, bytes: file.content.length, mode, created: rows.length, ids: rows.map((x) => x.project.id) },
        });
      });
    } catch (error) {
      if (isUniqueViolation(error, 'project_filing_id_uq'))
        throw refusal(
          'DUPLICATE',
          'import.concurrent_duplicate',
          'a filing id of the file was used by another project while the import ran; nothing was written, import the file again',
        );
      throw error;
    }
  }
}

export type ProjectImporter = ReturnType<typeof createProjectImporter>;
