import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  insertEnterprise,
  insertUser,
  login,
  orgByDivision,
  type Session,
  type TestContext,
} from '../../../test/harness.js';
import { importFile, plainWorkbook, testCreditCode, uploadAs } from '../../../test/imports.js';
import { readTable } from '../../platform/tabular/read.js';

const HEADERS = [
  '项目名称',
  '企业统一社会信用代码',
  '国家平台备案号',
  '应用场景（生产环节）',
  '应用场景（辅助环节）',
  '网络运营商',
  '网络模式',
  '总投资（万元）',
  '5G投资（万元）',
  '计划开始日期',
  '计划完成日期',
];
const URL = '/api/projects/import';

// Issue #3 item 6 (Excel) and "Bad input" for projects; item 8 (scope) for imports.
describe('project import and export', () => {
  let ctx: TestContext;
  let admin: Session;
  let officer: Session;
  let enterprise: Session;
  let provider: Session;
  const huangpuCode = testCreditCode(500, '91440112');
  const tianheCode = testCreditCode(501, '91440106');
  const operatorCode = testCreditCode(502, '91440106');
  const count = async (where: string) => (await ctx.database.pool.query(`SELECT count(*)::int AS n FROM project WHERE ${where}`)).rows[0].n;

  beforeAll(async () => {
    ctx = await createTestApp();
    const city = await orgByDivision(ctx, '440100');
    const huangpu = await orgByDivision(ctx, '440112');
    const tianhe = await orgByDivision(ctx, '440106');
    const e1 = await insertEnterprise(ctx, huangpu.id, '黄埔导入智造有限公司', huangpuCode);
    await insertEnterprise(ctx, tianhe.id, '天河导入软件有限公司', tianheCode);
    const op = await insertEnterprise(ctx, tianhe.id, '演示移动广州分公司', operatorCode, 'provider');
    await insertUser(ctx, 'pi.admin', 'city_admin', city.id);
    await insertUser(ctx, 'pi.officer', 'district_officer', huangpu.id);
    await insertUser(ctx, 'pi.ent', 'enterprise_user', e1.id);
    await insertUser(ctx, 'pi.provider', 'provider_user', op.id);
    [admin, officer, enterprise, provider] = (await Promise.all(
      ['pi.admin', 'pi.officer', 'pi.ent', 'pi.provider'].map((u) => login(ctx, u)),
    )) as [Session, Session, Session, Session];
  });
  afterAll(() => ctx.close());

  it('serves a template with scenario and network drop-downs', async () => {
    const res = await enterprise.request('GET', '/api/projects/import-template');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['项目信息', '说明', '代码表']);
    const codes = wb.getWorksheet('代码表')?.getSheetValues().flat() ?? [];
    expect(codes).toEqual(expect.arrayContaining(['机器视觉质检', '虚拟专网', '独立专网', '演示移动广州分公司', '黄埔区']));
  });

  it('reports each bad row once (negative money, unknown scenario, repeated filing id, 5G above total, end before start) and writes nothing in mode all', async () => {
    const good = [
      '5G机器视觉质检导入项目',
      huangpuCode,
      'GD-IMP-0001',
      '机器视觉质检；S04',
      '自定义：5G+AR远程指导',
      '演示移动广州分公司',
      '虚拟专网',
      1200.5,
      '300',
      '2026-01-01',
      '2026/12/31',
    ];
    const row = (over: Partial<Record<number, unknown>>) => good.map((v, i) => (i in over ? over[i] : v));
    const file = await plainWorkbook('项目信息', HEADERS, [
      good,
      row({ 0: '负数投资', 2: 'GD-IMP-0002', 7: '-5', 8: '' }),
      row({ 0: '未知场景', 2: 'GD-IMP-0003', 3: '量子纠缠质检' }),
      row({ 0: '备案号重复', 2: 'GD-IMP-0001' }),
      row({ 0: '5G超总投资', 2: 'GD-IMP-0005', 7: '100', 8: '300' }),
      row({ 0: '结束早于开始', 2: 'GD-IMP-0006', 9: '2026-06-01', 10: '2026-01-01' }),
      row({ 0: '天河企业项目', 1: tianheCode, 2: 'GD-IMP-0007', 5: operatorCode, 6: '独立专网', 3: '', 4: '' }),
    ]);
    const all = await importFile(ctx, admin, URL, '项目.xlsx', file);
    expect(all).toMatchObject({ status: 'succeeded', result: { mode: 'all', rows: 7, valid: 2, created: 0 } });
    expect(all.result?.rejected.map((r) => [r.row, r.column, r.rule])).toEqual([
      [3, '总投资（万元）', 'non_negative'],
      [4, '应用场景（生产环节）', 'code_list'],
      [5, '国家平台备案号', 'duplicate_in_file'],
      [6, '5G投资（万元）', 'within_total'],
      [7, '计划完成日期', 'after_start'],
    ]);
    expect(all.result?.rejected[1]?.message).toContain('量子纠缠质检');
    expect(await count("filing_id LIKE 'GD-IMP-%'")).toBe(0);

    const valid = await importFile(ctx, admin, `${URL}?mode=valid`, '项目.xlsx', file);
    expect(valid.result).toMatchObject({ mode: 'valid', created: 2 });
    expect(valid.progress).toBe(valid.total);
    const list = (await admin.request('GET', '/api/projects?q=5G机器视觉质检导入项目')).json();
    expect(list.total).toBe(1);
    const p = list.items[0];
    expect(p).toMatchObject({
      state: 'draft',
      enterpriseName: '黄埔导入智造有限公司',
      districtName: '黄埔区',
      filingId: 'GD-IMP-0001',
      operatorName: '演示移动广州分公司',
      networkMode: 'virtual',
      investmentTotal: '1200.50',
      investment5g: '300.00',
      plannedStart: '2026-01-01',
      plannedEnd: '2026-12-31',
      scenarios: [
        { code: 'S06', category: 'main_production' },
        { code: 'S04', category: 'main_production' },
        { code: null, customName: '5G+AR远程指导', category: 'auxiliary' },
      ],
    });
    expect(p.code).toMatch(/^XM\d{4}\d{6}$/);
    const events = (await admin.request('GET', `/api/projects/${p.id}/events`)).json();
    expect(events.map((e: { action: string }) => e.action)).toEqual(['create']);
    const audit = (await admin.request('GET', `/api/audit?entityId=${p.id}`)).json().items;
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['project.create']);
    expect((await admin.request('GET', '/api/audit/verify')).json().ok).toBe(true);
    // a declared-by-import project goes through the lifecycle like any other
    const submit = await enterprise.request('POST', `/api/projects/${p.id}/transitions`, { version: p.version, action: 'submit' });
    expect(submit.statusCode, submit.body).toBe(200);

    // the export carries the same columns back, scenarios by name per category
    const exported = await admin.request('GET', '/api/projects/export?q=导入');
    expect(exported.statusCode).toBe(200);
    const table = await readTable('x.xlsx', exported.rawPayload, { maxRows: 10 });
    const cells = table.rows.map((r) => Object.fromEntries(table.headers.map((h, i) => [h, r.values[i]])));
    expect(cells).toContainEqual(
      expect.objectContaining({
        项目名称: '5G机器视觉质检导入项目',
        企业统一社会信用代码: huangpuCode,
        '应用场景（生产环节）': '机器视觉质检；柔性生产制造',
        '应用场景（辅助环节）': '自定义：5G+AR远程指导',
        网络模式: '虚拟专网',
        '总投资（万元）': '1200.5',
        状态: '已申报',
      }),
    );
    // the project code first and the worded state last (#12 item 7); the file goes back in as it is
    expect(table.headers[0]).toBe('项目编号');
    expect(table.headers.at(-1)).toBe('状态');
    expect(cells.every((c) => /^\S+$/.test(String(c.项目编号)))).toBe(true);
    const again = await uploadAs(ctx, admin, `${URL}?mode=valid`, '项目清单.xlsx', exported.rawPayload);
    expect(again.statusCode, again.body).toBe(202);
  });

  it('lets an enterprise user import only for its own enterprise', async () => {
    const file = await plainWorkbook(
      '项目信息',
      ['项目名称', '企业统一社会信用代码', '国家平台备案号'],
      [
        ['本企业导入项目', '', 'GD-ENT-0001'],
        ['冒名导入项目', tianheCode, 'GD-ENT-0002'],
      ],
    );
    const job = await importFile(ctx, enterprise, `${URL}?mode=valid`, '项目.xlsx', file);
    expect(job.result?.created).toBe(1);
    expect(job.result?.rejected).toEqual([expect.objectContaining({ row: 3, column: '企业统一社会信用代码', rule: 'own' })]);
    expect((await enterprise.request('GET', '/api/projects?q=本企业导入项目')).json().items[0].enterpriseName).toBe('黄埔导入智造有限公司');
  });

  it('keeps a district officer to the district, and providers out', async () => {
    const file = await plainWorkbook(
      '项目信息',
      ['项目名称', '企业统一社会信用代码', '企业名称'],
      [
        ['区内导入项目', huangpuCode, '黄埔导入智造有限公司'],
        ['区外导入项目', tianheCode, ''],
        ['名称不符项目', huangpuCode, '别的公司'],
      ],
    );
    const job = await importFile(ctx, officer, URL, '项目.xlsx', file);
    expect(job.result?.rejected.map((r) => [r.row, r.column, r.rule])).toEqual([
      [3, '企业统一社会信用代码', 'exists'],
      [4, '企业名称', 'enterprise_name'],
    ]);
    expect(job.result?.created).toBe(0);
    expect((await uploadAs(ctx, provider, URL, '项目.xlsx', file)).statusCode).toBe(403);
  });
});
