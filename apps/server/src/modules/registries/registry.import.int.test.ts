import { patentCheckChar, REGISTRY_KEYS, type RegistryKey } from '@suilian/contracts';
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

/** A valid patent application number: year, type digit (1 invention, 2 utility model), serial, check character. */
function patent(year: number, type: 1 | 2 | 3, serial: number): string {
  const digits = `${year}${type}${String(serial).padStart(7, '0')}`;
  return `${digits}.${patentCheckChar(digits)}`;
}

/** A record as the API shows it, without what a database assigns; the test platform by title. */
function comparable(r: Record<string, unknown>, platformTitle: Map<string, string>) {
  const { id, orgId, districtId, version, createdAt, updatedAt, confirmation, ...rest } = r;
  const data = { ...(rest.data as Record<string, unknown>) };
  if (typeof data.platformId === 'string') data.platformId = platformTitle.get(data.platformId);
  // Confirmation is not in the sheet: an import is an entry by the importing account, confirmed at
  // entry when a district or city user imports (#12 item 5), so it is left out of the comparison.
  return { ...rest, data };
}

async function listAll(session: Session, key: RegistryKey) {
  return (await session.request('GET', `/api/${key}?q=${encodeURIComponent('往返')}&sort=title&pageSize=100`)).json().items as Array<
    Record<string, unknown>
  >;
}

async function sheetRows(content: Buffer) {
  const table = await readTable('x.xlsx', content, { maxRows: 100 });
  return table.rows.map((r) => Object.fromEntries(table.headers.map((h, i) => [h, r.values[i] ?? ''])));
}

const PATENT_HEADERS = [
  '专利名称',
  '所属单位统一社会信用代码',
  '登记日期',
  '专利号（申请号）',
  '专利类型',
  '申请日期',
  '授权日期',
  '专利权人',
];

// Issue #3 item 6 (Excel) for the eleven ecosystem registries, with the registry service's scope (item 8).
describe('registry import and export', () => {
  let ctx: TestContext;
  let admin: Session;
  let officer: Session;
  let enterprise: Session;
  let auditor: Session;
  const huangpuCode = testCreditCode(800, '91440112');
  const tianheCode = testCreditCode(801, '91440106');

  beforeAll(async () => {
    ctx = await createTestApp();
    const city = await orgByDivision(ctx, '440100');
    const huangpu = await orgByDivision(ctx, '440112');
    const tianhe = await orgByDivision(ctx, '440106');
    const e1 = await insertEnterprise(ctx, huangpu.id, '黄埔登记导入有限公司', huangpuCode);
    await insertEnterprise(ctx, tianhe.id, '天河登记导入有限公司', tianheCode);
    await insertUser(ctx, 'ri.admin', 'city_admin', city.id);
    await insertUser(ctx, 'ri.officer', 'district_officer', huangpu.id);
    await insertUser(ctx, 'ri.ent', 'enterprise_user', e1.id);
    await insertUser(ctx, 'ri.auditor', 'auditor', city.id);
    [admin, officer, enterprise, auditor] = (await Promise.all(
      ['ri.admin', 'ri.officer', 'ri.ent', 'ri.auditor'].map((u) => login(ctx, u)),
    )) as [Session, Session, Session, Session];
  });
  afterAll(() => ctx.close());

  it('serves a template for every registry, with Chinese headers and value drop-downs', async () => {
    for (const key of REGISTRY_KEYS) {
      const res = await auditor.request('GET', `/api/${key}/import-template`);
      expect(res.statusCode, key).toBe(200);
    }
    const res = await auditor.request('GET', '/api/patents/import-template');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('专利导入模板.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['专利', '说明', '代码表']);
    expect(((wb.getWorksheet('专利')?.getRow(1).values ?? []) as string[]).slice(1)).toEqual([
      '专利名称',
      '所属单位统一社会信用代码',
      '所属单位名称',
      '登记日期',
      '专利号（申请号）',
      '专利类型',
      '申请日期',
      '授权日期',
      '专利权人',
    ]);
    expect(wb.getWorksheet('代码表')?.getSheetValues().flat()).toEqual(expect.arrayContaining(['发明专利', '实用新型', '外观设计']));
    expect((await auditor.request('POST', '/api/patents/import')).statusCode).toBe(403);
  });

  it('export → import into a fresh database gives the same records, for all eleven registries', async () => {
    const e1 = { orgId: (await ctx.database.pool.query('SELECT id FROM organisation WHERE credit_code = $1', [huangpuCode])).rows[0].id };
    const post = async (session: Session, key: RegistryKey, body: object) => {
      const res = await session.request('POST', `/api/${key}`, body);
      expect(res.statusCode, `${key} ${res.body}`).toBe(201);
      return res.json();
    };
    await post(enterprise, 'patents', {
      title: '往返一种5G视觉检测方法',
      date: '2024-02-01',
      data: {
        number: patent(2023, 1, 4711),
        kind: 'invention',
        applicationDate: '2023-05-06',
        grantDate: '2024-01-30',
        owner: '黄埔登记导入有限公司',
      },
    });
    await post(officer, 'patents', {
      title: '往返一种工业网关',
      date: '2024-03-01',
      data: { number: patent(2023, 2, 815), kind: 'utility_model', applicationDate: '2023-07-01', owner: '某大学' },
    });
    await post(admin, 'standards', {
      ...e1,
      title: '往返5G工业网关技术要求',
      date: '2025-01-01',
      data: { level: 'group', role: 'led', number: 'T/GZ 001-2025', status: 'published' },
    });
    await post(admin, 'pilot-projects', {
      title: '往返5G全连接工厂试点',
      date: '2025-06-01',
      data: { listName: '工业互联网试点示范名单', level: 'national', year: 2025 },
    });
    await post(enterprise, 'carriers', {
      title: '往返现代产业学院',
      date: '2024-09-01',
      data: { kind: 'industry_college', partnerSchool: '广州某职业技术学院' },
    });
    await post(officer, 'platforms', {
      title: '往返公共服务平台',
      date: '2024-04-01',
      data: { operator: '某运营公司', sector: '汽车', launchDate: '2024-05-01' },
    });
    await post(admin, 'events', {
      title: '往返百城千园行',
      date: '2026-05-20',
      data: { kind: 'hundred_cities', organiser: '市工信局', attendance: 320 },
    });
    await post(officer, 'trainings', {
      title: '往返技能培训',
      date: '2026-04-10',
      data: {
        organiser: '黄埔区工信局',
        endDate: '2026-04-12',
        trainees: [
          { name: '张三', organisation: '黄埔登记导入有限公司', completed: true },
          { name: '李四', completed: false },
        ],
      },
    });
    await post(enterprise, 'research', {
      title: '往返RedCap攻关',
      date: '2025-03-01',
      data: { topic: 'redcap', leadOrganisation: '某研究院' },
    });
    await post(enterprise, 'products', {
      title: '往返5G模组',
      date: '2025-08-01',
      data: { category: 'module', model: 'M-100', vendor: '某通信' },
    });
    const platform = await post(officer, 'test-platforms', {
      title: '往返中试平台',
      date: '2025-01-01',
      data: { operator: '某中试', scope: '模组测试' },
    });
    await post(officer, 'test-records', {
      title: '往返模组互通测试',
      date: '2025-02-01',
      data: { platformId: platform.id, subject: 'RedCap模组', result: 'conditional' },
    });

    const exports = new Map<RegistryKey, Buffer>();
    for (const key of REGISTRY_KEYS) {
      const res = await admin.request('GET', `/api/${key}/export?q=往返`);
      expect(res.statusCode, key).toBe(200);
      exports.set(key, res.rawPayload);
    }
    expect(await sheetRows(exports.get('trainings') as Buffer)).toEqual([
      expect.objectContaining({ 培训名称: '往返技能培训', 所属单位名称: '黄埔区', 学员名单: '张三|黄埔登记导入有限公司|是\n李四||否' }),
    ]);
    expect(await sheetRows(exports.get('standards') as Buffer)).toEqual([
      expect.objectContaining({ 所属单位统一社会信用代码: huangpuCode, 标准级别: '团体标准', 参与方式: '主导', 标准状态: '已发布' }),
    ]);
    const titles = new Map([[platform.id as string, '往返中试平台']]);
    const before = new Map<RegistryKey, unknown>();
    for (const key of REGISTRY_KEYS)
      before.set(
        key,
        (await listAll(admin, key)).map((r) => comparable(r, titles)),
      );

    const fresh = await createTestApp();
    try {
      await insertEnterprise(fresh, (await orgByDivision(fresh, '440112')).id, '黄埔登记导入有限公司', huangpuCode);
      await insertUser(fresh, 'ri.fresh', 'city_admin', (await orgByDivision(fresh, '440100')).id);
      const freshAdmin = await login(fresh, 'ri.fresh');
      // test platforms before the test records that name them (REGISTRY_KEYS has that order)
      for (const key of REGISTRY_KEYS) {
        const job = await importFile(fresh, freshAdmin, `/api/${key}/import`, `${key}.xlsx`, exports.get(key) as Buffer);
        expect(job.result, key).toMatchObject({ mode: 'all', rejected: [], created: key === 'patents' ? 2 : 1 });
      }
      const freshPlatform = (await listAll(freshAdmin, 'test-platforms'))[0]?.id as string;
      const freshTitles = new Map([[freshPlatform, '往返中试平台']]);
      for (const key of REGISTRY_KEYS) {
        expect(
          (await listAll(freshAdmin, key)).map((r) => comparable(r, freshTitles)),
          key,
        ).toEqual(before.get(key));
        const again = await freshAdmin.request('GET', `/api/${key}/export?q=往返`);
        expect(await sheetRows(again.rawPayload), key).toEqual(await sheetRows(exports.get(key) as Buffer));
      }
    } finally {
      await fresh.close();
    }
  });

  it('reports each bad patent row once by column and rule, writes nothing in mode all and the good rows in mode valid', async () => {
    const good = [
      '导入专利甲',
      huangpuCode,
      '2024-01-01',
      `ZL${patent(2022, 1, 1001)}`,
      '发明专利',
      '2022-03-04',
      '',
      '黄埔登记导入有限公司',
    ];
    const row = (over: Partial<Record<number, unknown>>) => good.map((v, i) => (i in over ? over[i] : v));
    const badCheck = patent(2022, 1, 1002).replace(/.$/, (c) => (c === '1' ? '2' : '1'));
    const file = await plainWorkbook('专利', PATENT_HEADERS, [
      good,
      row({ 0: '校验位错误', 3: badCheck }),
      row({ 0: '文件内重复', 3: patent(2022, 1, 1001) }),
      row({ 0: '日期格式错', 3: patent(2022, 1, 1003), 5: '2022年13月40日' }),
      row({ 0: '未知类型', 3: patent(2022, 1, 1004), 4: '商标' }),
      row({ 0: '范围外单位', 1: tianheCode, 3: patent(2022, 1, 1005) }),
      row({ 0: '导入专利乙', 1: '', 3: patent(2022, 2, 1006), 4: '实用新型', 6: '2023-01-01' }),
    ]);
    const url = '/api/patents/import';
    const all = await importFile(ctx, officer, url, '专利.xlsx', file);
    expect(all).toMatchObject({ status: 'succeeded', result: { mode: 'all', rows: 7, valid: 2, created: 0 } });
    expect(all.result?.rejected.map((r) => [r.row, r.column, r.rule])).toEqual([
      [3, '专利号（申请号）', 'patent_number'],
      [4, '专利号（申请号）', 'duplicate_in_file'],
      [5, '申请日期', 'date'],
      [6, '专利类型', 'choice'],
      [7, '所属单位统一社会信用代码', 'exists'],
    ]);
    expect(all.result?.rejected[0]?.message).toContain('check digit');
    expect(all.result?.rejected[1]?.message).toContain('row 2');
    expect(all.progress).toBe(all.total);
    const count = async () =>
      (await ctx.database.pool.query("SELECT count(*)::int AS n FROM registry_record WHERE title LIKE '导入专利%'")).rows[0].n;
    expect(await count()).toBe(0);

    const valid = await importFile(ctx, officer, `${url}?mode=valid`, '专利.xlsx', file);
    expect(valid.result).toMatchObject({ mode: 'valid', valid: 2, created: 2 });
    const created = (await officer.request('GET', '/api/patents?q=导入专利&sort=title')).json().items;
    expect(created.map((r: { title: string; orgName: string; kind: string }) => [r.title, r.orgName, r.kind])).toEqual([
      ['导入专利乙', '黄埔区', 'utility_model'],
      ['导入专利甲', '黄埔登记导入有限公司', 'invention'],
    ]);
    expect(created[1].data.number).toBe(patent(2022, 1, 1001));
    const audit = (await admin.request('GET', `/api/audit?entityId=${created[0].id}`)).json().items;
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['patents.create']);
    expect(audit[0].after).toMatchObject({ title: '导入专利乙', importJobId: valid.id });
    const summary = (await admin.request('GET', `/api/audit?action=patents.import&entityId=${valid.id}`)).json().items;
    expect(summary[0].after).toMatchObject({ created: 2, mode: 'valid' });
    expect((await admin.request('GET', '/api/audit/verify')).json().ok).toBe(true);

    // the same file again: the numbers written are now registered
    const repeat = await importFile(ctx, officer, `${url}?mode=valid`, '专利.xlsx', file);
    expect(repeat.result?.rejected.filter((r) => r.rule === 'duplicate').map((r) => r.row)).toEqual([2, 4, 8]);
  });

  it('checks the other registries’ own rules: enum labels, trainee lines, standard numbers, vendor + model', async () => {
    const events = await importFile(
      ctx,
      admin,
      '/api/events/import',
      '活动.xlsx',
      await plainWorkbook(
        '活动',
        ['活动名称', '举办日期', '活动类型', '主办单位', '参会人数'],
        [
          ['导入交流会', '2026/6/1', '交流会议', '市工信局', '120'],
          ['导入论坛', '2026-06-02', '论坛', '市工信局', '80'],
          ['导入负人数', '2026-06-03', '案例发布', '市工信局', '-1'],
        ],
      ),
    );
    expect(events.result?.rejected.map((r) => [r.row, r.column, r.rule])).toEqual([
      [3, '活动类型', 'choice'],
      [4, '参会人数', 'range'],
    ]);
    const trainings = await importFile(
      ctx,
      enterprise,
      '/api/trainings/import',
      '培训.xlsx',
      await plainWorkbook(
        '培训',
        ['培训名称', '开班日期', '主办单位', '学员名单'],
        [
          ['导入培训甲', '2026-03-01', '某学院', '张三|甲公司|是\n李四|乙公司|否'],
          ['导入培训乙', '2026-03-02', '某学院', '王五|丙公司|结业了'],
        ],
      ),
    );
    expect(trainings.result?.rejected.map((r) => [r.row, r.column, r.rule])).toEqual([[3, '学员名单', 'trainee']]);
    const standards = await importFile(
      ctx,
      admin,
      '/api/standards/import',
      '标准.xlsx',
      await plainWorkbook(
        '标准',
        ['标准名称', '发布（立项）日期', '标准级别', '参与方式', '标准编号', '标准状态'],
        [
          ['导入标准甲', '2026-01-01', '国标', '主导', 'GB/T 9999-2026', '已发布'],
          ['导入标准乙', '2026-01-01', '行业标准', '参与', 'gb/t  9999-2026', '制定中'],
        ],
      ),
    );
    expect(standards.result?.rejected.map((r) => [r.row, r.column, r.rule])).toEqual([[3, '标准编号', 'duplicate_in_file']]);
    const products = await importFile(
      ctx,
      admin,
      '/api/products/import?mode=valid',
      '产品.xlsx',
      await plainWorkbook(
        '5G工业产品',
        ['产品名称', '发布日期', '产品类别', '型号', '生产厂商'],
        [
          ['导入模组甲', '2026-01-01', '模组', 'X1', '某厂'],
          ['导入模组乙', '2026-01-01', 'module', 'x1', '某厂'],
          ['导入模组丙', '2026-01-01', '模组', 'X1', '别厂'],
        ],
      ),
    );
    expect(products.result?.rejected.map((r) => [r.row, r.column, r.rule])).toEqual([[3, '型号', 'duplicate_in_file']]);
    expect(products.result?.created).toBe(2);
  });

  it('refuses a renamed header naming it, before any job starts', async () => {
    const file = await plainWorkbook(
      '专利',
      PATENT_HEADERS.map((h) => (h === '专利号（申请号）' ? '专利号' : h)),
      [['x', '', '2024-01-01', patent(2022, 1, 1), '发明专利', '2022-01-01', '', 'x']],
    );
    const res = await uploadAs(ctx, officer, '/api/patents/import', '专利.xlsx', file);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.issues).toEqual([
      expect.objectContaining({ field: '专利号', rule: 'header_renamed', message: expect.stringContaining('专利号（申请号）') }),
    ]);
  });
});
