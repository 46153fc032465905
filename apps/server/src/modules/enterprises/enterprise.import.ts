import { randomUUID } from 'node:crypto';
import type { CreateEnterprise } from '@suilian/contracts';
import {
  CreateEnterpriseSchema,
  type EnterpriseExportQuery,
  type ImportMode,
  type ImportRejection,
  ORG_KINDS_WRITABLE_BY_SCOPE,
} from '@suilian/contracts';
import type { Db } from '../../db/client.js';
import { isUniqueViolation } from '../../db/like.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { refusal } from '../../platform/errors.js';
import { type JobService, onlyFile } from '../../platform/jobs/job.service.js';
import { choiceLookup } from '../../platform/tabular/choices.js';
import { listAll } from '../../platform/tabular/export.js';
import { duplicatesInFile, runImport } from '../../platform/tabular/import-run.js';
import { readSheet } from '../../platform/tabular/read.js';
import { rejectionsFromIssues } from '../../platform/tabular/report.js';
import { writeWorkbook } from '../../platform/tabular/workbook.js';
import type { CodeListService } from '../codelists/index.js';
import { createOrganisationLookup } from '../organisations/index.js';
import { type EnterpriseLookups, enterpriseCells, enterpriseColumnKey, enterpriseInput, enterpriseSpec } from './enterprise.columns.js';
import { createEnterpriseImportRepo } from './enterprise.import.repo.js';
import { enterprisePolicy } from './enterprise.policy.js';
import type { EnterpriseService } from './enterprise.service.js';

export interface EnterpriseImportDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append' | 'appendMany'>;
  codeLists: Pick<CodeListService, 'activeCodes' | 'get'>;
  jobs: Pick<JobService, 'define'>;
  enterprises: Pick<EnterpriseService, 'list'>;
}

type UploadedFile = { name: string; content: Buffer };

/**
 * Excel for enterprises (issue #3 item 6): the template, imports as jobs (all-or-nothing or valid
 * rows only, one report line per problem), and the export of the filtered list in the same columns.
 * Audit: one `enterprise.create` entry per created enterprise (the same action as the API) and one
 * `enterprise.import` entry for the file, all in the import's transaction.
 */
export function createEnterpriseImporter(deps: EnterpriseImportDeps) {
  const repo = createEnterpriseImportRepo(deps.db);
  const orgs = createOrganisationLookup(deps.db);

  async function lookups(includeRetired: boolean): Promise<EnterpriseLookups> {
    const list = async (key: 'industry' | 'cluster' | 'size_class') =>
      includeRetired
        ? (await deps.codeLists.get(key, { includeRetired: true })).items.map((i) => ({ code: i.code, name: i.nameZh }))
        : [...(await deps.codeLists.activeCodes(key)).values()].map((i) => ({ code: i.code, name: i.nameZh }));
    return {
      districts: choiceLookup(await orgs.districtChoices()),
      industry: choiceLookup(await list('industry')),
      cluster: choiceLookup(await list('cluster')),
      sizeClass: choiceLookup(await list('size_class')),
    };
  }

  function assertMayImport(actor: Actor) {
    enterprisePolicy.authorize(actor, 'write');
    enterprisePolicy.authorize(actor, 'register');
    // Organisation-scope roles register no organisations whatever they hold (roles.ts).
    if (!ORG_KINDS_WRITABLE_BY_SCOPE[actor.scope].includes('enterprise'))
      throw refusal('FORBIDDEN', 'enterprise.register_scope', 'only city and district roles register enterprises');
  }

  // A named job over the stored upload, so any instance can run it (ADR 0012).
  const importJob = deps.jobs.define<{ mode: ImportMode }>(
    'enterprise.import',
    async ({ actor, payload: { mode }, files, progress, job: { id: jobId } }) => {
      const file = onlyFile(files);
      const l = await lookups(false);
      const spec = enterpriseSpec(l);
      const rows = await readSheet(file, spec);
      return runImport<CreateEnterprise>(
        {
          rows,
          mode,
          columns: spec.columns,
          checkRow: ({ row, cells }) => {
            const own = actor.scope === 'district' ? actor.districtId : null;
            const { input, problems, contactSources } = enterpriseInput(cells, l, own);
            const header = (key: string | null) => spec.columns.find((c) => c.key === key) ?? null;
            const parsed = CreateEnterpriseSchema.safeParse(input);
            const failed = new Set(problems.map((p) => p.field));
            const rejections: ImportRejection[] = problems.map(({ field: _f, ...p }) => ({ row, ...p }));
            if (!parsed.success) {
              const issues = parsed.error.issues.filter((i) => !failed.has(String(i.path[0])));
              rejections.push(
                ...rejectionsFromIssues(row, issues, input, (path) => header(enterpriseColumnKey(path, contactSources)), {
                  creditCode: 'credit_code',
                }),
              );
            }
            if (parsed.success && own && parsed.data.districtId !== own)
              rejections.push({
                row,
                column: '所在区',
                rule: 'scope',
                message: 'district officers import enterprises of their own district only',
              });
            return parsed.success && rejections.length === 0 ? { ok: true, value: parsed.data } : { ok: false, rejections };
          },
          checkTogether: async (valid) => {
            const taken = await repo.findTakenCreditCodes([...new Set(valid.map((v) => v.value.creditCode))]);
            // A code already registered is reported as such on every row; repeats of new codes as in-file duplicates.
            const inFile = duplicatesInFile(valid, (v) => (taken.has(v.creditCode) ? null : v.creditCode), '统一社会信用代码');
            const inDb = valid
              .filter((v) => taken.has(v.value.creditCode))
              .map((v) => ({
                row: v.row,
                column: '统一社会信用代码',
                rule: 'duplicate',
                message: `${v.value.creditCode} is already registered`,
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
    /** The empty template: headers, drop-downs, rules. */
    async template(actor: Actor): Promise<Buffer> {
      enterprisePolicy.authorize(actor, 'read');
      return writeWorkbook(enterpriseSpec(await lookups(false)));
    },

    /**
     * Checks the permission, reads the upload and its header now (422 on problems), then validates
     * and writes the rows as a job.
     */
    async start(actor: Actor, upload: () => Promise<UploadedFile>, mode: ImportMode): Promise<{ jobId: string }> {
      assertMayImport(actor);
      const file = await upload();
      // The header is checked now (a 422 before any job exists); the job reads the stored file again.
      await readSheet(file, enterpriseSpec(await lookups(false)));
      const job = await importJob.start(actor, { mode }, { files: [file] });
      return { jobId: job.id };
    },

    /** The filtered list (the list's filters and sort, every page) in the template's columns. */
    async export(actor: Actor, query: EnterpriseExportQuery): Promise<Buffer> {
      const items = await listAll('enterprises', (page, pageSize) => deps.enterprises.list(actor, { ...query, page, pageSize }));
      const l = await lookups(true);
      return writeWorkbook(
        enterpriseSpec(await lookups(false)),
        items.map((e) => enterpriseCells(e, l)),
      );
    },
  };

  async function write(
    actor: Actor,
    jobId: string,
    file: UploadedFile,
    mode: ImportMode,
    accepted: ReadonlyArray<{ row: number; value: CreateEnterprise }>,
    written: (n: number) => void,
  ): Promise<void> {
    const now = deps.clock.now();
    const districtNames = new Map((await orgs.districtChoices()).map((d) => [d.code, d.name]));
    const rows = accepted.map(({ value: e }) => {
      const id = randomUUID();
      return {
        org: {
          id,
          kind: 'enterprise' as const,
          parentId: e.districtId,
          districtId: e.districtId,
          name: e.name,
          nameEn: e.nameEn ?? null,
          creditCode: e.creditCode,
          address: e.address ?? null,
          createdAt: now,
          updatedAt: now,
        },
        profile: {
          orgId: id,
          industryCode: e.industryCode ?? null,
          clusterCode: e.clusterCode ?? null,
          sizeClass: e.sizeClass ?? null,
          aboveScale: e.aboveScale ?? false,
          mainProducts: e.mainProducts ?? null,
          description: e.description ?? null,
          contacts: e.contacts ?? [],
        },
      };
    });
    try {
      await deps.db.transaction(async (tx) => {
        await createEnterpriseImportRepo(tx).insertEnterprises(rows, written);
        await deps.audit.appendMany(
          tx,
          actor,
          rows.map(({ org, profile }) => ({
            action: 'enterprise.create',
            entityType: 'enterprise',
            entityId: org.id,
            after: { ...org, ...profile, orgId: undefined, districtName: districtNames.get(org.districtId) ?? null, importJobId: jobId },
          })),
        );
        await deps.audit.append(tx, actor, {
          action: 'enterprise.import',
          entityType: 'job',
          entityId: jobId,
          after: { file: file.name, bytes: file.content.length, mode, created: rows.length, ids: rows.map((r) => r.org.id) },
        });
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw refusal(
          'DUPLICATE',
          'import.concurrent_duplicate',
          'a credit code of the file was registered by someone else while the import ran; nothing was written, import the file again',
        );
      throw error;
    }
  }
}

export type EnterpriseImporter = ReturnType<typeof createEnterpriseImporter>;
