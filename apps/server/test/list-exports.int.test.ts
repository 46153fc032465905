import { API, accessAllows, type Endpoint, ROLE_DEFINITIONS, ROLES, type Role } from '@suilian/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadVulnerabilityDemo } from '../src/modules/vulnerabilities/index.js';
import { systemActor } from '../src/platform/actor.js';
import { createAuditService } from '../src/platform/audit/audit.service.js';
import { systemClock } from '../src/platform/clock.js';
import { seededRandom } from '../src/seed/prng.js';
import { createTestApp, insertEnterprise, orgByDivision, type Session, type TestContext } from './harness.js';
import { testCreditCode } from './imports.js';
import { createRoleWorld } from './role-world.js';

/** The list exports added for #12 item 7, each with its list and a Chinese and an English header of its first column. */
const EXPORTS: Array<{ list: Endpoint; exporting: Endpoint; zh: string; en: string }> = [
  { list: API.listUsers, exporting: API.exportUsers, zh: '用户名', en: 'Username' },
  { list: API.listOrganisations, exporting: API.exportOrganisations, zh: '名称', en: 'Name' },
  { list: API.listSanctions, exporting: API.exportSanctions, zh: '主体名称', en: 'Entity' },
  { list: API.listVulnerabilities, exporting: API.exportVulnerabilities, zh: '编号', en: 'ID' },
  { list: API.listMatches, exporting: API.exportMatches, zh: '漏洞编号', en: 'Vulnerability' },
  { list: API.listFindings, exporting: API.exportFindings, zh: '漏洞编号', en: 'Vulnerability' },
  { list: API.listNotices, exporting: API.exportNotices, zh: '通报编号', en: 'Number' },
  { list: API.listDemands, exporting: API.exportDemands, zh: '需求标题', en: 'Title' },
  { list: API.listLeads, exporting: API.exportLeads, zh: '需求', en: 'Demand' },
  { list: API.listSolutions, exporting: API.exportSolutions, zh: '方案名称', en: 'Title' },
  { list: API.listSelectionRounds, exporting: API.exportSelectionRounds, zh: '批次名称', en: 'Title' },
  { list: API.listEdgeNodes, exporting: API.exportEdgeNodes, zh: '节点名称', en: 'Name' },
  { list: API.listIdentifierRecords, exporting: API.exportIdentifierRecords, zh: '标识', en: 'Handle' },
];

async function sheetOf(payload: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? ''))));
  });
  return { names: workbook.worksheets.map((w) => w.name), header: rows[0] ?? [], data: rows.slice(1) };
}

// Every list users work from can be exported (#12 item 7): the export holds exactly the list the caller sees.
describe('list exports (#12 item 7)', () => {
  let ctx: TestContext;
  const sessions = {} as Record<Role, Session>;

  beforeAll(async () => {
    ctx = await createTestApp();
    Object.assign(sessions, (await createRoleWorld(ctx, { name: '导出', user: 'export' })).sessions);
    const city = await orgByDivision(ctx, '440100');
    const hp = await orgByDivision(ctx, '440112');
    const th = await orgByDivision(ctx, '440106');
    const enterprises: Array<{ id: string; districtId: string }> = [];
    for (let i = 0; i < 4; i++) {
      const district = i % 2 === 0 ? hp : th;
      const e = await insertEnterprise(ctx, district.id, `导出企业${i}`, testCreditCode(960 + i, '91440112'));
      enterprises.push({ id: e.id, districtId: district.id });
    }
    await ctx.database.db.transaction((tx) =>
      loadVulnerabilityDemo(tx, {
        now: new Date(),
        actor: systemActor('system', city.id),
        audit: createAuditService({ db: ctx.database.db, clock: systemClock }),
        enterprises,
        random: seededRandom(7),
      }),
    );
  });
  afterAll(async () => ctx?.close());

  it('answers every role that reads the list with exactly its rows, and refuses the others with 403', async () => {
    const wrong: string[] = [];
    let nonEmpty = 0;
    for (const { list, exporting, zh } of EXPORTS) {
      for (const role of ROLES) {
        const s = sessions[role];
        const res = await s.request('GET', exporting.path);
        if (!accessAllows(exporting.access, ROLE_DEFINITIONS[role].permissions)) {
          if (res.statusCode !== 403) wrong.push(`${role} ${exporting.name}: ${res.statusCode} (expected 403)`);
          continue;
        }
        const listed = await s.request('GET', `${list.path}?pageSize=1`);
        if (res.statusCode !== 200 || listed.statusCode !== 200) {
          wrong.push(`${role} ${exporting.name}: ${res.statusCode} / list ${listed.statusCode} ${res.body.slice(0, 200)}`);
          continue;
        }
        const sheet = await sheetOf(res.rawPayload);
        if (sheet.header[0] !== zh) wrong.push(`${role} ${exporting.name}: header ${sheet.header[0]}`);
        const total = listed.json().total as number;
        if (sheet.data.length !== total) wrong.push(`${role} ${exporting.name}: ${sheet.data.length} rows, list ${total}`);
        if (total > 0) nonEmpty++;
      }
    }
    expect(wrong).toEqual([]);
    // The world has users, organisations, findings, matches, vulnerabilities: the check is not vacuous.
    expect(nonEmpty).toBeGreaterThan(10);
    // A request per list × role: its time grows with the roles and the machine's load (30 s ran out on a shared 2-core machine).
  }, 180_000);

  it('applies the list’s filters and scope: a district officer’s findings of one grade are the list’s', async () => {
    const s = sessions.security_analyst;
    const all = await s.request('GET', '/api/security/findings?pageSize=200');
    const grades = new Set((all.json().items as Array<{ grade: string }>).map((f) => f.grade));
    const grade = [...grades][0] ?? 'high';
    const listed = await s.request('GET', `/api/security/findings?grade=${grade}&pageSize=200`);
    const res = await s.request('GET', `/api/security/findings/export?grade=${grade}`);
    expect(res.statusCode).toBe(200);
    const sheet = await sheetOf(res.rawPayload);
    const keys = (listed.json().items as Array<{ vulnerabilityKey: string }>).map((f) => f.vulnerabilityKey).sort();
    expect(sheet.data.map((r) => r[0]).sort()).toEqual(keys);
    expect(keys.length).toBeLessThan(all.json().total);
    // Users: the role filter narrows the file as it narrows the list.
    const admin = sessions.city_admin;
    const experts = await admin.request('GET', '/api/users/export?role=expert');
    const names = (await sheetOf(experts.rawPayload)).data.map((r) => r[2]);
    expect(names.length).toBeGreaterThan(0);
    expect(new Set(names)).toEqual(new Set(['评审专家']));
  });

  it('words headers and values in the chosen language, one sheet, no 说明 sheet', async () => {
    for (const { exporting, en } of EXPORTS) {
      const res = await sessions.city_admin.request('GET', `${exporting.path}?lang=en-US`);
      if (res.statusCode === 403) continue;
      expect(res.statusCode, exporting.name).toBe(200);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename\*=UTF-8''/);
      const sheet = await sheetOf(res.rawPayload);
      expect(sheet.header[0], exporting.name).toBe(en);
      expect(sheet.names, exporting.name).toHaveLength(1);
    }
    const users = await sheetOf((await sessions.city_admin.request('GET', '/api/users/export?role=expert&lang=en-US')).rawPayload);
    expect(new Set(users.data.map((r) => r[2]))).toEqual(new Set(['Expert reviewer']));
  });

  it('refuses a filter the list refuses (the same query schema) with 4xx naming it', async () => {
    const res = await sessions.city_admin.request('GET', '/api/users/export?role=nobody');
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    const paged = await sessions.city_admin.request('GET', '/api/users/export?page=2');
    expect([400, 422]).toContain(paged.statusCode);
  });
});
