import {
  ASSET_CRITICALITIES,
  type AssetExportQuery,
  type AssetInput,
  AssetInputSchema,
  type ImportMode,
  NETWORK_ZONES,
} from '@suilian/contracts';
import type { Db } from '../../../db/client.js';
import type { Actor } from '../../../platform/actor.js';
import type { AuditService } from '../../../platform/audit/audit.service.js';
import type { Clock } from '../../../platform/clock.js';
import { type JobService, onlyFile } from '../../../platform/jobs/job.service.js';
import { choiceLookup } from '../../../platform/tabular/choices.js';
import { listAll } from '../../../platform/tabular/export.js';
import type { TabularImporter, UploadedFile } from '../../../platform/tabular/http.js';
import { runImport } from '../../../platform/tabular/import-run.js';
import { readSheet } from '../../../platform/tabular/read.js';
import { type CellProblem, columnAt, parseRow } from '../../../platform/tabular/report.js';
import type { BoundRow, TableSpec } from '../../../platform/tabular/spec.js';
import { writeWorkbook } from '../../../platform/tabular/workbook.js';
import { createOrganisationLookup, type OrgRef } from '../../organisations/index.js';
import type { MatchingService } from '../matching/matching.service.js';
import { assetPolicy } from './asset.policy.js';
import { createAssetRepo } from './asset.repo.js';
import type { AssetService } from './asset.service.js';

export interface AssetImportDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append' | 'appendMany'>;
  jobs: Pick<JobService, 'define'>;
  assets: Pick<AssetService, 'list'>;
  matching: Pick<MatchingService, 'matchAssets'>;
}

const CRITICALITY_NAMES: Record<(typeof ASSET_CRITICALITIES)[number], string> = { low: '低', medium: '中', high: '高', critical: '关键' };
const criticalities = choiceLookup(ASSET_CRITICALITIES.map((code) => ({ code, name: CRITICALITY_NAMES[code], aliases: [code] })));
const zones = choiceLookup(NETWORK_ZONES.map((code) => ({ code, name: code, aliases: [code.toLowerCase()] })));
const CREDIT_CODE = '企业统一社会信用代码';

/** The asset sheet: Chinese headers, drop-downs for zone and criticality. */
export const ASSET_SPEC: TableSpec = {
  sheet: '资产清单',
  columns: [
    { header: CREDIT_CODE, key: 'enterpriseCreditCode', width: 22, note: '资产所属企业；企业用户可留空（即本企业）' },
    { header: '资产名称', key: 'name', width: 24 },
    { header: '厂商', key: 'vendor', required: true, width: 20, note: '如 Siemens、西门子、Rockwell Automation' },
    { header: '产品', key: 'product', required: true, width: 28, note: '如 SIMATIC S7-1500' },
    { header: '订货号', key: 'model', width: 24, note: '型号 / 订货号，如 6ES7518-4AX00-1AB0' },
    { header: '固件/软件版本', key: 'firmwareVersion', width: 16, note: '如 V2.9.4' },
    { header: '序列号', key: 'serial', width: 18 },
    { header: '主机名/IP', key: 'host', width: 18, note: '扫描结果按此对应资产' },
    { header: '位置', key: 'site', width: 20 },
    { header: '网络区域', key: 'zone', required: true, choices: zones.names, note: 'IT、OT 或 DMZ' },
    { header: '重要程度', key: 'criticality', required: true, choices: criticalities.names, note: '低、中、高、关键' },
    { header: '责任人', key: 'owner', width: 12 },
  ],
  rules: [
    '每行一台资产；厂商、产品、网络区域、重要程度必填。',
    '导入后平台立即与漏洞库匹配。',
    'CSV 可为 UTF-8（含或不含 BOM）或 GBK 编码。',
  ],
};

const columnOf = columnAt(ASSET_SPEC, {
  enterpriseId: 'enterpriseCreditCode',
  name: 'name',
  vendor: 'vendor',
  product: 'product',
  model: 'model',
  firmwareVersion: 'firmwareVersion',
  serial: 'serial',
  host: 'host',
  site: 'site',
  zone: 'zone',
  criticality: 'criticality',
  owner: 'owner',
});

/** Excel / CSV for assets (issue #5 item 3): template, import as a job with a per-row report, export. */
export function createAssetImporter(deps: AssetImportDeps): TabularImporter<AssetExportQuery> {
  const orgs = createOrganisationLookup(deps.db);

  async function enterprisesOf(actor: Actor, rows: readonly BoundRow[]): Promise<Map<string, OrgRef>> {
    const codes = rows.map((r) => (r.cells.enterpriseCreditCode ?? '').trim().toUpperCase()).filter(Boolean);
    const found = await orgs.byCreditCodes([...new Set(codes)]);
    return new Map(
      found
        .filter((e) => e.kind === 'enterprise' && assetPolicy.can(actor, 'write', { enterpriseId: e.id, districtId: e.districtId }))
        .map((e) => [e.creditCode ?? '', e]),
    );
  }

  function checkRow(actor: Actor, byCode: Map<string, OrgRef>) {
    return ({ row, cells }: BoundRow) => {
      const problems: CellProblem[] = [];
      const code = (cells.enterpriseCreditCode ?? '').trim().toUpperCase();
      let enterpriseId: string | undefined;
      if (actor.scope === 'organisation') {
        if (code && byCode.get(code)?.id !== actor.orgId)
          problems.push({ column: CREDIT_CODE, rule: 'own', message: 'enterprise users import assets of their own enterprise only' });
        enterpriseId = actor.orgId;
      } else if (!code)
        problems.push({ column: CREDIT_CODE, rule: 'required', message: 'required: name the enterprise by its credit code' });
      else {
        enterpriseId = byCode.get(code)?.id;
        if (!enterpriseId) problems.push({ column: CREDIT_CODE, rule: 'exists', message: `no enterprise ${code} in your scope` });
      }
      const zone = cells.zone ? zones.resolve(cells.zone) : null;
      const criticality = cells.criticality ? criticalities.resolve(cells.criticality) : null;
      if (cells.zone && !zone) problems.push({ column: '网络区域', rule: 'choice', message: `${cells.zone}: choose IT, OT or DMZ` });
      if (cells.criticality && !criticality)
        problems.push({ column: '重要程度', rule: 'choice', message: `${cells.criticality}: choose 低, 中, 高 or 关键` });
      const text = (k: string) => (cells[k] ? cells[k] : undefined);
      const input = {
        ...(enterpriseId ? { enterpriseId } : {}),
        name: text('name'),
        vendor: cells.vendor ?? '',
        product: cells.product ?? '',
        model: text('model'),
        firmwareVersion: text('firmwareVersion'),
        serial: text('serial'),
        host: text('host'),
        site: text('site'),
        zone: zone ?? cells.zone,
        criticality: criticality ?? cells.criticality,
        owner: text('owner'),
      };
      return parseRow<AssetInput>(row, AssetInputSchema, input, problems, columnOf);
    };
  }

  // A named job over the stored upload, so any instance can run it (ADR 0012).
  const importJob = deps.jobs.define<{ mode: ImportMode }>(
    'vulnerabilities.asset_import',
    async ({ actor, payload: { mode }, files, progress, job: { id: jobId } }) => {
      const file = onlyFile(files);
      const rows = await readSheet(file, ASSET_SPEC);
      const byCode = await enterprisesOf(actor, rows);
      const [own] = actor.scope === 'organisation' ? await orgs.byIds([actor.orgId]) : [];
      const districtOf = new Map([...byCode.values(), ...(own ? [own] : [])].map((e) => [e.id, e.districtId]));
      return runImport<AssetInput>(
        {
          rows,
          mode,
          columns: ASSET_SPEC.columns,
          checkRow: checkRow(actor, byCode),
          write: async (accepted, written) => {
            const now = deps.clock.now();
            await deps.db.transaction(async (tx) => {
              const created = await createAssetRepo(tx).insert(
                accepted.map(({ value: { enterpriseId, ...a } }) => ({
                  ...Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v ?? null])),
                  vendor: a.vendor,
                  product: a.product,
                  zone: a.zone,
                  criticality: a.criticality,
                  enterpriseId: enterpriseId ?? actor.orgId,
                  districtId: districtOf.get(enterpriseId ?? actor.orgId) ?? null,
                  createdAt: now,
                  updatedAt: now,
                })),
              );
              const matches = await deps.matching.matchAssets(
                tx,
                created.map((a) => a.id),
                actor.displayName ?? actor.name,
              );
              await deps.audit.appendMany(
                tx,
                actor,
                created.map((a) => ({
                  action: 'vulnerability.asset_create',
                  entityType: 'vuln_asset',
                  entityId: a.id,
                  after: { ...a, createdAt: undefined, updatedAt: undefined },
                })),
              );
              await deps.audit.append(tx, actor, {
                action: 'vulnerability.asset_import',
                entityType: 'job',
                entityId: jobId,
                after: { file: file.name, mode, created: created.length, matches },
              });
            });
            written(accepted.length);
          },
        },
        progress,
      );
    },
  );

  return {
    async template(actor: Actor): Promise<Buffer> {
      assetPolicy.authorize(actor, 'read');
      return writeWorkbook(ASSET_SPEC);
    },

    async start(actor: Actor, upload: () => Promise<UploadedFile>, mode: ImportMode): Promise<{ jobId: string }> {
      assetPolicy.authorize(actor, 'write');
      const file = await upload();
      // The header is checked now (a 422 before any job exists); the job reads the stored file again.
      await readSheet(file, ASSET_SPEC);
      const job = await importJob.start(actor, { mode }, { files: [file] });
      return { jobId: job.id };
    },

    async export(actor: Actor, query: AssetExportQuery): Promise<Buffer> {
      const items = await listAll('assets', (page, pageSize) => deps.assets.list(actor, { ...query, page, pageSize }));
      const owners = new Map((await orgs.byIds([...new Set(items.map((a) => a.enterpriseId))])).map((e) => [e.id, e.creditCode ?? '']));
      return writeWorkbook(
        ASSET_SPEC,
        items.map((a) => ({
          enterpriseCreditCode: owners.get(a.enterpriseId) ?? '',
          name: a.name ?? '',
          vendor: a.vendor,
          product: a.product,
          model: a.model ?? '',
          firmwareVersion: a.firmwareVersion ?? '',
          serial: a.serial ?? '',
          host: a.host ?? '',
          site: a.site ?? '',
          zone: a.zone,
          criticality: CRITICALITY_NAMES[a.criticality],
          owner: a.owner ?? '',
        })),
      );
    },
  };
}
