import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, insertUser, login, orgByDivision, type Session, type TestContext } from '../../../test/harness.js';
import { importFile, plainWorkbook, testCreditCode, uploadAs } from '../../../test/imports.js';
import { bindColumns, readTable } from '../../platform/tabular/read.js';

const HEADERS = ['企业名称', '统一社会信用代码', '所在区', '产业集群', '是否规上企业', '联系人', '联系电话'];
const URL = '/api/enterprises/import';

/** An enterprise as the API shows it, without what a database assigns (ids, versions, times). */
function comparable(e: Record<string, unknown>) {
  const { id, parentId, districtId, version, createdAt, updatedAt, isDemo, honours, ...rest } = e;
  const contacts = (rest.contacts as Array<Record<string, unknown>>).map((c) =>
    Object.fromEntries(Object.entries(c).filter(([, v]) => v !== null && v !== undefined)),
  );
  return { ...rest, contacts };
}

// Issue #3 item 6 (Excel) and "Bad input" for enterprises.
describe('enterprise import and export', () => {
  let ctx: TestContext;
  let admin: Session;
  let officer: Session;
  let huangpuId: string;
  let tianheId: string;
  const count = async (where: string) =>
    (await ctx.database.pool.query(`SELECT count(*)::int AS n FROM organisation WHERE kind = 'enterprise' AND ${where}`)).rows[0].n;

  beforeAll(async () => {
    ctx = await createTestApp();
    const city = await orgByDivision(ctx, '440100');
    huangpuId = (await orgByDivision(ctx, '440112')).id;
    tianheId = (await orgByDivision(ctx, '440106')).id;
    await insertUser(ctx, 'ei.admin', 'city_admin', city.id);
    await insertUser(ctx, 'ei.officer', 'district_officer', huangpuId);
    admin = await login(ctx, 'ei.admin');
    officer = await login(ctx, 'ei.officer');
  });
  afterAll(() => ctx.close());

  it('serves a template with Chinese headers, a hidden code sheet and a rules sheet', async () => {
    const res = await admin.request('GET', '/api/enterprises/import-template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('企业导入模板.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['企业信息', 'visible'],
      ['说明', 'visible'],
      ['代码表', 'hidden'],
    ]);
    expect((wb.getWorksheet('企业信息')?.getRow(1).values as string[] | undefined)?.slice(1, 4)).toEqual([
      '企业名称',
      '统一社会信用代码',
      '所在区',
    ]);
    const codes = wb.getWorksheet('代码表')?.getSheetValues().flat() ?? [];
    expect(codes).toEqual(expect.arrayContaining(['天河区', '新型显示', '计算机、通信和其他电子设备制造业', '大型', '是']));
  });

  it('export → import into a fresh database gives the same records', async () => {
    const base = { districtId: huangpuId, industryCode: '39', sizeClass: 'LARGE', aboveScale: true };
    const bodies = [
      {
        ...base,
        name: '广州往返面板有限公司',
        creditCode: testCreditCode(1),
        nameEn: 'Guangzhou Round Trip Panel Co., Ltd.',
        address: '黄埔区开创大道 1 号',
        clusterCode: 'NEW_DISPLAY',
        mainProducts: '显示面板，触控模组',
        description: '第一行\n第二行',
        contacts: [
          { name: '王工', title: '信息中心主任', phone: '020-12345678', email: 'wang@example.cn' },
          { name: '李工', phone: '13800138000' },
          { name: '赵经理', email: 'zhao@example.cn' },
        ],
      },
      { name: '广州往返芯片有限公司', creditCode: testCreditCode(2), districtId: tianheId, clusterCode: 'IC', aboveScale: false },
      { ...base, name: '广州往返装备有限公司', creditCode: testCreditCode(3), contacts: [{ name: '陈工' }] },
    ];
    for (const body of bodies) expect((await admin.request('POST', '/api/enterprises', body)).statusCode).toBe(201);
    const filter = '?q=往返&sort=creditCode';
    const exported = await admin.request('GET', `/api/enterprises/export${filter}`);
    expect(exported.statusCode).toBe(200);
    const before = (await admin.request('GET', `/api/enterprises${filter}`)).json().items.map(comparable);
    expect(before).toHaveLength(3);

    const fresh = await createTestApp();
    try {
      await insertUser(fresh, 'ei.fresh', 'city_admin', (await orgByDivision(fresh, '440100')).id);
      const freshAdmin = await login(fresh, 'ei.fresh');
      const job = await importFile(fresh, freshAdmin, URL, '企业清单.xlsx', exported.rawPayload);
      expect(job).toMatchObject({ status: 'succeeded', result: { mode: 'all', rows: 3, valid: 3, created: 3, rejected: [] } });
      const after = (await freshAdmin.request('GET', `/api/enterprises${filter}`)).json().items.map(comparable);
      expect(after).toEqual(before);
      // and the export of the copy reads the same as the original export
      const again = await freshAdmin.request('GET', `/api/enterprises/export${filter}`);
      const rows = async (buf: Buffer) => (await readTable('x.xlsx', buf, { maxRows: 10 })).rows.map((r) => r.values);
      expect(await rows(again.rawPayload)).toEqual(await rows(exported.rawPayload));
    } finally {
      await fresh.close();
    }
  });

  it('reports each bad row once by column and rule, and writes nothing in mode all', async () => {
    const good = testCreditCode(10);
    const file = await plainWorkbook('企业信息', HEADERS, [
      ['好企业甲', good, '黄埔区', '新型显示', '是', '王工', '020-1234567'],
      ['校验码错误', '91440112MA59B7XH32', '黄埔区', '', '', '', ''],
      ['未知集群', testCreditCode(11), '黄埔', '太空电梯', '否', '', ''],
      ['文件内重复', good, '440112', '', '', '', ''],
      ['好企业乙', testCreditCode(12), '天河区', 'IC', '', '', ''],
    ]);
    const all = await importFile(ctx, admin, URL, '企业.xlsx', file);
    expect(all.status).toBe('succeeded');
    expect(all.result).toMatchObject({ mode: 'all', rows: 5, created: 0 });
    expect(all.result?.rejected.map((r) => [r.row, r.column, r.rule])).toEqual([
      [3, '统一社会信用代码', 'credit_code'],
      [4, '产业集群', 'code_list'],
      [5, '统一社会信用代码', 'duplicate_in_file'],
    ]);
    expect(all.result?.rejected[1]?.message).toContain('太空电梯');
    expect(all.progress).toBe(all.total);
    expect(await count("name IN ('好企业甲', '好企业乙')")).toBe(0);

    const valid = await importFile(ctx, admin, `${URL}?mode=valid`, '企业.xlsx', file);
    expect(valid.result).toMatchObject({ mode: 'valid', rows: 5, valid: 2, created: 2 });
    expect(valid.result?.rejected).toHaveLength(3);
    expect(await count("name IN ('好企业甲', '好企业乙')")).toBe(2);
    const created = (await admin.request('GET', '/api/enterprises?q=好企业甲')).json().items[0];
    expect(created).toMatchObject({
      districtName: '黄埔区',
      clusterCode: 'NEW_DISPLAY',
      aboveScale: true,
      contacts: [{ name: '王工', phone: '020-1234567' }],
    });

    // audited: one enterprise.create per record and one enterprise.import naming the job; the chain holds
    const audit = (await admin.request('GET', `/api/audit?entityId=${created.id}`)).json().items;
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['enterprise.create']);
    expect(audit[0].after).toMatchObject({ name: '好企业甲', importJobId: valid.id });
    const summary = (await admin.request('GET', `/api/audit?action=enterprise.import&entityId=${valid.id}`)).json().items;
    expect(summary[0].after).toMatchObject({ created: 2, mode: 'valid' });
    expect((await admin.request('GET', '/api/audit/verify')).json().ok).toBe(true);

    // the same file again: the good rows are now duplicates of registered enterprises
    const repeat = await importFile(ctx, admin, `${URL}?mode=valid`, '企业.xlsx', file);
    expect(repeat.result?.created).toBe(0);
    expect(repeat.result?.rejected.filter((r) => r.rule === 'duplicate').map((r) => r.row)).toEqual([2, 5, 6]);
  });

  it('refuses a renamed header naming it, before any job starts', async () => {
    const file = await plainWorkbook('企业信息', ['企业名称', '信用代码', '所在区'], [['某企业', testCreditCode(20), '黄埔区']]);
    const res = await uploadAs(ctx, admin, URL, '企业.xlsx', file);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.issues).toEqual([
      expect.objectContaining({ field: '信用代码', rule: 'header_renamed', message: expect.stringContaining('统一社会信用代码') }),
    ]);
    expect((await admin.request('GET', '/api/jobs?kind=enterprise.import')).json().total).toBe(3);
  });

  it('refuses an executable named .xlsx', async () => {
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(256)]);
    const res = await uploadAs(ctx, admin, URL, '企业.xlsx', elf);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.issues[0]).toMatchObject({ field: 'file', rule: 'content' });
  });

  it('reads a GBK CSV saved by Excel on Chinese Windows', async () => {
    const csv = `${HEADERS.join(',')}\r\n广州GBK编码有限公司,${testCreditCode(30)},天河区,生物医药,否,"张工",020-7654321\r\n`;
    const job = await importFile(ctx, admin, URL, '企业.csv', iconv.encode(csv, 'gbk'));
    expect(job.result).toMatchObject({ created: 1, rejected: [] });
    expect(await count("name = '广州GBK编码有限公司'")).toBe(1);
  });

  it('keeps district officers to their district and enterprise users out', async () => {
    const file = await plainWorkbook(
      '企业信息',
      ['企业名称', '统一社会信用代码', '所在区'],
      [
        ['本区企业', testCreditCode(40), ''],
        ['外区企业', testCreditCode(41), '天河区'],
      ],
    );
    const job = await importFile(ctx, officer, URL, '企业.xlsx', file);
    expect(job.result?.rejected).toEqual([expect.objectContaining({ row: 3, column: '所在区', rule: 'scope' })]);
    const valid = await importFile(ctx, officer, `${URL}?mode=valid`, '企业.xlsx', file);
    expect(valid.result?.created).toBe(1);
    expect((await officer.request('GET', '/api/enterprises?q=本区企业')).json().items[0].districtName).toBe('黄埔区');
    expect((await admin.request('GET', `/api/jobs/${valid.id}`)).statusCode).toBe(200);
    expect((await officer.request('GET', `/api/jobs/${job.id}`)).statusCode).toBe(200);

    const own = await ctx.database.pool.query("SELECT id FROM organisation WHERE name = '本区企业'");
    await insertUser(ctx, 'ei.ent', 'enterprise_user', own.rows[0].id);
    const ent = await login(ctx, 'ei.ent');
    expect((await uploadAs(ctx, ent, URL, '企业.xlsx', file)).statusCode).toBe(403);
    expect((await officer.request('GET', `/api/jobs/${valid.id}`)).statusCode).toBe(200);
    expect((await ent.request('GET', `/api/jobs/${valid.id}`)).statusCode).toBe(404);
  });

  it('imports a larger file with progress reaching its total', async () => {
    const n = 2000;
    const rows = Array.from({ length: n }, (_, i) => [
      `批量企业${i}`,
      testCreditCode(100_000 + i),
      i % 2 ? '天河区' : '黄埔区',
      '智能装备',
      '',
      '',
      '',
    ]);
    const job = await importFile(ctx, admin, URL, '批量.xlsx', await plainWorkbook('企业信息', HEADERS, rows));
    expect(job).toMatchObject({ status: 'succeeded', progress: 2 * n, total: 2 * n, result: { created: n, rejected: [] } });
    expect(await count("name LIKE '批量企业%'")).toBe(n);
    const exported = await admin.request('GET', '/api/enterprises/export?q=批量企业');
    const table = bindColumns(await readTable('x.xlsx', exported.rawPayload, { maxRows: 5000 }), {
      sheet: '企业信息',
      rules: [],
      columns: [{ header: '企业名称', key: 'name', required: true }].concat(
        [
          '统一社会信用代码',
          '所在区',
          '英文名称',
          '地址',
          '所属行业',
          '产业集群',
          '企业规模',
          '是否规上企业',
          '主要产品',
          '企业简介',
          '联系人',
          '联系人职务',
          '联系电话',
          '电子邮箱',
          '其他联系人',
        ].map((header) => ({ header, key: header, required: false })),
      ),
    });
    expect(table).toHaveLength(n);
  });
});
