import { CSRF_HEADER, SESSION_COOKIE } from '@suilian/contracts';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  insertEnterprise,
  insertUser,
  login,
  multipartFile,
  orgByDivision,
  type Session,
  type TestContext,
} from '../../../../test/harness.js';
import { manualClock } from '../../../platform/clock.js';

// Issue #4 items 4 and 5: batch validation, the Excel template round trip and DHIS2 CSV, with every
// bad input the issue lists refused cell by cell and nothing written.
describe('batch validation, Excel templates and DHIS2 CSV', () => {
  const clock = manualClock(new Date('2026-02-03T02:00:00Z'));
  let ctx: TestContext;
  let admin: Session;
  let huangpuOfficer: Session;
  let tianheOfficer: Session;
  let ent: Session;
  let huangpu: string;
  let tianhe: string;

  const put = (org: string, element: string, period: string, value: string) =>
    ctx.database.pool.query(
      'INSERT INTO data_value (data_element_code, period, org_id, value, stored_by, updated_at) VALUES ($1, $2, $3, $4, $5, now())',
      [element, period, org, value, 'seed'],
    );
  const stored = async (org: string, period: string) => {
    const { rows } = await ctx.database.pool.query(
      'SELECT data_element_code AS e, value FROM data_value WHERE org_id = $1 AND period = $2 ORDER BY 1',
      [org, period],
    );
    return Object.fromEntries(rows.map((r) => [r.e, r.value]));
  };
  const upload = (s: Session, query: string, name: string, content: Buffer) => {
    const { payload, headers } = multipartFile(name, content);
    return ctx.app.inject({
      method: 'POST',
      url: `/api/reporting/data-values/import?${query}`,
      payload,
      headers: { ...headers, [CSRF_HEADER]: s.csrf },
      cookies: { [SESSION_COOKIE]: s.cookie },
    });
  };
  const template = async (s: Session, period: string, org?: string) => {
    const res = await s.request('GET', `/api/reporting/forms/DISTRICT_MONTHLY/${period}/template${org ? `?orgUnit=${org}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    return workbook;
  };
  /** Sets 数值 (and 备注) of the rows whose 数据元代码 is named. */
  const fill = (workbook: ExcelJS.Workbook, values: Record<string, string | number>, column = 10) => {
    const sheet = workbook.getWorksheet('报送数据') as ExcelJS.Worksheet;
    sheet.eachRow((row, n) => {
      const code = String(row.getCell(6).value);
      if (n > 1 && code in values) row.getCell(column).value = values[code] as string | number;
    });
  };
  const bytes = async (workbook: ExcelJS.Workbook) => Buffer.from(await workbook.xlsx.writeBuffer());

  beforeAll(async () => {
    ctx = await createTestApp({ clock });
    const city = await orgByDivision(ctx, '440100');
    huangpu = (await orgByDivision(ctx, '440112')).id;
    tianhe = (await orgByDivision(ctx, '440106')).id;
    const e = await insertEnterprise(ctx, huangpu, '导入企业', '91440112MA59B7XH31');
    await insertUser(ctx, 't.admin', 'city_admin', city.id);
    await insertUser(ctx, 't.hp', 'district_officer', huangpu);
    await insertUser(ctx, 't.th', 'district_officer', tianhe);
    await insertUser(ctx, 't.ent', 'enterprise_user', e.id);
    [admin, huangpuOfficer, tianheOfficer, ent] = (await Promise.all(['t.admin', 't.hp', 't.th', 't.ent'].map((u) => login(ctx, u)))) as [
      Session,
      Session,
      Session,
      Session,
    ];
    await put(huangpu, 'BS5G_TOTAL', '202512', '1100');
    await put(huangpu, 'BS5G_TOTAL', '202601', '1000');
    await put(tianhe, 'BS5G_TOTAL', '202601', '100');
    await put(tianhe, 'BS5G_MACRO', '202601', '60');
    await put(tianhe, 'BS5G_SMALL', '202601', '30');
  });
  afterAll(() => ctx.close());

  describe('batch validation', () => {
    const url = '/api/reporting/validation/batch?dataSet=DISTRICT_MONTHLY&from=202512&to=202601';

    it('returns the violations rule by rule with district, period, both values and the operator', async () => {
      const res = await admin.request('GET', url);
      expect(res.statusCode, res.body).toBe(200);
      const result = res.json();
      expect(result).toMatchObject({ dataSet: 'DISTRICT_MONTHLY', periods: ['202512', '202601'], rules: 4 });
      expect(result.orgUnits).toBeGreaterThanOrEqual(11);
      expect(result.evaluations).toBe(result.orgUnits * 2 * 4);
      expect(result.violations.map((v: Record<string, unknown>) => [v.rule, v.orgUnitName, v.period, v.left, v.operator, v.right])).toEqual(
        [
          ['BS5G_CATEGORIES_SUM', '天河区', '202601', 90, 'equal_to', 100],
          ['BS5G_NEVER_FALLS', '黄埔区', '202601', 1000, 'greater_than_or_equal_to', 1100],
        ],
      );
    });

    it('keeps a district officer to its own district', async () => {
      const own = (await huangpuOfficer.request('GET', url)).json();
      expect(own.orgUnits).toBe(1);
      expect(own.violations.map((v: { rule: string }) => v.rule)).toEqual(['BS5G_NEVER_FALLS']);
      expect((await huangpuOfficer.request('GET', `${url}&orgUnit=${tianhe}`)).statusCode).toBe(404);
      expect((await ent.request('GET', url)).statusCode).toBe(403);
    });

    it('refuses a range of the wrong period type or backwards, naming the field', async () => {
      const quarter = await admin.request('GET', '/api/reporting/validation/batch?dataSet=DISTRICT_MONTHLY&from=2025Q4&to=202601');
      expect(quarter.statusCode).toBe(422);
      expect(quarter.json().error.details.issues[0]).toMatchObject({ field: 'from', rule: 'period_type' });
      const backwards = await admin.request('GET', '/api/reporting/validation/batch?dataSet=DISTRICT_MONTHLY&from=202601&to=202512');
      expect(backwards.json().error.details.issues[0]).toMatchObject({ field: 'to', rule: 'range' });
    });

    it('exports the violations as .xlsx', async () => {
      const res = await admin.request('GET', url.replace('/batch?', '/batch/export?'));
      expect(res.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('校验结果') as ExcelJS.Worksheet;
      expect(sheet.getRow(1).values).toContain('规则代码');
      expect(sheet.getRow(3).getCell(1).value).toBe('BS5G_NEVER_FALLS');
      expect(sheet.getRow(3).getCell(4).value).toBe('黄埔区');
    });
  });

  describe('Excel template', () => {
    it('pre-fills the stored values with codes, names and units; only 数值 and 备注 are unlocked', async () => {
      const workbook = await template(huangpuOfficer, '202601');
      const sheet = workbook.getWorksheet('报送数据') as ExcelJS.Worksheet;
      expect(sheet.getRow(1).values).toEqual([
        undefined,
        '数据集',
        '期间',
        '区划代码',
        '区',
        '分组',
        '数据元代码',
        '数据元名称',
        '单位',
        '值类型',
        '数值',
        '备注',
      ]);
      const row = sheet.getRow(2);
      expect([row.getCell(1).value, row.getCell(2).value, row.getCell(3).value, row.getCell(6).value, row.getCell(10).value]).toEqual([
        'DISTRICT_MONTHLY',
        '202601',
        '440112',
        'BS5G_TOTAL',
        1000,
      ]);
      expect(row.getCell(7).value).toBe('5G基站累计数');
      // exceljs reads back only unlocked cells (locked is the default); the sheet itself is protected
      expect((sheet as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
      expect(row.getCell(6).protection?.locked).not.toBe(false);
      expect(row.getCell(10).protection?.locked).toBe(false);
      expect(row.getCell(11).protection?.locked).toBe(false);
      expect(sheet.rowCount).toBe(11);
    });

    it('round trip: download, fill with exceljs, upload — the values are stored and the change audited', async () => {
      const workbook = await template(huangpuOfficer, '202601');
      fill(workbook, { BS5G_TOTAL: 1200, BS5G_MACRO: 800, BS5G_SMALL: 400, FIBRE_GIGABIT_COVERAGE: 98.5 });
      fill(workbook, { BS5G_TOTAL: '含 3 个室分站' }, 11);
      const res = await upload(
        huangpuOfficer,
        `dataSet=DISTRICT_MONTHLY&period=202601&orgUnit=${huangpu}`,
        'filled.xlsx',
        await bytes(workbook),
      );
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        format: 'xlsx',
        rows: 10,
        written: 4,
        rejected: [],
        forms: [{ period: '202601', orgUnitName: '黄埔区' }],
      });
      expect(await stored(huangpu, '202601')).toEqual({
        BS5G_MACRO: '800',
        BS5G_SMALL: '400',
        BS5G_TOTAL: '1200',
        FIBRE_GIGABIT_COVERAGE: '98.5',
      });
      const form = (await huangpuOfficer.request('GET', '/api/reporting/forms/DISTRICT_MONTHLY/202601')).json();
      expect(form.cells.find((c: { element: string }) => c.element === 'BS5G_TOTAL')).toMatchObject({
        value: '1200',
        comment: '含 3 个室分站',
      });
      const { rows } = await ctx.database.pool.query("SELECT entity_id FROM audit_log WHERE action = 'report.values_import'");
      expect(rows).toEqual([{ entity_id: `DISTRICT_MONTHLY:202601:${huangpu}` }]);
    });

    it('rejects values of the wrong type cell by cell and writes nothing', async () => {
      const workbook = await template(huangpuOfficer, '202601');
      fill(workbook, { BS5G_TOTAL: 1300, BS5G_MACRO: '八百', FIBRE_GIGABIT_COVERAGE: 120 });
      const res = await upload(huangpuOfficer, 'dataSet=DISTRICT_MONTHLY', 'bad.xlsx', await bytes(workbook));
      expect(res.statusCode).toBe(200);
      expect(res.json().written).toBe(0);
      expect(res.json().rejected).toEqual([
        {
          row: 3,
          column: '数值',
          element: 'BS5G_MACRO',
          rule: 'integer',
          message: '其中：宏基站: "八百" is not a whole number of zero or more',
          reason: { code: 'transfer.integer', params: { element: '其中：宏基站', period: '202601', value: '八百' } },
        },
        {
          row: 7,
          column: '数值',
          element: 'FIBRE_GIGABIT_COVERAGE',
          rule: 'percentage',
          message: '千兆光网覆盖率: "120" is not a percentage from 0 to 100 with at most 2 decimals',
          reason: { code: 'transfer.percentage', params: { element: '千兆光网覆盖率', period: '202601', value: '120' } },
        },
      ]);
      expect((await stored(huangpu, '202601')).BS5G_TOTAL).toBe('1200');
    });

    it('rejects a period outside the entry window, naming why', async () => {
      const expired = await template(admin, '202512', huangpu);
      fill(expired, { BS5G_TOTAL: 1150 });
      const late = (await upload(admin, 'dataSet=DISTRICT_MONTHLY', 'late.xlsx', await bytes(expired))).json();
      expect(late.written).toBe(0);
      expect(late.rejected[0]).toMatchObject({
        row: 2,
        column: '期间',
        rule: 'locked_expired',
        message: '黄埔区 202512: the entry deadline has passed',
      });
      const future = await template(huangpuOfficer, '202602');
      fill(future, { BS5G_TOTAL: 1400 });
      const early = (await upload(huangpuOfficer, 'dataSet=DISTRICT_MONTHLY', 'early.xlsx', await bytes(future))).json();
      expect(early.rejected[0]).toMatchObject({ rule: 'locked_future' });
      expect(await stored(huangpu, '202602')).toEqual({});
    });

    it('rejects a file for another data set or another district', async () => {
      const other = await template(huangpuOfficer, '202601');
      const sheet = other.getWorksheet('报送数据') as ExcelJS.Worksheet;
      sheet.getCell('A2').value = 'CITY_QUARTERLY';
      const wrongSet = (await upload(huangpuOfficer, 'dataSet=DISTRICT_MONTHLY', 'other.xlsx', await bytes(other))).json();
      expect(wrongSet.rejected).toEqual([
        {
          row: 2,
          column: '数据集',
          element: 'BS5G_TOTAL',
          rule: 'wrong_data_set',
          message: 'the file is a template of data set CITY_QUARTERLY, not DISTRICT_MONTHLY',
          reason: { code: 'transfer.wrong_data_set', params: { element: 'BS5G_TOTAL', period: '', value: 'CITY_QUARTERLY' } },
        },
      ]);
      const huangpuFile = await template(huangpuOfficer, '202601');
      fill(huangpuFile, { BS5G_TOTAL: 1500 });
      const foreign = (await upload(tianheOfficer, 'dataSet=DISTRICT_MONTHLY', 'hp.xlsx', await bytes(huangpuFile))).json();
      expect(foreign.written).toBe(0);
      expect(foreign.rejected[0]).toMatchObject({ column: '区划代码', rule: 'scope', message: 'you may not report for 黄埔区 (440112)' });
      const chosen = (
        await upload(admin, `dataSet=DISTRICT_MONTHLY&period=202601&orgUnit=${tianhe}`, 'hp.xlsx', await bytes(huangpuFile))
      ).json();
      expect(chosen.rejected[0]).toMatchObject({ rule: 'wrong_district' });
      expect((await stored(huangpu, '202601')).BS5G_TOTAL).toBe('1200');
    });

    it('refuses a sheet that is not the template, and enterprise users', async () => {
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('Sheet1').addRow(['a', 'b']);
      const res = await upload(admin, 'dataSet=DISTRICT_MONTHLY', 'other.xlsx', await bytes(workbook));
      expect(res.statusCode).toBe(422);
      expect(res.json().error.details.issues[0]).toMatchObject({ field: 'file', rule: 'header' });
      expect((await upload(ent, 'dataSet=DISTRICT_MONTHLY', 'x.xlsx', await bytes(workbook))).statusCode).toBe(403);
      expect((await ent.request('GET', `/api/reporting/forms/DISTRICT_MONTHLY/202601/template?orgUnit=${huangpu}`)).statusCode).toBe(403);
    });
  });

  describe('DHIS2 CSV', () => {
    const exportUrl = '/api/reporting/data-values/export?dataSet=DISTRICT_MONTHLY&from=202601&to=202601';

    it('round trip: export, change the data, import the export — the values are back as exported', async () => {
      const first = await admin.request('GET', exportUrl);
      expect(first.statusCode).toBe(200);
      expect(first.headers['content-type']).toContain('text/csv');
      expect(first.body).toContain('dataelement,period,orgunit,value,comment');
      expect(first.body).toContain('BS5G_TOTAL,202601,440112,1200,含 3 个室分站');
      expect(first.body).toContain('BS5G_MACRO,202601,440106,60,');
      await ctx.database.pool.query("UPDATE data_value SET value = '1' WHERE period = '202601'");
      const res = await upload(admin, 'dataSet=DISTRICT_MONTHLY', 'values.csv', first.rawPayload);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ format: 'csv', rows: 7, written: 7, rejected: [] });
      expect((await admin.request('GET', exportUrl)).body).toBe(first.body);
    });

    it('honours a lock exception the city granted, like the form does', async () => {
      const csv = Buffer.from('dataelement,period,orgunit,value,comment\nBS5G_TOTAL,202512,440112,1150,补报\n');
      const before = (await upload(huangpuOfficer, 'dataSet=DISTRICT_MONTHLY', 'late.csv', csv)).json();
      expect(before.rejected[0]).toMatchObject({ rule: 'locked_expired' });
      const grant = await admin.request('POST', '/api/reporting/lock-exceptions', {
        dataSet: 'DISTRICT_MONTHLY',
        period: '202512',
        orgUnit: huangpu,
        reason: '补报十二月数据',
        expiresOn: '2026-02-10',
      });
      expect(grant.statusCode, grant.body).toBe(201);
      const after = (await upload(huangpuOfficer, 'dataSet=DISTRICT_MONTHLY', 'late.csv', csv)).json();
      expect(after).toMatchObject({ written: 1, rejected: [] });
      expect((await stored(huangpu, '202512')).BS5G_TOTAL).toBe('1150');
    });

    it('reads GBK and keeps an officer to its own district', async () => {
      const text =
        'dataelement,period,orgunit,value,comment\r\nEDGE_NODE_NEW,202601,440112,2,黄埔新增\r\nEDGE_NODE_NEW,202601,440106,5,天河\r\n';
      const res = (await upload(huangpuOfficer, 'dataSet=DISTRICT_MONTHLY', 'gbk.csv', iconv.encode(text, 'gbk'))).json();
      expect(res.written).toBe(0);
      expect(res.rejected).toEqual([
        {
          row: 3,
          column: 'orgunit',
          element: 'EDGE_NODE_NEW',
          rule: 'scope',
          message: 'you may not report for 天河区 (440106)',
          reason: { code: 'transfer.scope', params: { district: '天河区', element: '本期新增边缘计算节点', period: '202601', value: '5' } },
        },
      ]);
      const own = await upload(
        huangpuOfficer,
        'dataSet=DISTRICT_MONTHLY',
        'gbk.csv',
        iconv.encode(text.split('\r\n').slice(0, 2).join('\r\n'), 'gbk'),
      );
      expect(own.json()).toMatchObject({ written: 1, rejected: [] });
      const { rows } = await ctx.database.pool.query(
        "SELECT comment FROM data_value WHERE data_element_code = 'EDGE_NODE_NEW' AND org_id = $1",
        [huangpu],
      );
      expect(rows).toEqual([{ comment: '黄埔新增' }]);
    });

    it('lists every bad row — element, period, district, type, lock, duplicate — and writes none of the good ones', async () => {
      await ctx.database.pool.query(
        "INSERT INTO data_registration (data_set_code, period, org_id, state, approved_by, approved_at) VALUES ('DISTRICT_MONTHLY', '202601', $1, 'approved', 't.th', now())",
        [tianhe],
      );
      const csv = [
        'dataelement,period,orgunit,value,comment',
        'BS5G_TOTAL,202601,440112,1300,',
        'NO_SUCH,202601,440112,1,',
        'BS5G_TOTAL,2026Q1,440112,1,',
        'BS5G_TOTAL,202601,999999,1,',
        'BS5G_TOTAL,202601,440112,1.5,',
        'BS5G_TOTAL,202601,440106,101,',
        'BS5G_TOTAL,202601,440112,1300,',
      ].join('\n');
      const res = (await upload(admin, 'dataSet=DISTRICT_MONTHLY', 'bad.csv', Buffer.from(csv))).json();
      expect(res.written).toBe(0);
      expect(res.rejected.map((r: { row: number; rule: string }) => `${r.row}:${r.rule}`)).toEqual([
        '3:unknown_element',
        '4:period',
        '5:unknown_orgunit',
        '6:integer',
        '7:locked_approved',
        '8:duplicate',
      ]);
      expect(res.rejected[4].message).toBe('天河区 202601: the form is approved and locked');
      expect((await stored(huangpu, '202601')).BS5G_TOTAL).toBe('1200');
    });
  });
});
