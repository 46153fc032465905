import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  insertEnterprise,
  insertUser,
  login,
  orgByDivision,
  type Session,
  type TestContext,
} from '../../../../test/harness.js';
import { importFile, testCreditCode, uploadAs } from '../../../../test/imports.js';

const HEADER = '企业统一社会信用代码,资产名称,厂商,产品,订货号,固件/软件版本,序列号,主机名/IP,位置,网络区域,重要程度,责任人';

// Issue #5 item 3: asset files (CSV UTF-8 ± BOM, GBK, Excel) with a per-row report; bad files refused whole.
describe('asset import', () => {
  let ctx: TestContext;
  let officer: Session;
  let ent: Session;
  const code = testCreditCode(911, '91440112');
  const count = async () => (await ctx.database.pool.query('SELECT count(*)::int AS n FROM vuln_asset')).rows[0].n as number;

  beforeAll(async () => {
    ctx = await createTestApp();
    const hp = await orgByDivision(ctx, '440112');
    const e = await insertEnterprise(ctx, hp.id, '黄埔资产导入有限公司', code);
    await insertUser(ctx, 'ai.officer', 'district_officer', hp.id);
    await insertUser(ctx, 'ai.ent', 'enterprise_user', e.id);
    officer = await login(ctx, 'ai.officer');
    ent = await login(ctx, 'ai.ent');
  });
  afterAll(async () => ctx?.close());

  it('imports a UTF-8 CSV with BOM and a GBK CSV', async () => {
    const utf8 = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(`${HEADER}\n,1号PLC,西门子,SIMATIC S7-1500,6ES7518-4AX00-1AB0,V2.9.4,S1,10.1.0.1,一车间,OT,高,王工\n`),
    ]);
    const a = await importFile(ctx, ent, '/api/security/assets/import', 'assets.csv', utf8);
    expect(a.result).toMatchObject({ rows: 1, created: 1, rejected: [] });
    const gbk = iconv.encode(`${HEADER}\n${code},2号HMI,施耐德电气,Harmony HMI,,V1.2,,10.1.0.2,二车间,IT,中,\n`, 'gbk');
    const b = await importFile(ctx, officer, '/api/security/assets/import', 'assets.csv', gbk);
    expect(b.result).toMatchObject({ rows: 1, created: 1, rejected: [] });
    const list = (await ent.request('GET', '/api/security/assets')).json();
    expect(list.items.map((x: { vendor: string }) => x.vendor).sort()).toEqual(['施耐德电气', '西门子']);
  });

  it('reports every bad row by column and rule and writes nothing (mode all)', async () => {
    const before = await count();
    const csv = Buffer.from(`${HEADER}\n,A,西门子,S7-1200,,V4.5,,10.1.0.3,,OT,高,\n,B,,S7-1200,,V4.5,,10.1.0.4,,工控网,极高,\n`);
    const job = await importFile(ctx, ent, '/api/security/assets/import', 'assets.csv', csv);
    expect(job.result?.created).toBe(0);
    const rejected = job.result?.rejected ?? [];
    expect(rejected.map((r) => [r.row, r.column, r.rule])).toEqual([
      [3, '厂商', 'required'],
      [3, '网络区域', 'choice'],
      [3, '重要程度', 'choice'],
    ]);
    expect(await count()).toBe(before);
  });

  it('refuses a file with missing columns or in an unreadable encoding at once', async () => {
    const missing = await uploadAs(ctx, ent, '/api/security/assets/import', 'assets.csv', Buffer.from('厂商,产品\n西门子,S7-1500\n'));
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toMatch(/网络区域/);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEADER}\n`, 'utf16le')]);
    const wrong = await uploadAs(ctx, ent, '/api/security/assets/import', 'assets.csv', utf16);
    expect(wrong.statusCode).toBe(422);
  });
});
