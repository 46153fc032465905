import { ALL_ENDPOINTS, API, accessAllows, type Endpoint, pathOf, ROLE_DEFINITIONS, type Role } from '@suilian/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditService } from '../src/platform/audit/audit.service.js';
import { systemClock } from '../src/platform/clock.js';
import { dataKeyringOf, generateDataKey } from '../src/platform/crypto/data-keys.js';
import { createPersonDigests } from '../src/platform/crypto/person-digest.js';
import { createSealer } from '../src/platform/crypto/sealed.js';
import { parseCsv } from '../src/platform/tabular/csv.js';
import { readsAsFormula } from '../src/platform/tabular/inert-cell.js';
import { loadDemoData } from '../src/seed/demo.js';
import { createTestApp, insertUser, login, orgByDivision, type Session, type TestContext } from './harness.js';

/**
 * "Exports cannot carry formulas" (issue #11 item 3): the OWASP CSV-injection payloads are stored
 * in the records every export includes (demo data, then its free-text columns overwritten), each
 * export is downloaded and read back: no CSV field would be read as a formula, no xlsx cell is a
 * formula, and the payloads are there as text.
 */

const PAYLOADS = [
  "=cmd|' /C calc'!A0",
  "+cmd|' /C calc'!A0",
  "-cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "\t=cmd|' /C calc'!A0",
  "\r=cmd|' /C calc'!A0",
];
/** Every payload ends with this, so a cell that holds one is easy to find. */
const MARK = "calc'!A0";

/** The first of these roles that holds the endpoint's access (city-wide roles first, so every record is in reach). */
const ROLE_PREFERENCE: readonly Role[] = ['city_admin', 'security_analyst', 'city_analyst', 'auditor'];

/** Cells of every sheet of an xlsx: its value and whether it is a formula. */
async function xlsxCells(content: Buffer): Promise<{ value: unknown; formula: boolean }[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(content as unknown as ArrayBuffer);
  const cells: { value: unknown; formula: boolean }[] = [];
  book.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        cells.push({ value: cell.value, formula: cell.type === ExcelJS.ValueType.Formula || Boolean(cell.formula) });
      }),
    ),
  );
  return cells;
}

describe('exports carry no formulas', () => {
  let ctx: TestContext;
  const sessions = {} as Record<Role, Session>;
  const queries: Record<string, { params?: Record<string, string>; query?: Record<string, string> }> = {};

  beforeAll(async () => {
    ctx = await createTestApp();
    const db = ctx.database.db;
    // With the data key, as `npm start` loads it: demo sanctions and fund applications need it.
    const keyring = dataKeyringOf([generateDataKey()]);
    await loadDemoData(db, {
      clock: systemClock,
      audit: createAuditService({ db, clock: systemClock }),
      sealer: createSealer(() => keyring),
      persons: createPersonDigests(() => keyring),
    });
    const city = await orgByDivision(ctx, '440100');
    for (const role of ROLE_PREFERENCE)
      sessions[role] = await login(ctx, (await insertUser(ctx, `inject.${role}`, role, city.id)).username);

    // The payloads go into the free-text columns the exports show, cycling through them row by row.
    const sql = (text: string) => ctx.database.pool.query(text, [PAYLOADS]);
    const pick = '($1::text[])[1 + (abs(hashtext(id::text)) % 6)]';
    await sql(`UPDATE organisation SET name = ${pick} || ' ' || left(id::text, 8), address = ${pick} WHERE kind = 'enterprise'`);
    await sql(`UPDATE factory SET name = ${pick} || ' ' || left(id::text, 8), address = ${pick}`);
    await sql(`UPDATE project SET title = ${pick} || ' ' || code, description = ${pick}`);
    await sql(`UPDATE vuln_asset SET name = ${pick}, model = ${pick}`);
    await sql(`UPDATE registry_record SET title = ${pick} || ' ' || left(id::text, 8)`);
    await sql(`UPDATE edge_node SET name = ${pick} || ' ' || left(id::text, 8), location = ${pick}`);
    await sql(`UPDATE solution SET title = ${pick} || ' ' || left(id::text, 8)`);
    await sql(`UPDATE sanction SET entity_name = ${pick}, reason = ${pick}`);
    await sql(`UPDATE selection_round SET title = ${pick} || ' ' || left(id::text, 8)`);
    await sql(`UPDATE vulnerability SET title = ${pick}, title_zh = ${pick}`);
    await sql(`UPDATE vuln_notice SET title = ${pick}`);
    // A record's URL is its URL value (string data) among the handle values.
    await sql(
      `UPDATE handle_record SET handle_values = (SELECT jsonb_agg(CASE WHEN v->>'type' = 'URL' AND v->'data'->>'format' = 'string'
         THEN jsonb_set(v, '{data,value}', to_jsonb(($1::text[])[1 + (abs(hashtext(handle_key)) % 6)])) ELSE v END)
         FROM jsonb_array_elements(handle_values) AS e(v)) WHERE jsonb_array_length(handle_values) > 0`,
    );
    await sql(`UPDATE data_value SET comment = ($1::text[])[1 + (abs(hashtext(data_element_code || period)) % 6)]`);
    await sql(`UPDATE indicator SET name_zh = ($1::text[])[1 + (abs(hashtext(code)) % 6)] || ' ' || code`);
    await sql(
      `UPDATE handle_template SET items = (SELECT jsonb_agg(jsonb_set(item, '{label}', to_jsonb(($1::text[])[1 + (ordinality::int % 6)])))
         FROM jsonb_array_elements(items) WITH ORDINALITY AS e(item, ordinality)) WHERE jsonb_array_length(items) > 0`,
    );

    // The demo has no trainings yet: one event per payload, so the activities export has rows.
    await sql(
      `INSERT INTO training_activity (kind, event_kind, title, starts_on, ends_on, venue, capacity, district_id, created_at)
       SELECT 'event', 'forum', p, '2026-11-01', '2026-11-01', p, 50, (SELECT id FROM organisation WHERE division_code = '440112'), now()
       FROM unnest($1::text[]) AS p`,
    );
    // A rule every district breaks (1 = 2), named with a payload, so the batch validation export has rows.
    const periods = await ctx.database.pool.query('SELECT min(period) AS first, max(period) AS last FROM data_value');
    const { first, last } = periods.rows[0];
    const rule = await sessions.city_admin.request('POST', pathOf(API.createValidationRule), {
      code: 'INJECTION_RULE',
      dataSet: 'DISTRICT_MONTHLY',
      nameZh: PAYLOADS[0],
      nameEn: PAYLOADS[1],
      left: '1',
      operator: 'equal_to',
      right: '2',
      strategy: 'NEVER_SKIP',
      importance: 'high',
    });
    expect(rule.statusCode, rule.body).toBe(201);

    // The demo has no security notices: one, titled with a payload, so the notices export has a row.
    const vulnerability = await ctx.database.pool.query('SELECT id FROM vulnerability LIMIT 1');
    const notice = await sessions.security_analyst.request('POST', pathOf(API.createNotice), {
      title: PAYLOADS[2],
      grade: 'high',
      summary: PAYLOADS[3],
      affectedScope: PAYLOADS[4],
      mitigations: PAYLOADS[5],
      responseDeadline: '2027-06-30',
      vulnerabilityIds: [vulnerability.rows[0].id],
    });
    expect(notice.statusCode, notice.body).toBe(201);

    const district = await ctx.database.pool.query('SELECT org_id FROM data_value WHERE period = $1 LIMIT 1', [last]);
    const template = await ctx.database.pool.query(
      'SELECT prefix, industry_code FROM handle_template WHERE jsonb_array_length(items) > 0 LIMIT 1',
    );
    const range = { dataSet: 'DISTRICT_MONTHLY', from: first, to: last };
    queries.exportReportValues = { query: range };
    queries.exportBatchValidation = { query: range };
    queries.downloadReportFormTemplate = {
      params: { dataSet: 'DISTRICT_MONTHLY', period: last },
      query: { orgUnit: district.rows[0].org_id },
    };
    queries.downloadIdentifierBatchTemplate = {
      query: { prefix: template.rows[0].prefix, industryCode: template.rows[0].industry_code },
    };
  }, 180_000);
  afterAll(() => ctx.close());

  /** Every export of stored records: the `export…` endpoints and the two templates filled from stored data. */
  const exportsOfRecords = () =>
    ALL_ENDPOINTS.filter(
      (e) =>
        e.responseKind === 'file' &&
        (/^(.*\.)?export/.test(e.name) || e.name === 'downloadReportFormTemplate' || e.name === 'downloadIdentifierBatchTemplate'),
    );

  it('covers every export of the catalogue', () => {
    expect(exportsOfRecords().length).toBeGreaterThanOrEqual(19);
  });

  it.each(exportsOfRecords().map((e) => [e.name, e] as [string, Endpoint]))('%s neutralises the payloads', async (_name, endpoint) => {
    const role = ROLE_PREFERENCE.find((r) => accessAllows(endpoint.access, ROLE_DEFINITIONS[r].permissions));
    if (!role) throw new Error(`no city-wide role may call ${endpoint.name}`);
    const { params, query } = queries[endpoint.name] ?? {};
    const url = pathOf(endpoint, params) + (query ? `?${new URLSearchParams(query)}` : '');
    const res = await sessions[role].request(endpoint.method, url);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);

    if (/text\/csv/.test(String(res.headers['content-type']))) {
      const fields = parseCsv(res.body.replace(/^\uFEFF/, '')).flat();
      expect(fields.filter(readsAsFormula)).toEqual([]);
      expect(fields.some((f) => f.startsWith("'") && f.endsWith(MARK))).toBe(true);
      return;
    }
    const cells = await xlsxCells(res.rawPayload);
    expect(cells.filter((c) => c.formula)).toEqual([]);
    const carrying = cells.filter((c) => typeof c.value === 'string' && c.value.includes(MARK));
    expect(carrying.length, 'the payloads reach the export').toBeGreaterThan(0);
    // Stored text stays text, as written (no quote added: xlsx text cells are never evaluated).
    const asWritten = (text: string) => PAYLOADS.some((p) => text.trimStart().startsWith(p.trim()));
    expect(carrying.some((c) => asWritten(c.value as string))).toBe(true);
  });
});
