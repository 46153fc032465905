import { type DataValueExportQuery, type DataValueImportResult, MAX_IMPORT_ROWS } from '@suilian/contracts';
import type { Db } from '../../../db/client.js';
import type { Actor } from '../../../platform/actor.js';
import type { AuditService } from '../../../platform/audit/audit.service.js';
import type { Clock } from '../../../platform/clock.js';
import { fieldError, notFound } from '../../../platform/errors.js';
import { readTable } from '../../../platform/tabular/read.js';
import type { OrganisationService } from '../../organisations/index.js';
import { periodRange } from '../batch/batch-validation.js';
import { districtsFor } from '../districts.js';
import { formEntryState } from '../form-entry.js';
import { validatePeriodId } from '../logic/periods/period-id.js';
import { formPolicy } from '../reporting.policy.js';
import { createReportingRepo, type DataSetRow } from '../reporting.repo.js';
import { type CellRejection, checkCells, type FileCell } from './check-cells.js';
import { readDhis2Rows, writeDhis2Csv } from './dhis2-csv.js';
import { readTemplateRows, TEMPLATE_COLUMN_NAMES, TEMPLATE_SHEET, writeTemplate } from './template.js';

export interface TransferServiceDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'append' | 'appendMany'>;
  organisations: Pick<OrganisationService, 'list'>;
}

const LOCK_NOTES: Record<string, string> = {
  expired: '该期已过填报期限，上传将被拒绝（如需补报请联系市级管理员开通例外）。',
  not_started: '该期填报窗口尚未开始，上传将被拒绝。',
  future: '该期尚未开放填报，上传将被拒绝。',
  approved: '该表已审批锁定，上传将被拒绝。',
  accepted: '该表已被市级接收并锁定，上传将被拒绝。',
};

/**
 * Excel templates and DHIS2 CSV for report values (issue #4 item 5). Imports are all or nothing:
 * every value is checked against the rules of the form, and if any is rejected nothing is written
 * and the report lists every rejected cell.
 */
export function createTransferService(deps: TransferServiceDeps) {
  async function loadSet(code: string): Promise<DataSetRow> {
    const dataSet = await createReportingRepo(deps.db).findDataSet(code);
    if (!dataSet) throw notFound('data set');
    return dataSet;
  }

  return {
    /** The form as an .xlsx, pre-filled with the stored values. */
    async template(actor: Actor, code: string, period: string, orgUnit: string | undefined) {
      const reach = formPolicy.reach(actor, 'read');
      const dataSet = await loadSet(code);
      const check = validatePeriodId(period, dataSet.periodType);
      if (!check.ok) throw fieldError('VALIDATION_FAILED', 'period', 'period_type', check.message);
      // a district officer's form is its own district's; city users name the district
      const named = orgUnit ?? ('districtId' in reach ? reach.districtId : undefined);
      if (!named) throw fieldError('VALIDATION_FAILED', 'orgUnit', 'required', 'name the district the form belongs to');
      const [district] = await districtsFor(deps.organisations, actor, 'read', named);
      if (!district?.divisionCode) throw fieldError('VALIDATION_FAILED', 'orgUnit', 'division_code', 'the district has no division code');
      const repo = createReportingRepo(deps.db);
      const elements = await repo.findSetElements(code);
      const values = await repo.findValues(
        elements.map((e) => e.code),
        [period],
        district.id,
      );
      const entry = formEntryState(
        dataSet,
        period,
        district.id,
        await repo.findRegistration(code, period, district.id),
        await repo.findLockExceptions(code, period, district.id),
        deps.clock.now(),
      );
      const content = await writeTemplate({
        dataSet: code,
        dataSetName: dataSet.nameZh,
        period,
        orgUnit: { divisionCode: district.divisionCode, name: district.name },
        cells: elements.map((e) => {
          const stored = values.find((v) => v.dataElementCode === e.code);
          return { ...e, element: e.code, value: stored?.value ?? null, comment: stored?.comment ?? null };
        }),
        lockNote: entry.open ? undefined : LOCK_NOTES[entry.reason],
      });
      return { content, fileName: `${dataSet.nameZh}_${period}_${district.name}.xlsx` };
    },

    /** Values of the districts in scope over a range of periods, as DHIS2 CSV. */
    async exportCsv(actor: Actor, query: DataValueExportQuery): Promise<{ text: string; fileName: string }> {
      formPolicy.authorize(actor, 'read');
      const dataSet = await loadSet(query.dataSet);
      const periods = periodRange(dataSet.periodType, query.from, query.to);
      const districts = await districtsFor(deps.organisations, actor, 'read', query.orgUnit);
      const repo = createReportingRepo(deps.db);
      const elements = await repo.findSetElements(dataSet.code);
      const values = await repo.findValuesOf(
        elements.map((e) => e.code),
        periods,
        districts.map((d) => d.id),
      );
      const position = new Map(elements.map((e) => [e.code, e.position]));
      const periodOrder = new Map(periods.map((p, i) => [p, i]));
      const code = new Map(districts.map((d) => [d.id, d.divisionCode ?? d.id]));
      const rows = values
        .map((v) => ({
          element: v.dataElementCode,
          period: v.period,
          orgUnit: code.get(v.orgId) ?? v.orgId,
          value: v.value,
          comment: v.comment,
        }))
        .sort(
          (a, b) =>
            (periodOrder.get(a.period) ?? 0) - (periodOrder.get(b.period) ?? 0) ||
            a.orgUnit.localeCompare(b.orgUnit) ||
            (position.get(a.element) ?? 0) - (position.get(b.element) ?? 0),
        );
      return { text: writeDhis2Csv(rows), fileName: `${dataSet.code}_${query.from}-${query.to}.csv` };
    },

    /**
     * Imports an .xlsx template or a DHIS2 CSV into a data set. `expect` is what the console had
     * chosen (period, district): a file for another form is refused rather than written elsewhere.
     */
    async importFile(
      actor: Actor,
      code: string,
      file: { name: string; content: Buffer },
      expect: { period?: string; orgUnit?: string } = {},
    ): Promise<DataValueImportResult> {
      formPolicy.authorize(actor, 'enter');
      const dataSet = await loadSet(code);
      const table = await readTable(file.name, file.content, { maxRows: MAX_IMPORT_ROWS, sheet: TEMPLATE_SHEET });
      const preRejected: CellRejection[] = [];
      let cells: FileCell[];
      if (table.format === 'xlsx') {
        const rows = readTemplateRows(table);
        for (const r of rows.filter((x) => x.dataSet !== code))
          preRejected.push({
            row: r.row,
            column: '数据集',
            element: r.element || null,
            rule: 'wrong_data_set',
            message: `the file is a template of data set ${r.dataSet || '(empty)'}, not ${code}`,
            reason: { code: 'transfer.wrong_data_set', params: { element: r.element, value: r.dataSet, period: '' } },
          });
        cells = rows;
      } else cells = readDhis2Rows(table);
      const rename = (r: CellRejection): CellRejection =>
        table.format === 'xlsx' && r.column ? { ...r, column: TEMPLATE_COLUMN_NAMES[r.column] ?? r.column } : r;

      return deps.db.transaction(async (tx) => {
        const repo = createReportingRepo(tx);
        const elements = await repo.findSetElements(code);
        const allDistricts = await repo.findDistricts();
        const own = new Set((await districtsFor(deps.organisations, actor, 'enter')).map((d) => d.id));
        const periods = [...new Set(cells.map((c) => c.period))].filter((p) => validatePeriodId(p, dataSet.periodType).ok);
        const orgIds = allDistricts.filter((d) => own.has(d.id)).map((d) => d.id);
        const registrations = await repo.findRegistrationsOf(code, periods, orgIds);
        const exceptions = await repo.findLockExceptionsOf(code, periods, orgIds);
        const now = deps.clock.now();
        const formStates = new Map<string, { entry: ReturnType<typeof formEntryState>; completed: boolean }>();
        const known = new Set(await repo.findElementCodes(cells.map((c) => c.element).filter((e) => e !== '')));
        const { writes, rejected } = checkCells(cells, {
          dataSet: code,
          periodType: dataSet.periodType,
          elements: new Map(elements.map((e) => [e.code, { nameZh: e.nameZh, valueType: e.valueType }])),
          knownElements: known,
          districts: new Map(
            allDistricts
              .filter((d) => d.divisionCode)
              .map((d) => [d.divisionCode as string, { id: d.id, name: d.name, inScope: own.has(d.id) }]),
          ),
          form: (period, orgId) => {
            // once per form, not per cell: a CSV holds many cells of each form
            const cached = formStates.get(`${period}|${orgId}`);
            if (cached) return cached;
            const registration = registrations.find((r) => r.period === period && r.orgId === orgId) ?? null;
            const state = {
              entry: formEntryState(dataSet, period, orgId, registration, exceptions, now),
              completed: registration?.state === 'completed',
            };
            formStates.set(`${period}|${orgId}`, state);
            return state;
          },
          expect: { period: expect.period, orgId: expect.orgUnit },
        });
        const allRejected = [...preRejected, ...rejected].map(rename).sort((a, b) => a.row - b.row);
        const formKeys = [...new Set(writes.map((w) => `${w.period}|${w.orgId}`))];
        const forms = formKeys.map((k) => {
          const [period = '', orgId = ''] = k.split('|');
          return { period, orgUnit: orgId, orgUnitName: allDistricts.find((d) => d.id === orgId)?.name ?? '' };
        });
        const result = { format: table.format, rows: cells.length, written: 0, forms, rejected: allRejected };
        if (allRejected.length > 0 || writes.length === 0) return result;

        const before = await repo.findValuesOf(
          [...new Set(writes.map((w) => w.element))],
          [...new Set(writes.map((w) => w.period))],
          [...new Set(writes.map((w) => w.orgId))],
        );
        const key = (element: string, period: string, orgId: string) => `${element}|${period}|${orgId}`;
        const previous = new Map(before.map((v) => [key(v.dataElementCode, v.period, v.orgId), v.value]));
        const stored = writes.filter((w) => w.value !== null);
        await repo.upsertValuesBulk(
          stored.map((w) => ({
            dataElementCode: w.element,
            period: w.period,
            orgId: w.orgId,
            value: w.value as string,
            comment: w.comment,
            storedBy: actor.name,
            updatedAt: now,
          })),
        );
        // an empty cell clears a stored value; where nothing is stored it is no change and not counted
        const cleared = writes.filter((w) => w.value === null && previous.has(key(w.element, w.period, w.orgId)));
        for (const w of cleared) await repo.deleteValue(w.element, w.period, w.orgId);
        const byForm = new Map<string, typeof writes>();
        for (const w of writes) byForm.set(`${w.period}|${w.orgId}`, [...(byForm.get(`${w.period}|${w.orgId}`) ?? []), w]);
        // one audit entry per form, appended under one chain lock (a CSV may hold hundreds of forms)
        await deps.audit.appendMany(
          tx,
          actor,
          forms.map((form) => {
            const mine = byForm.get(`${form.period}|${form.orgUnit}`) ?? [];
            return {
              action: 'report.values_import',
              entityType: 'data_set',
              entityId: `${code}:${form.period}:${form.orgUnit}`,
              before: mine
                .filter((w) => previous.has(key(w.element, w.period, w.orgId)))
                .map((w) => [w.element, previous.get(key(w.element, w.period, w.orgId))]),
              after: { file: file.name, format: table.format, values: mine.map((w) => [w.element, w.value]) },
            };
          }),
        );
        return { ...result, written: stored.length + cleared.length };
      });
    },
  };
}

export type TransferService = ReturnType<typeof createTransferService>;
